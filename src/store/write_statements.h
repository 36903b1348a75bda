// The SQL the batch writer runs for accounts and posts, kept apart from the
// C++ that decides when to run it. Numbered parameters (?1...) are bound by
// BatchWriter::BindAccount and BindPost.
#pragma once

namespace crowdlens {

// Lookups by natural key, then a plain INSERT or an UPDATE by row key: cheaper
// than an UPSERT with RETURNING, and the cache below makes most lookups free.
inline constexpr const char* kFindAccount = R"sql(
SELECT account_key, coalesce(profile_observed_at, -1), coalesce(handle_observed_at, -1), first_seen, last_seen,
  coalesce(handle_lower, '')
FROM accounts WHERE platform = ?1 AND platform_id = ?2
)sql";

inline constexpr const char* kInsertAccount = R"sql(
INSERT OR IGNORE INTO accounts (platform, platform_id, handle, handle_lower, handle_observed_at, name, bio, location, url,
  followers_count, following_count, post_count, listed_count, created_at, verified, bot, time_zone, lang,
  profile_observed_at, first_seen, last_seen)
VALUES (?1, ?2, ?3, lower(?3), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19)
)sql";

// Profile fields take the incoming value when it is non-empty and at least as
// new as the stored profile (?18 is NULL for an observation without a
// profile, which then changes no profile field); first/last seen widen.
inline constexpr const char* kUpdateAccount = R"sql(
UPDATE accounts SET
  handle = CASE WHEN ?3 IS NOT NULL AND ?3 <> '' AND (handle IS NULL OR handle = '' OR ?4 >= coalesce(handle_observed_at, 0))
                THEN ?3 ELSE handle END,
  handle_lower = CASE WHEN ?3 IS NOT NULL AND ?3 <> '' AND (handle IS NULL OR handle = '' OR ?4 >= coalesce(handle_observed_at, 0))
                THEN lower(?3) ELSE handle_lower END,
  handle_observed_at = CASE WHEN ?3 IS NOT NULL AND ?3 <> '' THEN max(coalesce(handle_observed_at, 0), ?4) ELSE handle_observed_at END,
  name = CASE WHEN ?18 >= coalesce(profile_observed_at, -1) AND ?5 IS NOT NULL THEN ?5 ELSE name END,
  bio = CASE WHEN ?18 >= coalesce(profile_observed_at, -1) AND ?6 IS NOT NULL THEN ?6 ELSE bio END,
  location = CASE WHEN ?18 >= coalesce(profile_observed_at, -1) AND ?7 IS NOT NULL THEN ?7 ELSE location END,
  url = CASE WHEN ?18 >= coalesce(profile_observed_at, -1) AND ?8 IS NOT NULL THEN ?8 ELSE url END,
  followers_count = CASE WHEN ?18 >= coalesce(profile_observed_at, -1) AND ?9 IS NOT NULL THEN ?9 ELSE followers_count END,
  following_count = CASE WHEN ?18 >= coalesce(profile_observed_at, -1) AND ?10 IS NOT NULL THEN ?10 ELSE following_count END,
  post_count = CASE WHEN ?18 >= coalesce(profile_observed_at, -1) AND ?11 IS NOT NULL THEN ?11 ELSE post_count END,
  listed_count = CASE WHEN ?18 >= coalesce(profile_observed_at, -1) AND ?12 IS NOT NULL THEN ?12 ELSE listed_count END,
  created_at = coalesce(?13, created_at),
  verified = CASE WHEN ?18 >= coalesce(profile_observed_at, -1) AND ?14 IS NOT NULL THEN ?14 ELSE verified END,
  bot = coalesce(?15, bot),
  time_zone = CASE WHEN ?18 >= coalesce(profile_observed_at, -1) AND ?16 IS NOT NULL THEN ?16 ELSE time_zone END,
  lang = CASE WHEN ?18 >= coalesce(profile_observed_at, -1) AND ?17 IS NOT NULL THEN ?17 ELSE lang END,
  profile_observed_at = CASE WHEN ?18 IS NULL THEN profile_observed_at ELSE max(coalesce(profile_observed_at, -1), ?18) END,
  first_seen = min(first_seen, ?19),
  last_seen = max(last_seen, ?19)
WHERE account_key = ?20
)sql";

inline constexpr const char* kFindPost = R"sql(
SELECT post_key, coalesce(retweet_count, -1), coalesce(reply_count, -1), coalesce(like_count, -1),
  coalesce(quote_count, -1), coalesce(impression_count, -1), length(CAST(text AS BLOB))
FROM posts WHERE platform = ?1 AND platform_id = ?2
)sql";

inline constexpr const char* kInsertPost = R"sql(
INSERT OR IGNORE INTO posts (platform, platform_id, author_key, created_at, text, lang, source, reply_to_post_id,
  reply_to_account_key, retweet_of_id, quote_of_id, country_code, retweet_count, reply_count, like_count,
  quote_count, impression_count, first_seen)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
)sql";

// A post seen again: metrics only grow, a longer text (an extended tweet) replaces a truncated one.
inline constexpr const char* kUpdatePost = R"sql(
UPDATE posts SET
  text = CASE WHEN length(?5) > length(text) THEN ?5 ELSE text END,
  retweet_count = max(coalesce(retweet_count, ?13), coalesce(?13, retweet_count)),
  reply_count = max(coalesce(reply_count, ?14), coalesce(?14, reply_count)),
  like_count = max(coalesce(like_count, ?15), coalesce(?15, like_count)),
  quote_count = max(coalesce(quote_count, ?16), coalesce(?16, quote_count)),
  impression_count = max(coalesce(impression_count, ?17), coalesce(?17, impression_count)),
  reply_to_post_id = coalesce(reply_to_post_id, ?8),
  reply_to_account_key = coalesce(reply_to_account_key, ?9),
  retweet_of_id = coalesce(retweet_of_id, ?10),
  quote_of_id = coalesce(quote_of_id, ?11),
  country_code = coalesce(country_code, ?12),
  lang = coalesce(lang, ?6),
  created_at = CASE WHEN created_at = 0 THEN ?4 ELSE created_at END
WHERE post_key = ?19
)sql";

std::string CacheKey(const std::string& platform, const std::string& platform_id) {
  std::string key;
  key.reserve(platform.size() + platform_id.size() + 1);
  key += platform;
  key += '\x1f';
  key += platform_id;
  return key;
}

}  // namespace crowdlens
