#include "analyses/reactions_received.h"

#include <algorithm>

namespace crowdlens {
namespace {

// CROSS JOIN keeps SQLite scanning the posts once and finding each original by
// its unique (platform, platform_id) index, rather than scanning per original.
constexpr const char* kObservedRetweetsSql =
    "SELECT o.post_key, count(*) FROM posts r CROSS JOIN posts o "
    "ON o.platform = r.platform AND o.platform_id = r.retweet_of_id "
    "WHERE r.retweet_of_id IS NOT NULL AND o.author_key = ?1 AND r.author_key != ?1 GROUP BY o.post_key";
constexpr const char* kObservedRepliesSql =
    "SELECT o.post_key, count(*) FROM posts r CROSS JOIN posts o "
    "ON o.platform = r.platform AND o.platform_id = r.reply_to_post_id "
    "WHERE r.reply_to_post_id IS NOT NULL AND r.retweet_of_id IS NULL AND o.author_key = ?1 "
    "AND r.author_key != ?1 GROUP BY o.post_key";

Result<std::unordered_map<int64_t, int64_t>> CountPerPost(Database& db, const char* sql, int64_t account_key) {
  Result<Statement> statement = db.Prepare(sql);
  if (!statement.ok()) return statement.status();
  statement->Bind(1, account_key);
  std::unordered_map<int64_t, int64_t> counts;
  while (true) {
    Result<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    counts[statement->ColumnInt(0)] = statement->ColumnInt(1);
  }
  return counts;
}

}  // namespace

Result<ReactionsReceived> CountReactionsReceived(Database& db, int64_t account_key) {
  ReactionsReceived received;
  Result<std::unordered_map<int64_t, int64_t>> retweets = CountPerPost(db, kObservedRetweetsSql, account_key);
  if (!retweets.ok()) return retweets.status();
  Result<std::unordered_map<int64_t, int64_t>> replies = CountPerPost(db, kObservedRepliesSql, account_key);
  if (!replies.ok()) return replies.status();
  received.retweets = std::move(retweets).value();
  received.replies = std::move(replies).value();
  return received;
}

int64_t ObservedCount(const std::unordered_map<int64_t, int64_t>& observed, int64_t post_key) {
  auto found = observed.find(post_key);
  return found == observed.end() ? 0 : found->second;
}

int64_t ReceivedCount(std::optional<int64_t> stored, const std::unordered_map<int64_t, int64_t>& observed,
                      int64_t post_key) {
  return std::max(stored.value_or(0), ObservedCount(observed, post_key));
}

}  // namespace crowdlens
