#include "analyses/segment_classifier_inputs.h"

#include <algorithm>
#include <unordered_map>

namespace crowdlens {
namespace {

std::optional<int64_t> OptionalInt(const Statement& row, int column) {
  if (row.ColumnIsNull(column)) return std::nullopt;
  return row.ColumnInt(column);
}

// " AND <column> IN (1,2,3)" for the named accounts; "" for all of them. Keys
// are integers, so they are written into the SQL, not bound.
std::string KeyFilter(const std::string& column, const std::vector<int64_t>& account_keys) {
  if (account_keys.empty()) return "";
  std::string list;
  for (int64_t key : account_keys) list += (list.empty() ? "" : ",") + std::to_string(key);
  return " AND " + column + " IN (" + list + ")";
}

// "?1,?2,..." for `count` bound values.
std::string Placeholders(size_t count) {
  std::string list;
  for (size_t index = 1; index <= count; ++index) list += (index > 1 ? ",?" : "?") + std::to_string(index);
  return list;
}

// Runs `sql` (with `texts` bound to ?1..?n) and calls `row` for each result row.
template <typename RowFunction>
Status ForEachTextRow(Database& db, const std::string& sql, const std::vector<std::string>& texts, RowFunction row) {
  Result<Statement> statement = db.Prepare(sql);
  if (!statement.ok()) return statement.status();
  for (size_t index = 0; index < texts.size(); ++index) statement->Bind(static_cast<int>(index + 1), texts[index]);
  while (true) {
    Result<bool> has_row = statement->Step();
    if (!has_row.ok()) return has_row.status();
    if (!*has_row) return Status::Ok();
    row(*statement);
  }
}

}  // namespace

Result<std::vector<AccountFacts>> LoadAccountFacts(Workspace& workspace, const std::vector<int64_t>& account_keys,
                                                   const std::vector<std::string>& example_handles) {
  Database& db = workspace.db();
  std::vector<AccountFacts> accounts;
  std::unordered_map<int64_t, size_t> account_index;
  CROWDLENS_RETURN_IF_ERROR(
      ForEachTextRow(db,
                 "SELECT account_key, platform, handle, name, bio, location, url, time_zone, followers_count, "
                 "following_count, post_count, created_at, profile_observed_at, verified FROM accounts WHERE 1" +
                     KeyFilter("account_key", account_keys) + " ORDER BY account_key",
                 {}, [&](const Statement& row) {
                   AccountFacts facts;
                   facts.account_key = row.ColumnInt(0);
                   facts.platform = row.ColumnText(1);
                   facts.handle = row.ColumnText(2);
                   facts.name = row.ColumnText(3);
                   facts.bio = row.ColumnText(4);
                   facts.location = row.ColumnText(5);
                   facts.url = row.ColumnText(6);
                   facts.time_zone = row.ColumnText(7);
                   facts.followers = OptionalInt(row, 8);
                   facts.following = OptionalInt(row, 9);
                   facts.post_count = OptionalInt(row, 10);
                   facts.created_at = OptionalInt(row, 11);
                   facts.profile_observed_at = OptionalInt(row, 12);
                   facts.verified = !row.ColumnIsNull(13) && row.ColumnInt(13) != 0;
                   account_index.emplace(facts.account_key, accounts.size());
                   accounts.push_back(std::move(facts));
                 }));

  // Posts, then their hashtags, URLs and mentions of example accounts, by post key.
  std::unordered_map<int64_t, std::pair<size_t, size_t>> post_index;  // post_key -> (account, post)
  CROWDLENS_RETURN_IF_ERROR(
      ForEachTextRow(db,
                 "SELECT post_key, author_key, text, retweet_of_id IS NOT NULL FROM posts WHERE 1" +
                     KeyFilter("author_key", account_keys) + " ORDER BY author_key, created_at, post_key",
                 {}, [&](const Statement& row) {
                   auto found = account_index.find(row.ColumnInt(1));
                   if (found == account_index.end()) return;
                   AccountFacts& facts = accounts[found->second];
                   post_index.emplace(row.ColumnInt(0), std::make_pair(found->second, facts.posts.size()));
                   facts.posts.push_back({.text = row.ColumnText(2), .hashtags = {}, .mentions = {}});
                   if (row.ColumnInt(3) != 0) {
                     ++facts.retweets;
                   } else {
                     facts.original_texts.push_back(facts.posts.back().text);
                   }
                 }));
  CROWDLENS_RETURN_IF_ERROR(
      ForEachTextRow(db,
                 "SELECT h.post_key, h.tag FROM post_hashtags h JOIN posts p ON p.post_key = h.post_key WHERE 1" +
                     KeyFilter("p.author_key", account_keys),
                 {}, [&](const Statement& row) {
                   auto found = post_index.find(row.ColumnInt(0));
                   if (found == post_index.end()) return;
                   accounts[found->second.first].posts[found->second.second].hashtags.push_back(row.ColumnText(1));
                 }));
  CROWDLENS_RETURN_IF_ERROR(ForEachTextRow(
      db,
      "SELECT p.author_key, count(DISTINCT u.post_key) FROM post_urls u JOIN posts p ON p.post_key = u.post_key "
      "WHERE 1" +
          KeyFilter("p.author_key", account_keys) + " GROUP BY p.author_key",
      {}, [&](const Statement& row) {
        auto found = account_index.find(row.ColumnInt(0));
        if (found != account_index.end())
          accounts[found->second].posts_with_url = static_cast<size_t>(row.ColumnInt(1));
      }));
  if (!example_handles.empty()) {
    CROWDLENS_RETURN_IF_ERROR(
        ForEachTextRow(db,
                   "SELECT m.post_key, a.handle FROM post_mentions m JOIN accounts a ON a.account_key = m.account_key "
                   "WHERE a.handle_lower IN (" +
                       Placeholders(example_handles.size()) + ")",
                   example_handles, [&](const Statement& row) {
                     auto found = post_index.find(row.ColumnInt(0));
                     if (found == post_index.end()) return;
                     accounts[found->second.first].posts[found->second.second].mentions.push_back(row.ColumnText(1));
                   }));
    CROWDLENS_RETURN_IF_ERROR(
        ForEachTextRow(db,
                   "SELECT f.follower_key, a.handle FROM follows f JOIN accounts a ON a.account_key = f.followee_key "
                   "WHERE f.ended_at IS NULL AND a.handle_lower IN (" +
                       Placeholders(example_handles.size()) + ")" + KeyFilter("f.follower_key", account_keys),
                   example_handles, [&](const Statement& row) {
                     auto found = account_index.find(row.ColumnInt(0));
                     if (found != account_index.end())
                       accounts[found->second].followed_examples.push_back(row.ColumnText(1));
                   }));
  }

  CROWDLENS_RETURN_IF_ERROR(
      ForEachTextRow(db,
                 "SELECT m.account_key, l.name FROM list_members m JOIN lists l ON l.list_key = m.list_key "
                 "WHERE l.name IS NOT NULL AND l.name <> ''" +
                     KeyFilter("m.account_key", account_keys) + " ORDER BY m.account_key, l.name",
                 {}, [&](const Statement& row) {
                   auto found = account_index.find(row.ColumnInt(0));
                   if (found != account_index.end()) accounts[found->second].list_names.push_back(row.ColumnText(1));
                 }));

  // Address-book contacts whose cards name the account's handle on its platform.
  std::unordered_map<int64_t, std::vector<std::pair<size_t, size_t>>> contact_index;  // contact -> (account, slot)
  CROWDLENS_RETURN_IF_ERROR(ForEachTextRow(
      db,
      "SELECT DISTINCT a.account_key, c.contact_key, c.name, c.company, c.title FROM contact_handles h "
      "JOIN contacts c ON c.contact_key = h.contact_key "
      "JOIN accounts a ON a.platform = h.platform AND a.handle_lower = lower(h.handle) WHERE 1" +
          KeyFilter("a.account_key", account_keys) + " ORDER BY a.account_key, c.contact_key",
      {}, [&](const Statement& row) {
        auto found = account_index.find(row.ColumnInt(0));
        if (found == account_index.end()) return;
        AccountFacts& facts = accounts[found->second];
        contact_index[row.ColumnInt(1)].push_back({found->second, facts.contacts.size()});
        facts.contacts.push_back(
            {.name = row.ColumnText(2), .company = row.ColumnText(3), .title = row.ColumnText(4), .emails = {}});
      }));
  if (!contact_index.empty()) {
    CROWDLENS_RETURN_IF_ERROR(ForEachTextRow(
        db, "SELECT contact_key, email FROM contact_emails ORDER BY contact_key, email", {}, [&](const Statement& row) {
          auto found = contact_index.find(row.ColumnInt(0));
          if (found == contact_index.end()) return;
          for (const auto& [account, slot] : found->second) {
            accounts[account].contacts[slot].emails.push_back(row.ColumnText(1));
          }
        }));
  }
  return accounts;
}

}  // namespace crowdlens
