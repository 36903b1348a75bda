// The spam score on feature values computed by hand from the table in
// text/spam_score.h (ramps and weights).
#include "text/spam_score.h"

#include <gtest/gtest.h>

namespace crowdlens::text {
namespace {

double RampOf(const SpamScore& spam, const std::string& feature) {
  for (const SpamFeatureScore& score : spam.features) {
    if (score.feature == feature) return score.ramp;
  }
  return -1;  // not computed
}

TEST(SpamScore, ABotLikeAccount) {
  SpamFeatures features{.account_age_days = 10,  // ramp 1 (under 30 days)        x 0.15 = 0.15
                        .followers = 20,
                        .following = 900,     // 45 per follower: ramp 1          x 0.20 = 0.20
                        .posts_per_day = 60,  // (60 - 20) / 80 = 0.5             x 0.10 = 0.05
                        .posts_seen = 10,
                        .posts_with_url = 9,      // 0.9: ramp 1                      x 0.20 = 0.20
                        .hashtags_in_posts = 25,  // 2.5 a post: (2.5 - 1) / 3 = 0.5  x 0.10 = 0.05
                        .original_posts = 10,
                        .duplicate_posts = 4,  // 0.4: (0.4 - 0.1) / 0.4 = 0.75    x 0.15 = 0.1125
                        .has_bio = false,
                        .has_location = false,
                        .handle = "deals4u12345"};  // 0.6 + 0.2 + 0.2 = 1          x 0.10 = 0.10
  SpamScore spam = ScoreSpam(features);
  EXPECT_NEAR(spam.score, 0.8625, 1e-12);
  EXPECT_DOUBLE_EQ(RampOf(spam, "account_age_days"), 1);
  EXPECT_DOUBLE_EQ(RampOf(spam, "following_per_follower"), 1);
  EXPECT_DOUBLE_EQ(RampOf(spam, "posts_per_day"), 0.5);
  EXPECT_DOUBLE_EQ(RampOf(spam, "url_share"), 1);
  EXPECT_DOUBLE_EQ(RampOf(spam, "hashtags_per_post"), 0.5);
  EXPECT_NEAR(RampOf(spam, "duplicate_share"), 0.75, 1e-12);
  EXPECT_DOUBLE_EQ(RampOf(spam, "default_profile"), 1);
  // Reasons, the largest part first (ties in the table's order): following 0.20, URLs 0.20, age 0.15,
  // duplicates 0.1125, default profile 0.10, ...
  std::vector<std::string> reasons = spam.reasons();
  ASSERT_EQ(reasons.size(), 7u);
  EXPECT_EQ(reasons[0], "follows 900, followed by 20 (45 per follower)");
  EXPECT_EQ(reasons[1], "9 of 10 posts carry a URL");
  EXPECT_EQ(reasons[2], "account 10 days old");
  EXPECT_EQ(reasons[3], "4 of 10 original posts repeat an earlier text");
  EXPECT_EQ(reasons[4], "default profile: no bio, no location, handle ends in digits");
}

TEST(SpamScore, AnOrdinaryAccountScoresNothing) {
  SpamFeatures features{.account_age_days = 2000,
                        .followers = 500,
                        .following = 300,
                        .posts_per_day = 3,
                        .posts_seen = 5,
                        .posts_with_url = 1,
                        .hashtags_in_posts = 1,
                        .original_posts = 5,
                        .duplicate_posts = 0,
                        .has_bio = true,
                        .has_location = true,
                        .handle = "jane_doe"};
  SpamScore spam = ScoreSpam(features);
  EXPECT_DOUBLE_EQ(spam.score, 0);
  EXPECT_TRUE(spam.reasons().empty());
  EXPECT_EQ(spam.features.size(), 7u);  // every feature was computable
}

TEST(SpamScore, FeaturesThatCannotBeComputedAddNothing) {
  // Nothing but a missing bio and location: (0.6 + 0.2) x 0.1.
  SpamScore thin = ScoreSpam({.handle = "someone"});
  EXPECT_NEAR(thin.score, 0.08, 1e-12);
  EXPECT_EQ(thin.features.size(), 1u);
  // Two posts are too few for content features; the ratio needs 100 accounts followed.
  SpamScore few = ScoreSpam({.followers = 1,
                             .following = 50,
                             .posts_seen = 2,
                             .posts_with_url = 2,
                             .original_posts = 2,
                             .duplicate_posts = 1,
                             .has_bio = true,
                             .has_location = true});
  EXPECT_DOUBLE_EQ(few.score, 0);
  EXPECT_DOUBLE_EQ(RampOf(few, "url_share"), -1);
  EXPECT_DOUBLE_EQ(RampOf(few, "following_per_follower"), 0);
  // Half-way ramps: 197.5 days old, following 11 per follower.
  SpamScore middle = ScoreSpam(
      {.account_age_days = 197.5, .followers = 100, .following = 1100, .has_bio = true, .has_location = true});
  EXPECT_NEAR(middle.score, 0.5 * 0.15 + 0.5 * 0.20, 1e-12);
}

TEST(SpamScore, DuplicatesIgnoreCaseUrlsAndMentions) {
  EXPECT_EQ(CountDuplicateTexts({"Win a prize @bob https://x.co/1", "win a PRIZE @carol https://x.co/2",
                                 "something else", "Win a prize"}),
            2u);
  EXPECT_EQ(CountDuplicateTexts({"a", "b", "c"}), 0u);
  EXPECT_EQ(CountDuplicateTexts({}), 0u);
}

}  // namespace
}  // namespace crowdlens::text
