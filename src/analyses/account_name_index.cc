#include "analyses/account_name_index.h"

#include <algorithm>
#include <unordered_set>

#include "text/jaro_winkler.h"
#include "text/nicknames.h"

namespace crowdlens {

std::string NamePrefix(const std::string& word) { return word.substr(0, std::min<size_t>(3, word.size())); }

Result<AccountNameIndex> AccountNameIndex::Load(Database& db) {
  // Real accounts first, so a stand-in is skipped when its handle is taken.
  Result<Statement> statement = db.Prepare(
      "SELECT account_key, platform, coalesce(handle, ''), coalesce(name, ''), coalesce(bio, ''), "
      "coalesce(location, ''), coalesce(url, ''), coalesce(followers_count, 0), substr(platform_id, 1, 1) = '@' "
      "FROM accounts WHERE platform NOT LIKE 'graph:%' AND (name IS NOT NULL OR handle IS NOT NULL) "
      "ORDER BY substr(platform_id, 1, 1) = '@', account_key");
  if (!statement.ok()) return statement.status();
  AccountNameIndex index;
  std::unordered_set<std::string> real_handles;
  while (true) {
    Result<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    IndexedAccount account{.account_key = statement->ColumnInt(0),
                           .platform = statement->ColumnText(1),
                           .handle = statement->ColumnText(2),
                           .name = statement->ColumnText(3),
                           .bio = statement->ColumnText(4),
                           .location = statement->ColumnText(5),
                           .url = statement->ColumnText(6),
                           .followers = statement->ColumnInt(7)};
    const bool stand_in = statement->ColumnInt(8) != 0;
    if (stand_in && real_handles.count(account.platform + ":" + account.handle) > 0) continue;
    if (!stand_in) real_handles.insert(account.platform + ":" + account.handle);
    account.name_words = text::NameWords(account.name);
    account.handle_name = text::HandleAsName(account.handle);
    index.Add(std::move(account));
  }
  return index;
}

void AccountNameIndex::Add(IndexedAccount account) {
  const size_t position = accounts_.size();
  std::unordered_set<std::string> prefixes;
  for (const std::string& word : account.name_words) {
    prefixes.insert(NamePrefix(word));
    for (const std::string& formal : text::FormalGivenNames(word)) prefixes.insert(NamePrefix(formal));
  }
  if (account.handle_name.size() >= 2) prefixes.insert(NamePrefix(account.handle_name));
  for (const std::string& prefix : prefixes) by_prefix_[prefix].push_back(position);
  accounts_.push_back(std::move(account));
}

std::vector<NameCandidate> AccountNameIndex::Find(const std::vector<std::string>& words, double min_similarity) const {
  std::vector<NameCandidate> found;
  if (words.empty()) return found;
  std::unordered_set<std::string> prefixes;
  std::string joined;
  for (const std::string& word : words) {
    prefixes.insert(NamePrefix(word));
    for (const std::string& formal : text::FormalGivenNames(word)) prefixes.insert(NamePrefix(formal));
    joined += word;
  }
  std::unordered_set<size_t> seen;
  for (const std::string& prefix : prefixes) {
    auto bucket = by_prefix_.find(prefix);
    if (bucket == by_prefix_.end()) continue;
    for (size_t position : bucket->second) {
      if (!seen.insert(position).second) continue;
      const IndexedAccount& account = accounts_[position];
      NameCandidate candidate{.account = position, .name = text::CompareNames(words, account.name_words)};
      if (!account.handle_name.empty()) {
        const double by_handle = text::JaroWinkler(joined, account.handle_name);
        if (by_handle > candidate.name.similarity) {
          candidate.name = {.similarity = by_handle};
          candidate.by_handle = true;
        }
      }
      if (candidate.name.similarity >= min_similarity) found.push_back(candidate);
    }
  }
  std::sort(found.begin(), found.end(), [&](const NameCandidate& left, const NameCandidate& right) {
    if (left.name.similarity != right.name.similarity) return left.name.similarity > right.name.similarity;
    if (accounts_[left.account].followers != accounts_[right.account].followers) {
      return accounts_[left.account].followers > accounts_[right.account].followers;
    }
    return accounts_[left.account].account_key < accounts_[right.account].account_key;
  });
  return found;
}

}  // namespace crowdlens
