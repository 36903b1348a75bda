// What the reach model reads from a workspace, in a few passes over its
// tables: every account's posting rate (and where it came from), whom each
// follower follows, each follower's own posting times, and the owner's posts
// with the engagement the platform reported.
//
// A posting rate comes from the account's posts in the workspace when there
// are at least `min_posts_for_rate` of them spanning at least a day: (n - 1)
// posts over the time from the first to the last. Otherwise from the profile:
// its post count over the hours from the account's creation to when the
// profile was seen. Otherwise it is unknown.
//
//   Result<ReachInputs> inputs = ReadReachInputs(workspace, owner_key, follower_keys, config);
//   inputs->rates.at(account_key).per_hour;
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "store/reach_config.h"
#include "store/workspace.h"

namespace crowdlens {

// Where a posting rate came from.
enum class RateSource { kPosts, kProfile, kUnknown };

struct PostingRate {
  double per_hour = 0;
  RateSource source = RateSource::kUnknown;
};

// What is known of one follower.
struct FollowerFacts {
  std::vector<int64_t> followees;   // current follows in the workspace, the owner included
  int64_t following_count = 0;      // the profile's count; 0 when unknown
  std::vector<int64_t> post_times;  // their own posts, Unix seconds
};

// One post of the owner.
struct OwnerPost {
  int64_t post_key = 0;
  std::string platform_id;
  int64_t created_at = 0;
  std::string text;
  std::optional<int64_t> retweets;  // received: the larger of the stored count and the workspace's (reactions_received.h)
  std::optional<int64_t> replies;   // the same for replies
  std::optional<int64_t> likes;     // stored only
  std::optional<int64_t> impressions;  // API v2 public_metrics.impression_count
};

struct ReachInputs {
  std::unordered_map<int64_t, PostingRate> rates;        // of every account the followers follow
  std::unordered_map<int64_t, FollowerFacts> followers;  // by account_key
  // The owner's originals, quotes and self-replies, oldest first. Retweets and replies to others are left
  // out: a reply reaches only those who follow both accounts.
  std::vector<OwnerPost> owner_posts;
};

// Reads the facts for `follower_keys` of `owner_key`.
Result<ReachInputs> ReadReachInputs(Workspace& workspace, int64_t owner_key, const std::vector<int64_t>& follower_keys,
                                    const ReachConfig& config);

}  // namespace crowdlens
