// Scoring a draft before it is posted: its class and features, and what
// posts like it drew in this workspace.
//
// The estimate is the mean retweets and replies of the account's own posts
// (retweets excluded) of the same class and the same four features; when
// fewer than kMixMinEvidence posts match, it falls back to the same class,
// then to all own posts, and says so. When even all own posts are too few the
// evidence is too thin and no estimate is chosen. Reasons compare, for each
// feature, the posts with it and those without ("posts with a personal
// mention drew 2.1x the replies of those without (n=34 vs 120)").
//
//   DraftScore score = ScoreDraft("Join us at the meetup! https://meetup.com/x", report.sites, report.posts);
//   score.verdict.mix_class;            // MixClass::kPromotion ("call to action: 'join us'")
//   score.estimates[*score.chosen];    // the mean it rests on, with the number of posts
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyses/mix.h"
#include "analyses/mix_travel.h"

namespace crowdlens {

struct DraftEstimate {
  std::string basis;  // "same class (content) and features (news_link)", "same class (content)", "all own posts"
  TravelGroup group;
  bool enough = false;  // group.posts >= kMixMinEvidence
};

struct DraftScore {
  MixVerdict verdict;
  std::vector<DraftEstimate> estimates;  // most specific first
  std::optional<size_t> chosen;          // the first estimate with enough posts; nullopt: too thin
  std::vector<std::string> reasons;
};

DraftScore ScoreDraft(std::string_view text, const MixSites& sites, std::span<const MixPost> history);

// "2.1x the replies of those without (n=34 vs 120)" and its variants: the
// sentence comparing posts with a feature to those without, for one measure.
std::string CompareFeature(MixFeature feature, const FeatureTravel& travel, bool replies, bool draft_has_feature);

}  // namespace crowdlens
