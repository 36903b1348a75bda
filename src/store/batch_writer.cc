#include "store/batch_writer.h"

#include <algorithm>

namespace crowdlens {
namespace {

// Profile fields take the incoming value when it is non-empty and at least as
// new as the stored profile; first/last seen widen.
constexpr const char* kUpsertAccount = R"sql(
INSERT INTO accounts (platform, platform_id, handle, handle_lower, handle_observed_at, name, bio, location, url,
  followers_count, following_count, post_count, listed_count, created_at, verified, bot, time_zone, lang,
  profile_observed_at, first_seen, last_seen)
VALUES (?1, ?2, ?3, lower(?3), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19)
ON CONFLICT (platform, platform_id) DO UPDATE SET
  handle = CASE WHEN excluded.handle IS NOT NULL AND excluded.handle <> '' AND
                     (accounts.handle IS NULL OR accounts.handle = '' OR
                      excluded.handle_observed_at >= coalesce(accounts.handle_observed_at, 0))
                THEN excluded.handle ELSE accounts.handle END,
  handle_lower = CASE WHEN excluded.handle IS NOT NULL AND excluded.handle <> '' AND
                     (accounts.handle IS NULL OR accounts.handle = '' OR
                      excluded.handle_observed_at >= coalesce(accounts.handle_observed_at, 0))
                THEN excluded.handle_lower ELSE accounts.handle_lower END,
  handle_observed_at = max(coalesce(accounts.handle_observed_at, 0), coalesce(excluded.handle_observed_at, 0)),
  name = CASE WHEN excluded.profile_observed_at >= coalesce(accounts.profile_observed_at, -1) AND excluded.name IS NOT NULL THEN excluded.name ELSE accounts.name END,
  bio = CASE WHEN excluded.profile_observed_at >= coalesce(accounts.profile_observed_at, -1) AND excluded.bio IS NOT NULL THEN excluded.bio ELSE accounts.bio END,
  location = CASE WHEN excluded.profile_observed_at >= coalesce(accounts.profile_observed_at, -1) AND excluded.location IS NOT NULL THEN excluded.location ELSE accounts.location END,
  url = CASE WHEN excluded.profile_observed_at >= coalesce(accounts.profile_observed_at, -1) AND excluded.url IS NOT NULL THEN excluded.url ELSE accounts.url END,
  followers_count = CASE WHEN excluded.profile_observed_at >= coalesce(accounts.profile_observed_at, -1) AND excluded.followers_count IS NOT NULL THEN excluded.followers_count ELSE accounts.followers_count END,
  following_count = CASE WHEN excluded.profile_observed_at >= coalesce(accounts.profile_observed_at, -1) AND excluded.following_count IS NOT NULL THEN excluded.following_count ELSE accounts.following_count END,
  post_count = CASE WHEN excluded.profile_observed_at >= coalesce(accounts.profile_observed_at, -1) AND excluded.post_count IS NOT NULL THEN excluded.post_count ELSE accounts.post_count END,
  listed_count = CASE WHEN excluded.profile_observed_at >= coalesce(accounts.profile_observed_at, -1) AND excluded.listed_count IS NOT NULL THEN excluded.listed_count ELSE accounts.listed_count END,
  created_at = coalesce(excluded.created_at, accounts.created_at),
  verified = CASE WHEN excluded.profile_observed_at >= coalesce(accounts.profile_observed_at, -1) AND excluded.verified IS NOT NULL THEN excluded.verified ELSE accounts.verified END,
  bot = coalesce(excluded.bot, accounts.bot),
  time_zone = CASE WHEN excluded.profile_observed_at >= coalesce(accounts.profile_observed_at, -1) AND excluded.time_zone IS NOT NULL THEN excluded.time_zone ELSE accounts.time_zone END,
  lang = CASE WHEN excluded.profile_observed_at >= coalesce(accounts.profile_observed_at, -1) AND excluded.lang IS NOT NULL THEN excluded.lang ELSE accounts.lang END,
  profile_observed_at = CASE WHEN excluded.profile_observed_at IS NULL THEN accounts.profile_observed_at
                             ELSE max(coalesce(accounts.profile_observed_at, -1), excluded.profile_observed_at) END,
  first_seen = min(accounts.first_seen, excluded.first_seen),
  last_seen = max(accounts.last_seen, excluded.last_seen)
RETURNING account_key
)sql";

constexpr const char* kUpsertPost = R"sql(
INSERT INTO posts (platform, platform_id, author_key, created_at, text, lang, source, reply_to_post_id,
  reply_to_account_key, retweet_of_id, quote_of_id, country_code, retweet_count, reply_count, like_count,
  quote_count, impression_count, first_seen)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
ON CONFLICT (platform, platform_id) DO UPDATE SET
  text = CASE WHEN length(excluded.text) > length(posts.text) THEN excluded.text ELSE posts.text END,
  retweet_count = max(coalesce(posts.retweet_count, excluded.retweet_count), coalesce(excluded.retweet_count, posts.retweet_count)),
  reply_count = max(coalesce(posts.reply_count, excluded.reply_count), coalesce(excluded.reply_count, posts.reply_count)),
  like_count = max(coalesce(posts.like_count, excluded.like_count), coalesce(excluded.like_count, posts.like_count)),
  quote_count = max(coalesce(posts.quote_count, excluded.quote_count), coalesce(excluded.quote_count, posts.quote_count)),
  impression_count = max(coalesce(posts.impression_count, excluded.impression_count), coalesce(excluded.impression_count, posts.impression_count)),
  reply_to_post_id = coalesce(posts.reply_to_post_id, excluded.reply_to_post_id),
  reply_to_account_key = coalesce(posts.reply_to_account_key, excluded.reply_to_account_key),
  retweet_of_id = coalesce(posts.retweet_of_id, excluded.retweet_of_id),
  quote_of_id = coalesce(posts.quote_of_id, excluded.quote_of_id),
  country_code = coalesce(posts.country_code, excluded.country_code),
  lang = coalesce(posts.lang, excluded.lang),
  created_at = CASE WHEN posts.created_at = 0 THEN excluded.created_at ELSE posts.created_at END
RETURNING post_key
)sql";

std::string CacheKey(const std::string& platform, const std::string& platform_id) {
  std::string key;
  key.reserve(platform.size() + platform_id.size() + 1);
  key += platform;
  key += '\x1f';
  key += platform_id;
  return key;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c); });
  return text;
}

}  // namespace

Status BatchWriter::Prepare() {
  struct Entry {
    Statement* target;
    const char* sql;
  };
  const Entry entries[] = {
      {&upsert_account_, kUpsertAccount},
      {&find_by_handle_,
       "SELECT account_key FROM accounts WHERE platform = ?1 AND handle_lower = ?2 "
       "ORDER BY (substr(platform_id, 1, 1) = '@'), account_key LIMIT 1"},
      {&upsert_handle_,
       "INSERT INTO account_handles (account_key, handle_lower, handle, first_seen, last_seen) "
       "VALUES (?1, lower(?2), ?2, ?3, ?3) ON CONFLICT (account_key, handle_lower) DO UPDATE SET "
       "first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)"},
      {&upsert_post_, kUpsertPost},
      {&insert_hashtag_, "INSERT OR IGNORE INTO post_hashtags (post_key, tag) VALUES (?1, ?2)"},
      {&insert_mention_, "INSERT OR IGNORE INTO post_mentions (post_key, account_key) VALUES (?1, ?2)"},
      {&insert_url_, "INSERT OR IGNORE INTO post_urls (post_key, url) VALUES (?1, ?2)"},
      {&upsert_follow_,
       "INSERT INTO follows (follower_key, followee_key, first_seen, last_seen) VALUES (?1, ?2, ?3, ?3) "
       "ON CONFLICT (follower_key, followee_key) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen), "
       "last_seen = max(last_seen, excluded.last_seen)"},
      {&upsert_interaction_,
       "INSERT INTO interactions (source_key, target_key, relation, weight, first_seen, last_seen) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (source_key, target_key, relation) DO UPDATE SET "
       "weight = excluded.weight, first_seen = min(first_seen, excluded.first_seen), "
       "last_seen = max(last_seen, excluded.last_seen)"},
      {&upsert_quarantine_,
       "INSERT INTO quarantine (run_id, source, line, byte_offset, reason, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
       "ON CONFLICT (source, byte_offset, line) DO UPDATE SET run_id = excluded.run_id, reason = excluded.reason"},
  };
  for (const Entry& entry : entries) {
    Result<Statement> prepared = db_.Prepare(entry.sql);
    if (!prepared.ok()) return prepared.status();
    *entry.target = std::move(prepared).value();
  }
  return Status::Ok();
}

Status BatchWriter::Write(const Batch& batch) {
  Status status = InTransaction(db_, [&] { return WriteAll(batch); });
  // Keys cached during a rolled-back transaction may not exist.
  if (!status.ok()) account_cache_.clear();
  return status;
}

Status BatchWriter::WriteAll(const Batch& batch) {
  for (const Account& account : batch.accounts) {
    Result<int64_t> key = ResolveAccount(account);
    if (!key.ok()) return key.status();
    ++counts_.accounts;
  }
  for (const Post& post : batch.posts) {
    CROWDLENS_RETURN_IF_ERROR(WritePost(post));
    ++counts_.posts;
  }
  for (const Edge& edge : batch.edges) {
    CROWDLENS_RETURN_IF_ERROR(WriteEdge(edge));
    ++counts_.edges;
  }
  for (const QuarantineEntry& entry : batch.quarantined) {
    CROWDLENS_RETURN_IF_ERROR(WriteQuarantine(entry));
    ++counts_.quarantined;
  }
  return Status::Ok();
}

Result<int64_t> BatchWriter::ResolveAccount(const Account& account) {
  // An account known only by its handle joins the account that has that handle.
  if (!account.has_profile && !account.platform_id.empty() && account.platform_id[0] == '@') {
    return ResolveId(account.platform, account.platform_id, account.handle, account.observed_at);
  }
  std::string cache_key = CacheKey(account.platform, account.platform_id);
  auto found = account_cache_.find(cache_key);
  if (found != account_cache_.end()) {
    const CachedAccount& cached = found->second;
    bool newer_profile = account.has_profile && account.observed_at >= cached.profile_observed_at;
    bool newer_handle = !account.handle.empty() && account.observed_at > cached.handle_observed_at;
    bool widens_seen = account.observed_at < cached.first_seen || account.observed_at > cached.last_seen;
    if (!newer_profile && !newer_handle && !widens_seen) return cached.key;
  }
  return UpsertAccount(account);
}

Result<int64_t> BatchWriter::UpsertAccount(const Account& account) {
  Statement& stmt = upsert_account_;
  stmt.Bind(1, account.platform);
  stmt.Bind(2, account.platform_id);
  if (!account.handle.empty()) {
    stmt.Bind(3, account.handle);
    stmt.Bind(4, account.observed_at);
  }
  if (account.has_profile) {
    stmt.Bind(5, account.name);
    stmt.Bind(6, account.bio);
    stmt.Bind(7, account.location);
    stmt.Bind(8, account.url);
    stmt.Bind(9, account.followers_count);
    stmt.Bind(10, account.following_count);
    stmt.Bind(11, account.post_count);
    stmt.Bind(12, account.listed_count);
    stmt.Bind(13, account.created_at);
    stmt.Bind(14, account.verified);
    stmt.Bind(15, account.bot);
    stmt.Bind(16, account.time_zone);
    stmt.Bind(17, account.lang);
    stmt.Bind(18, account.observed_at);
  }
  stmt.Bind(19, account.observed_at);
  Result<bool> row = stmt.Step();
  if (!row.ok()) {
    stmt.Reset();
    return row.status();
  }
  int64_t key = stmt.ColumnInt(0);
  stmt.Reset();
  if (!account.handle.empty()) {
    upsert_handle_.Bind(1, key);
    upsert_handle_.Bind(2, account.handle);
    upsert_handle_.Bind(3, account.observed_at);
    CROWDLENS_RETURN_IF_ERROR(upsert_handle_.Run());
  }
  CachedAccount& cached = account_cache_[CacheKey(account.platform, account.platform_id)];
  if (cached.key == 0) {
    cached.first_seen = account.observed_at;
    cached.last_seen = account.observed_at;
  }
  cached.key = key;
  if (account.has_profile) cached.profile_observed_at = std::max(cached.profile_observed_at, account.observed_at);
  if (!account.handle.empty()) cached.handle_observed_at = std::max(cached.handle_observed_at, account.observed_at);
  cached.first_seen = std::min(cached.first_seen, account.observed_at);
  cached.last_seen = std::max(cached.last_seen, account.observed_at);
  return key;
}

Result<int64_t> BatchWriter::ResolveId(const std::string& platform, const std::string& platform_id,
                                       const std::string& handle, int64_t observed_at) {
  auto found = account_cache_.find(CacheKey(platform, platform_id));
  if (found != account_cache_.end()) return found->second.key;
  // "@handle": an account known only by its handle; prefer one whose real id is known.
  if (!platform_id.empty() && platform_id[0] == '@') {
    find_by_handle_.Bind(1, platform);
    find_by_handle_.Bind(2, Lower(platform_id.substr(1)));
    Result<bool> row = find_by_handle_.Step();
    if (!row.ok()) {
      find_by_handle_.Reset();
      return row.status();
    }
    if (row.value()) {
      int64_t key = find_by_handle_.ColumnInt(0);
      find_by_handle_.Reset();
      CachedAccount& cached = account_cache_[CacheKey(platform, platform_id)];
      cached.key = key;
      cached.first_seen = cached.last_seen = observed_at;
      return key;
    }
    find_by_handle_.Reset();
  }
  return UpsertAccount(Account{.platform = platform, .platform_id = platform_id, .handle = handle,
                               .observed_at = observed_at});
}

Status BatchWriter::WritePost(const Post& post) {
  Result<int64_t> author = ResolveId(post.platform, post.author_id, "", post.created_at);
  if (!author.ok()) return author.status();
  std::optional<int64_t> reply_to_account;
  if (post.reply_to_account_id) {
    Result<int64_t> key = ResolveId(post.platform, *post.reply_to_account_id, "", post.created_at);
    if (!key.ok()) return key.status();
    reply_to_account = key.value();
  }
  Statement& stmt = upsert_post_;
  stmt.Bind(1, post.platform);
  stmt.Bind(2, post.platform_id);
  stmt.Bind(3, author.value());
  stmt.Bind(4, post.created_at);
  stmt.Bind(5, post.text);
  stmt.Bind(6, post.lang);
  stmt.Bind(7, post.source);
  stmt.Bind(8, post.reply_to_post_id);
  stmt.Bind(9, reply_to_account);
  stmt.Bind(10, post.retweet_of_id);
  stmt.Bind(11, post.quote_of_id);
  stmt.Bind(12, post.country_code);
  stmt.Bind(13, post.metrics.retweets);
  stmt.Bind(14, post.metrics.replies);
  stmt.Bind(15, post.metrics.likes);
  stmt.Bind(16, post.metrics.quotes);
  stmt.Bind(17, post.metrics.impressions);
  stmt.Bind(18, post.created_at);
  Result<bool> row = stmt.Step();
  if (!row.ok()) {
    stmt.Reset();
    return row.status();
  }
  int64_t post_key = stmt.ColumnInt(0);
  stmt.Reset();
  for (const std::string& tag : post.hashtags) {
    insert_hashtag_.Bind(1, post_key);
    insert_hashtag_.Bind(2, tag);
    CROWDLENS_RETURN_IF_ERROR(insert_hashtag_.Run());
  }
  for (const Mention& mention : post.mentions) {
    Result<int64_t> key = ResolveId(post.platform, mention.account_id, mention.handle, post.created_at);
    if (!key.ok()) return key.status();
    insert_mention_.Bind(1, post_key);
    insert_mention_.Bind(2, key.value());
    CROWDLENS_RETURN_IF_ERROR(insert_mention_.Run());
  }
  for (const std::string& url : post.urls) {
    insert_url_.Bind(1, post_key);
    insert_url_.Bind(2, url);
    CROWDLENS_RETURN_IF_ERROR(insert_url_.Run());
  }
  return Status::Ok();
}

Status BatchWriter::WriteEdge(const Edge& edge) {
  Result<int64_t> source = ResolveId(edge.platform, edge.source_id, "", edge.observed_at);
  if (!source.ok()) return source.status();
  Result<int64_t> target = ResolveId(edge.platform, edge.target_id, "", edge.observed_at);
  if (!target.ok()) return target.status();
  if (edge.relation == Relation::kFollow) {
    upsert_follow_.Bind(1, source.value());
    upsert_follow_.Bind(2, target.value());
    upsert_follow_.Bind(3, edge.observed_at);
    return upsert_follow_.Run();
  }
  upsert_interaction_.Bind(1, source.value());
  upsert_interaction_.Bind(2, target.value());
  upsert_interaction_.Bind(3, RelationName(edge.relation));
  upsert_interaction_.Bind(4, edge.weight);
  upsert_interaction_.Bind(5, edge.observed_at);
  return upsert_interaction_.Run();
}

Status BatchWriter::WriteQuarantine(const QuarantineEntry& entry) {
  upsert_quarantine_.Bind(1, run_id_);
  upsert_quarantine_.Bind(2, entry.source);
  upsert_quarantine_.Bind(3, entry.line);
  upsert_quarantine_.Bind(4, entry.offset);
  upsert_quarantine_.Bind(5, entry.reason);
  upsert_quarantine_.Bind(6, entry.raw);
  return upsert_quarantine_.Run();
}

}  // namespace crowdlens
