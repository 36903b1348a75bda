// The objects of a Twitter API v2 page (tweets, users, mentions, twarc's
// embedded references) read field by field into one Item, whose set fields
// tell afterwards what the object was. Used by the v2 reader.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/post.h"

namespace crowdlens::twitter_v2 {

inline constexpr const char* kTwitter = "twitter";

// Marks a profile whose observed_at is known only when its page has been read.
inline constexpr int64_t kPageTime = std::numeric_limits<int64_t>::min();

// twarc's flattened tweets embed referenced tweets that embed their own
// references; deeper than this only the references' ids are kept.
inline constexpr int kMaxEmbedDepth = 4;

struct Reference {
  std::string type;  // replied_to, retweeted, quoted
  std::string id;
};

struct SeenMention {
  Mention mention;
  std::optional<Account> profile;  // twarc flat mentions embed the whole user
};

// Everything a v2 object may carry; which fields are set tells what it was.
struct Item {
  std::optional<std::string> id, text, note_text, author_id, created_at, lang, source, in_reply_to_user_id;
  std::optional<std::string> place_id, country_code, reference_type;
  std::optional<std::string> username, name, description, location, url, profile_url;
  std::optional<bool> verified;
  PostMetrics metrics;
  std::optional<int64_t> followers_count, following_count, tweet_count, listed_count;
  std::vector<Reference> references;
  std::vector<Item> embedded_tweets;  // referenced tweets that came with their text (twarc flat)
  std::vector<std::string> hashtags, urls;
  std::vector<SeenMention> mentions;
  std::optional<Account> author, reply_user;  // twarc flat "author" and "in_reply_to_user"
  std::optional<std::string> compliance_action;
  bool bucket_count = false;  // a "tweet_count" of its own: a counts bucket
  bool list_fields = false;   // member_count, follower_count, owner_id: a list
  bool has_metrics = false;   // public_metrics of a user
};

enum class ItemKind { kTweet, kUser, kCountBucket, kList, kCompliance, kUnknown };

ItemKind Classify(const Item& item);
bool HasProfile(const Item& item);

// An account known only by its id and handle (a mention, a reply target).
Account MinimalAccount(const std::string& platform_id, const std::string& handle, int64_t observed_at);

// A user object as an Account; observed_at is kPageTime until the page settles it.
Account MakeProfile(const Item& item);

// Reads every field of a tweet, user, mention or embedded object into `item`.
void ReadItemFields(simdjson::ondemand::object fields, Item& item, int depth);
// Reads one field; `depth` counts embedded objects, cut at kMaxEmbedDepth.
void ReadItemField(std::string_view key, simdjson::ondemand::value entry, Item& item, int depth);

}  // namespace crowdlens::twitter_v2
