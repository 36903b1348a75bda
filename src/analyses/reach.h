// Reach: how many of the owner's followers actually see each post, overall
// and in the target audience, from the reach model (analyses/reach_model.h)
// applied to every follower:
//   - inflow r: the posting rates of the accounts the follower follows
//     (analyses/reach_inputs.h); accounts without a known rate are taken to
//     post like the average of those with one, up to the larger of the
//     follows in the workspace and the profile's count; a follower with no
//     known follows (following the owner alone does not count) or no profile
//     count of follows (the workspace's follows may be a fragment) gets the median inflow of those with some (or, when
//     no follower has any, the inflow of `fallback_inflow_per_hour`);
//   - active hours: analyses/reach_active_hours.h;
//   - reading habit: the config's [reach], or the first [reach.segments.NAME]
//     (in name order) whose rule the follower matches.
// The expected audience of a post is the sum over followers of P(seen).
//
//   Result<ReachAnalysis> reach = AnalyseReach(workspace, {.owner_key = owner}, config, rules, segments);
//   reach->posts[0].expected_followers;   // e.g. about 63 of 564 followers
//   1.0 / reach->mean_seen_target;        // "a target follower sees about one in N of your posts"
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analyses/audience.h"
#include "analyses/reach_inputs.h"
#include "analyses/reach_model.h"
#include "analyses/audience_rules.h"
#include "core/status.h"
#include "store/reach_config.h"
#include "store/workspace.h"

namespace crowdlens {

struct ReachOptions {
  int64_t owner_key = 0;
  std::optional<int64_t> since;  // posts from (Unix seconds, inclusive)
  std::optional<int64_t> until;  // posts before (exclusive)
  std::optional<int64_t> days;   // the last N days up to the owner's last post; not with since/until
  // The inflow assumed when no follower's follows are known: the "about 150 an hour" of the accounts a
  // typical follower follows (docs/reach.md).
  double fallback_inflow_per_hour = 150;
};

// Where a follower's inflow came from.
enum class InflowSource { kFollows, kMedian, kFallback };
// Where a follower's active hours came from.
enum class HoursSource { kOwnPosts, kCountry, kFlat };

// The model's view of one follower.
struct FollowerReach {
  int64_t account_key = 0;
  std::string handle;
  bool in_target = false;
  std::vector<std::string> segments;  // the [segments] names whose rule the follower matches
  double inflow_per_hour = 0;
  InflowSource inflow_source = InflowSource::kMedian;
  int64_t followees_with_rate = 0;
  ActiveHours hours = ActiveHours::Flat();
  HoursSource hours_source = HoursSource::kFlat;
  ReadingHabit habit;
  std::string habit_segment;  // the [reach.segments] name whose habit applies; empty: the workspace's
  double window_hours = 0;    // R / r, capped
};

// One post of the owner and who is expected to have seen it.
struct PostReach {
  std::string platform_id;
  int64_t created_at = 0;
  std::string text;
  double expected_followers = 0;  // sum over followers of P(seen)
  double expected_target = 0;     // the same over target followers
  std::optional<int64_t> retweets;
  std::optional<int64_t> replies;
  std::optional<int64_t> impressions;
};

// How the inputs were filled in, for the user to judge the figures.
struct ReachSources {
  int64_t followers_inflow_from_follows = 0;
  int64_t followers_inflow_median = 0;    // follows unknown: the median inflow
  int64_t followers_inflow_fallback = 0;  // no follower's follows known: the fallback inflow
  int64_t followees_rate_from_posts = 0;  // accounts followed by followers, by where their rate came from
  int64_t followees_rate_from_profile = 0;
  int64_t followees_rate_unknown = 0;
  int64_t followers_hours_own_posts = 0;
  int64_t followers_hours_country = 0;
  int64_t followers_hours_flat = 0;
  double median_inflow_per_hour = 0;  // of the followers whose follows are known
};

struct ReachAnalysis {
  std::string owner_handle;
  std::string target_rule;  // empty when the config sets none
  int64_t followers = 0;
  int64_t target_followers = 0;
  ReachSources sources;
  std::vector<FollowerReach> follower_models;
  std::vector<PostReach> posts;    // the owner's posts in the period, oldest first
  std::vector<OwnerPost> history;  // all of the owner's posts, for observed engagement by hour
  // The mean over posts in the period and followers of P(seen); when the period has no post, the mean
  // over a post at each hour of the week. 1 / mean is "one in N".
  double mean_seen_all = 0;
  double mean_seen_target = 0;
  bool mean_from_posts = false;  // false: from a post at every hour of the week
};

// Runs the model for the owner's followers. `segments` are the crowd's segments
// (CurrentAccountSegments), `rules` the config's target and named segments.
Result<ReachAnalysis> AnalyseReach(Workspace& workspace, const ReachOptions& options, const ReachConfig& config,
                                   const AudienceRules& rules, const SegmentMap& segments);

// The expected number of followers (of those `include` accepts) who see a post
// published in the middle of each hour of the week (Monday 00:00 UTC first).
std::array<double, kHoursPerWeek> ExpectedReachByHour(const ReachAnalysis& analysis,
                                                      const std::function<bool(const FollowerReach&)>& include);

// A follower's P(seen) for a post published at `unix_seconds`.
double FollowerSeenProbability(const FollowerReach& follower, int64_t unix_seconds);

}  // namespace crowdlens
