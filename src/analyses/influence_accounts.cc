#include "analyses/influence_accounts.h"

#include "store/config.h"

namespace crowdlens {
namespace {

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::string HandleKey(std::string_view platform, std::string_view handle) {
  return std::string(platform) + '\x1f' + AsciiLower(handle);
}

bool IsStandIn(std::string_view platform_id) { return !platform_id.empty() && platform_id.front() == '@'; }

}  // namespace

Result<AccountDirectory> AccountDirectory::Load(Database& db) {
  AccountDirectory directory;
  // Real accounts first, and among those sharing a handle the most recent holder
  // first, so the first account seen for a handle is the one stand-ins join.
  Result<Statement> accounts = db.Prepare(
      "SELECT account_key, platform, platform_id, coalesce(handle, ''), coalesce(name, ''), followers_count, "
      "following_count, profile_observed_at IS NOT NULL, coalesce(url, '') FROM accounts "
      "ORDER BY substr(platform_id, 1, 1) = '@', coalesce(handle_observed_at, 0) DESC, account_key");
  if (!accounts.ok()) return accounts.status();
  std::vector<std::pair<int64_t, std::string>> stand_ins;  // key, handle key
  while (true) {
    Result<bool> row = accounts->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    DirectoryAccount account{.account_key = accounts->ColumnInt(0),
                             .platform = accounts->ColumnText(1),
                             .platform_id = accounts->ColumnText(2),
                             .handle = accounts->ColumnText(3),
                             .name = accounts->ColumnText(4)};
    if (!accounts->ColumnIsNull(5)) account.followers_count = accounts->ColumnInt(5);
    if (!accounts->ColumnIsNull(6)) account.following_count = accounts->ColumnInt(6);
    account.has_profile = accounts->ColumnInt(7) != 0;
    account.url = accounts->ColumnText(8);
    std::string handle_key = account.handle.empty() ? std::string() : HandleKey(account.platform, account.handle);
    if (IsStandIn(account.platform_id) && !handle_key.empty()) {
      auto holder = directory.index_of_handle_.find(handle_key);
      if (holder != directory.index_of_handle_.end()) {
        directory.index_of_key_[account.account_key] = holder->second;
        continue;
      }
    }
    uint32_t index = directory.size();
    directory.index_of_key_[account.account_key] = index;
    if (!handle_key.empty()) directory.index_of_handle_.emplace(handle_key, index);
    directory.index_of_platform_id_.emplace(account.platform + '\x1f' + account.platform_id, index);
    directory.accounts_.push_back(std::move(account));
  }
  Result<Statement> former =
      db.Prepare("SELECT account_key, handle_lower FROM account_handles ORDER BY last_seen DESC");
  if (!former.ok()) return former.status();
  while (true) {
    Result<bool> row = former->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::optional<uint32_t> index = directory.IndexOf(former->ColumnInt(0));
    if (!index) continue;
    directory.index_of_former_handle_.emplace(HandleKey(directory.accounts_[*index].platform, former->ColumnText(1)),
                                              *index);
  }
  return directory;
}

std::optional<uint32_t> AccountDirectory::IndexOf(int64_t account_key) const {
  auto found = index_of_key_.find(account_key);
  if (found == index_of_key_.end()) return std::nullopt;
  return found->second;
}

Result<uint32_t> AccountDirectory::Find(std::string_view reference) const {
  OwnerRef ref = ParseOwnerRef(std::string(reference));
  if (ref.handle.empty()) return InvalidArgument("\"" + std::string(reference) + "\" is not a handle");
  std::string key = HandleKey(ref.platform, ref.handle);
  if (auto found = index_of_handle_.find(key); found != index_of_handle_.end()) return found->second;
  if (auto found = index_of_former_handle_.find(key); found != index_of_former_handle_.end()) return found->second;
  if (auto found = index_of_platform_id_.find(ref.platform + '\x1f' + ref.handle);
      found != index_of_platform_id_.end()) {
    return found->second;
  }
  return NotFound("no account \"" + std::string(reference) + "\" in the workspace (" + ref.platform +
                  "); check the spelling, or run `crowdlens influence` without handles to list the top accounts");
}

std::string AccountDirectory::Label(uint32_t index) const {
  const DirectoryAccount& account = accounts_[index];
  if (!account.handle.empty()) return account.handle;
  if (!account.name.empty()) return account.name;
  return account.platform_id;
}

}  // namespace crowdlens
