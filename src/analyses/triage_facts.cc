#include "analyses/triage_facts.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

namespace crowdlens {
namespace {

// The owner's account and the "@handle" stand-ins the directory merges into it.
constexpr const char* kOwnerKeysSql =
    "SELECT stand_in.account_key FROM accounts owner JOIN accounts stand_in "
    "ON stand_in.account_key = owner.account_key OR (stand_in.platform = owner.platform "
    "AND substr(stand_in.platform_id, 1, 1) = '@' AND stand_in.handle_lower = owner.handle_lower) "
    "WHERE owner.account_key = ?1";

// Each post (counted once) that replies to, mentions, retweets or quotes the owner key ?1.
constexpr const char* kEngagingPostsSql =
    "SELECT author_key, post_key FROM post_mentions JOIN posts USING (post_key) WHERE account_key = ?1 "
    "UNION SELECT author_key, post_key FROM posts WHERE reply_to_account_key = ?1 "
    "UNION SELECT engaging.author_key, engaging.post_key FROM posts engaging JOIN posts original "
    "ON original.platform = engaging.platform AND original.platform_id IN "
    "(engaging.retweet_of_id, engaging.quote_of_id, engaging.reply_to_post_id) WHERE original.author_key = ?1";

constexpr const char* kInteractionsSql = "SELECT source_key FROM interactions WHERE target_key = ?1";

constexpr const char* kPostTimesSql = "SELECT author_key, max(created_at), count(*) FROM posts GROUP BY author_key";

}  // namespace

const AccountActivity& TriageFacts::Of(int64_t account_key) const {
  static const AccountActivity kNone;
  std::optional<uint32_t> index = directory_.IndexOf(account_key);
  return index && *index < activity_.size() ? activity_[*index] : kNone;
}

Result<TriageFacts> LoadTriageFacts(Database& db, int64_t owner_key) {
  Result<AccountDirectory> directory = AccountDirectory::Load(db);
  if (!directory.ok()) return directory.status();
  TriageFacts facts(std::move(*directory));
  facts.activity_.resize(facts.directory_.size());
  auto index_of = [&facts](int64_t key) { return facts.directory_.IndexOf(key); };

  Result<Statement> times = db.Prepare(kPostTimesSql);
  if (!times.ok()) return times.status();
  while (true) {
    Result<bool> row = times->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::optional<uint32_t> index = index_of(times->ColumnInt(0));
    if (!index) continue;
    AccountActivity& activity = facts.activity_[*index];
    const int64_t last = times->ColumnInt(1);
    activity.last_post_at = std::max(activity.last_post_at.value_or(last), last);
    activity.posts += times->ColumnInt(2);
  }

  const std::optional<uint32_t> owner_index = index_of(owner_key);
  if (!owner_index) return NotFound("no account with key " + std::to_string(owner_key));
  std::vector<int64_t> owner_keys;
  CROWDLENS_RETURN_IF_ERROR(ForEachRow(db, kOwnerKeysSql, owner_key, [&](const Statement& row) {
    if (index_of(row.ColumnInt(0)) == owner_index) owner_keys.push_back(row.ColumnInt(0));
  }));
  // A post naming two of the owner's keys (the account and a stand-in) is one engagement.
  std::unordered_set<int64_t> counted_posts;
  auto count_engagement = [&](int64_t source_key) {
    std::optional<uint32_t> index = index_of(source_key);
    if (index && index != owner_index) ++facts.activity_[*index].engagements;
  };
  for (int64_t key : owner_keys) {
    CROWDLENS_RETURN_IF_ERROR(ForEachRow(db, kEngagingPostsSql, key, [&](const Statement& row) {
      if (owner_keys.size() > 1 && !counted_posts.insert(row.ColumnInt(1)).second) return;
      count_engagement(row.ColumnInt(0));
    }));
    CROWDLENS_RETURN_IF_ERROR(
        ForEachRow(db, kInteractionsSql, key, [&](const Statement& row) { count_engagement(row.ColumnInt(0)); }));
  }
  return facts;
}

}  // namespace crowdlens
