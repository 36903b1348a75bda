// A spam/bot score for one account from documented features, each mapped to
// 0..1 by a linear ramp between two values and weighted. The features are
// those Benevenuto, Magno, Rodrigues and Almeida found to separate spammers
// ("Detecting Spammers on Twitter", CEAS 2010: share of tweets with URLs,
// account age, followers per followee, hashtags per tweet, tweets per day),
// grouped as Botometer groups its features (Davis, Varol et al., "BotOrNot",
// WWW 2016 companion: user metadata, friends, content, temporal), plus
// repeated text (content) and a default profile (metadata).
//
// | feature             | ramp 0 -> 1                     | weight | needs                 |
// |---------------------|---------------------------------|--------|-----------------------|
// | account age         | 365 -> 30 days                  | 0.15   | created and observed  |
// | following/followers | 2 -> 20 (only when following >= 100) | 0.20 | both counts     |
// | posting rate        | 20 -> 100 posts a day           | 0.10   | post count and age    |
// | URL share           | 0.5 -> 0.9 of posts             | 0.20   | 3 posts or more       |
// | hashtags per post   | 1 -> 4                          | 0.10   | 3 posts or more       |
// | duplicate share     | 0.1 -> 0.5 of original posts    | 0.15   | 3 original posts      |
// | default profile     | no bio 0.6 + no location 0.2 + handle ending in 5+ digits 0.2 | 0.10 | |
//
// score = sum of weight x ramp; a feature that cannot be computed adds
// nothing, so on thin data the score is a lower bound. The weights sum to 1.
//
//   text::SpamFeatures features{.account_age_days = 10, .followers = 20, .following = 900,
//                               .has_bio = true, .has_location = true};
//   text::SpamScore spam = text::ScoreSpam(features);
//   spam.score;    // 0.15 + 0.20 = 0.35
//   spam.reasons;  // {"follows 900, followed by 20 (45 per follower)", "account 10 days old"}
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crowdlens::text {

struct SpamFeatures {
  std::optional<double> account_age_days;  // at the time the profile was observed
  std::optional<int64_t> followers;
  std::optional<int64_t> following;
  std::optional<double> posts_per_day;  // the profile's post count over its age
  size_t posts_seen = 0;                // posts in the workspace (retweets included)
  size_t posts_with_url = 0;
  size_t hashtags_in_posts = 0;  // hashtags summed over posts_seen
  size_t original_posts = 0;     // posts that are not retweets
  size_t duplicate_posts = 0;    // original posts repeating an earlier one's text
  bool has_bio = false;
  bool has_location = false;
  std::string handle;
};

// One feature's part of the score.
struct SpamFeatureScore {
  std::string feature;  // "url_share"
  double value = 0;     // the measured value
  double ramp = 0;      // 0..1
  double weight = 0;
  std::string reason;  // "9 of 10 posts carry a URL"
};

struct SpamScore {
  double score = 0;                        // 0..1
  std::vector<SpamFeatureScore> features;  // the computable features, largest part first
  // The reasons of features that add to the score, largest first.
  std::vector<std::string> reasons() const;
};

SpamScore ScoreSpam(const SpamFeatures& features);

// How many of `texts` repeat an earlier one once lower-cased with URLs and
// @mentions removed (spam repeats a text with new links and targets).
size_t CountDuplicateTexts(const std::vector<std::string>& texts);

}  // namespace crowdlens::text
