// Post: one status, tweet, skeet or toot, with the entities it carries.
//
// Ids of other records (author, reply target, retweeted post) are platform
// ids; the store resolves them to its own keys. Entity lists are already
// de-duplicated by the reader.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crowdlens {

struct Mention {
  std::string account_id;  // platform id, or "@handle" when the source gives only a handle
  std::string handle;
};

struct PostMetrics {
  std::optional<int64_t> retweets;
  std::optional<int64_t> replies;
  std::optional<int64_t> likes;
  std::optional<int64_t> quotes;
  std::optional<int64_t> impressions;  // API v2 public_metrics.impression_count
};

struct Post {
  std::string platform;
  std::string platform_id;
  std::string author_id;
  int64_t created_at = 0;  // Unix seconds
  std::string text;
  std::optional<std::string> lang;
  std::optional<std::string> source;  // the posting client
  std::optional<std::string> reply_to_post_id;
  std::optional<std::string> reply_to_account_id;
  std::optional<std::string> retweet_of_id;
  std::optional<std::string> quote_of_id;
  std::optional<std::string> country_code;  // place.country_code when the post is geotagged
  PostMetrics metrics;
  std::vector<std::string> hashtags;  // lower-cased, without '#'
  std::vector<Mention> mentions;
  std::vector<std::string> urls;  // expanded where the source expands them
};

}  // namespace crowdlens
