// What travelled: retweets and replies received per post, by class and by
// feature (with against without), over the account's own posts. Its own
// retweets are left out: what a retweet draws is the original's.
//
// Figures are plain means per post, so "2.1x" reads as a manager expects
// ("posts with a personal mention drew 2.1x the replies of those without");
// the number of posts behind each mean is always given beside it.
//
//   MixTravel travel = MeasureTravel(report.posts);
//   travel.by_class[static_cast<size_t>(MixClass::kInteraction)].replies_per_post;
//   travel.by_feature[static_cast<size_t>(MixFeature::kHumour)].with.posts;
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <span>

#include "analyses/mix.h"

namespace crowdlens {

// Fewer posts than this behind a mean: too thin to compare or to estimate from.
inline constexpr int64_t kMixMinEvidence = 5;

// Means over a group of posts.
struct TravelGroup {
  int64_t posts = 0;
  int64_t retweets = 0;  // sums
  int64_t replies = 0;
  double retweets_per_post = 0;
  double replies_per_post = 0;
};

struct FeatureTravel {
  TravelGroup with;
  TravelGroup without;
};

struct MixTravel {
  TravelGroup all;                                   // every own post (retweets excluded)
  std::array<TravelGroup, kMixClassCount> by_class;  // by MixClass
  std::array<FeatureTravel, kMixFeatureCount> by_feature;
  // Where the figures came from, over the same posts.
  int64_t posts_with_stored_retweets = 0;
  int64_t posts_with_stored_replies = 0;
  int64_t posts_with_observed_retweets = 0;  // at least one retweet by another account in the workspace
  int64_t posts_with_observed_replies = 0;
};

// The means of the posts `keep` selects (retweets are never selected).
TravelGroup MeasureGroup(std::span<const MixPost> posts, const std::function<bool(const MixPost&)>& keep);

MixTravel MeasureTravel(std::span<const MixPost> posts);

}  // namespace crowdlens
