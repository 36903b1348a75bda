// The reach model on cases small enough to compute by hand: the visibility
// window, the share of a week of active hours inside it, P(seen), the daily
// curve in a time zone, and a three-account workspace where every inflow,
// window and probability is worked out in the comments.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "analyses/reach.h"
#include "analyses/reach_active_hours.h"
#include "analyses/reach_model.h"
#include "reach_workspace.h"

namespace crowdlens {
namespace {

constexpr int64_t kMonday = 1700438400;  // 2023-11-20 00:00 UTC, a Monday
constexpr int64_t kHour = 3600;
// The daily curve of reach_active_hours.cc, summed by hand: 19.27.
constexpr double kCurveSum = 19.27;

TEST(ReachModel, HourOfWeekCountsFromMondayMidnightUtc) {
  EXPECT_DOUBLE_EQ(HourOfWeek(kMonday), 0.0);
  EXPECT_DOUBLE_EQ(HourOfWeek(kMonday + 25 * kHour + 1800), 25.5);
  EXPECT_DOUBLE_EQ(HourOfWeek(kMonday + 7 * 24 * kHour - kHour), 167.0);
  EXPECT_DOUBLE_EQ(HourOfWeek(kMonday + 7 * 24 * kHour), 0.0);
  EXPECT_DOUBLE_EQ(HourOfWeek(0), 72.0);  // 1970-01-01 00:00 was a Thursday
}

TEST(ReachModel, VisibilityWindowIsPostsPerSessionOverInflowCapped) {
  EXPECT_NEAR(VisibilityWindowHours(150, 200, 24), 200.0 / 150.0, 1e-12);  // 1 h 20 min
  EXPECT_NEAR(VisibilityWindowHours(10, 200, 24), 20.0, 1e-12);
  EXPECT_EQ(VisibilityWindowHours(1, 200, 24), 24.0);  // 200 hours, capped at a day
  EXPECT_EQ(VisibilityWindowHours(0, 200, 24), 24.0);  // nothing arrives: the post stays until the cap
}

TEST(ReachModel, ShareOfActiveHoursInsideAWindow) {
  const ActiveHours flat = ActiveHours::Flat();
  EXPECT_NEAR(flat.ShareBetween(10, 2), 2.0 / 168, 1e-12);
  EXPECT_NEAR(flat.ShareBetween(167, 2), 2.0 / 168, 1e-12);  // wraps into Monday

  // Only Mondays 09:00-10:59 (two hours of equal weight).
  std::vector<double> weights(168, 0.0);
  weights[9] = weights[10] = 1;
  const ActiveHours monday_morning = ActiveHours::FromWeights(weights);
  EXPECT_NEAR(monday_morning.ShareBetween(9.5, 1), 0.5, 1e-12);      // half of 09:00 and half of 10:00
  EXPECT_NEAR(monday_morning.ShareBetween(10.75, 5), 0.125, 1e-12);  // the last quarter of 10:00
  EXPECT_NEAR(monday_morning.ShareBetween(11, 100), 0.0, 1e-12);
  EXPECT_NEAR(monday_morning.ShareBetween(100, 100), 1.0, 1e-12);  // wraps round to next Monday morning

  // Sunday 23:00 and Monday 00:00: a window across the week's end.
  std::vector<double> midnight(168, 0.0);
  midnight[167] = midnight[0] = 1;
  EXPECT_NEAR(ActiveHours::FromWeights(midnight).ShareBetween(167.5, 1), 0.5, 1e-12);
}

TEST(ReachModel, SeenProbabilityIsOneMinusMissingEverySitting) {
  // Two sittings a day (14 a week), any hour alike, a window of 200/150 hours:
  // p = (4/3) / 168 = 0.0079365; P = 1 - (1 - p)^14 = 1 - 0.894443 = 0.105557.
  const double seen = SeenProbability(ActiveHours::Flat(), 30.25, 200.0 / 150.0, 14);
  EXPECT_NEAR(seen, 0.105557, 1e-6);
  // Small p: close to the sum over sittings, 14 x p = 0.111111, and never above it.
  EXPECT_LT(seen, 14 * (4.0 / 3.0) / 168);
  // A reader who opens the timeline only on Monday 09:00-10:59 misses a post published at noon.
  std::vector<double> weights(168, 0.0);
  weights[9] = weights[10] = 1;
  EXPECT_EQ(SeenProbability(ActiveHours::FromWeights(weights), 12, 200.0 / 150.0, 14), 0.0);
  // ... and with 14 sittings in those two hours surely sees one published at 09:00 that stays 24 hours.
  EXPECT_NEAR(SeenProbability(ActiveHours::FromWeights(weights), 9, 24, 14), 1.0, 1e-12);
}

TEST(ReachModel, DailyCurveInLocalTime) {
  double sum = 0;
  for (double value : DailyActivityCurve()) sum += value;
  EXPECT_NEAR(sum, kCurveSum, 1e-9);
  // GB is UTC+0: Monday 11:00 UTC is 11:00 local, weight 1.00 of a week's 7 x 19.27.
  const ActiveHours london = ActiveHoursFromUtcOffset(*CountryUtcOffsetHours("GB"));
  EXPECT_NEAR(london.share(11), 1.00 / (7 * kCurveSum), 1e-12);
  // US (Eastern, UTC-5): 11:00 UTC is 06:00 local, weight 0.30.
  const ActiveHours new_york = ActiveHoursFromUtcOffset(*CountryUtcOffsetHours("US"));
  EXPECT_NEAR(new_york.share(24 + 11), 0.30 / (7 * kCurveSum), 1e-12);
  // India (UTC+5:30): 00:00 UTC is 05:30 local, half of 05:00 (0.17) and half of 06:00 (0.30).
  const ActiveHours delhi = ActiveHoursFromUtcOffset(*CountryUtcOffsetHours("IN"));
  EXPECT_NEAR(delhi.share(0), 0.235 / (7 * kCurveSum), 1e-12);
  EXPECT_FALSE(CountryUtcOffsetHours("XX").has_value());
}

TEST(ReachModel, OwnPostingHoursWithAPrior) {
  // 24 posts, all Monday 09:xx, over a flat prior worth 24 posts: hour 9 holds 24 + 24/168 of 48.
  std::vector<int64_t> times;
  for (int minute = 0; minute < 24; ++minute) times.push_back(kMonday + 9 * kHour + minute * 60);
  const ActiveHours hours = ActiveHoursFromPosts(times, ActiveHours::Flat(), 24);
  EXPECT_NEAR(hours.share(9), (24 + 24.0 / 168) / 48, 1e-12);
  EXPECT_NEAR(hours.share(10), (24.0 / 168) / 48, 1e-12);
}

// Owner o; followers a (GB) and b (no country); accounts x and y that a follows.
//   x: 6 posts, 6 hours apart over 30 hours -> 5 / 30 = 1/6 an hour (from posts)
//   y: profile 2,400 posts over 1,000 hours -> 2.4 an hour (from profile)
//   o: 1 post and no profile post count -> unknown
// a follows o, x, y (profile: 3 follows): known 1/6 + 2.4 = 2.5667 over 2 of 3 -> 2.5667 x 3/2 = 3.85 an hour.
// b follows only o: no known rate -> the median of known inflows, a's 3.85.
// With 10 posts a sitting the window is 10 / 3.85 = 2.5974 hours; 2 sittings a day = 14 a week.
TEST(ReachModel, TinyWorkspaceByHand) {
  testing::ReachWorkspace crowd("reach-tiny");
  const int64_t seen_at = kMonday + 14 * 24 * kHour;
  crowd.Profile("o", "owner", {.observed_at = seen_at});
  crowd.Profile("a", "anna", {.observed_at = seen_at, .following_count = 3});
  crowd.Profile("b", "ben", {.observed_at = seen_at});
  crowd.Profile("y", "yara", {.post_count = 2400, .created_at = seen_at - 1000 * kHour, .observed_at = seen_at});
  for (int index = 0; index < 6; ++index)
    crowd.Post(std::string("x") + std::to_string(index), "x", kMonday + index * 6 * kHour);
  const int64_t published = kMonday + 7 * 24 * kHour + 12 * kHour;  // the next Monday, 12:00 UTC
  crowd.Post("o1", "o", published, 3, 1);
  for (const char* followee : {"o", "x", "y"}) crowd.Follow("a", followee, seen_at);
  crowd.Follow("b", "o", seen_at);
  crowd.Write();

  SegmentMap segments;
  segments[crowd.Key("a")] = AccountSegments{.account_key = crowd.Key("a"), .country = "GB"};
  AudienceRules rules{.target = AudienceRule::Parse("country = GB").value()};
  ReachConfig config;
  config.habit.posts_per_session = 10;
  Result<ReachAnalysis> reach = AnalyseReach(crowd.workspace(), {.owner_key = crowd.Key("o")}, config, rules, segments);
  ASSERT_TRUE(reach.ok()) << reach.status().message();

  ASSERT_EQ(reach->followers, 2);
  EXPECT_EQ(reach->target_followers, 1);
  EXPECT_EQ(reach->sources.followees_rate_from_posts, 1);    // x
  EXPECT_EQ(reach->sources.followees_rate_from_profile, 1);  // y
  EXPECT_EQ(reach->sources.followees_rate_unknown, 1);       // o
  EXPECT_EQ(reach->sources.followers_inflow_from_follows, 1);
  EXPECT_EQ(reach->sources.followers_inflow_median, 1);
  EXPECT_EQ(reach->sources.followers_hours_country, 1);
  EXPECT_EQ(reach->sources.followers_hours_flat, 1);
  const double inflow = (1.0 / 6 + 2.4) * 3 / 2;  // 3.85
  EXPECT_NEAR(reach->sources.median_inflow_per_hour, inflow, 1e-9);
  for (const FollowerReach& follower : reach->follower_models) {
    EXPECT_NEAR(follower.inflow_per_hour, inflow, 1e-9) << follower.handle;
    EXPECT_NEAR(follower.window_hours, 10 / inflow, 1e-9);
  }

  // a (GB curve) for a post at Monday 12:00 UTC: the window 12:00-14:35.8 covers 12:00 (1.05), 13:00 (1.00)
  // and 0.5974 of 14:00 (0.95), of a week of 7 x 19.27.
  const double window = 10 / inflow;  // 2.5974 hours
  const double p_anna = (1.05 + 1.00 + 0.95 * (window - 2)) / (7 * kCurveSum);
  const double seen_anna = 1 - std::pow(1 - p_anna, 14);
  // b (flat): p = 2.5974 / 168.
  const double seen_ben = 1 - std::pow(1 - window / 168, 14);
  EXPECT_NEAR(seen_anna, 0.2399, 1e-4);  // p = 2.6175 / 134.89 = 0.019405
  EXPECT_NEAR(seen_ben, 0.1960, 1e-4);   // p = 2.5974 / 168 = 0.015461
  ASSERT_EQ(reach->posts.size(), 1u);
  EXPECT_NEAR(reach->posts[0].expected_target, seen_anna, 1e-9);
  EXPECT_NEAR(reach->posts[0].expected_followers, seen_anna + seen_ben, 1e-9);
  EXPECT_EQ(reach->posts[0].retweets.value_or(-1), 3);
  EXPECT_NEAR(reach->mean_seen_target, seen_anna, 1e-9);
  EXPECT_NEAR(reach->mean_seen_all, (seen_anna + seen_ben) / 2, 1e-9);
}

TEST(ReachModel, SegmentHabitOverridesAndPeriod) {
  testing::ReachWorkspace crowd("reach-habit");
  const int64_t seen_at = kMonday + 14 * 24 * kHour;
  crowd.Profile("o", "owner", {.observed_at = seen_at});
  crowd.Profile("y", "yara", {.post_count = 1500, .created_at = seen_at - 10 * kHour, .observed_at = seen_at});
  crowd.Profile("a", "anna", {.observed_at = seen_at, .following_count = 2});
  crowd.Profile("b", "ben", {.observed_at = seen_at, .following_count = 2});
  crowd.Post("early", "o", kMonday + 10 * kHour);
  crowd.Post("late", "o", kMonday + 3 * 24 * kHour + 10 * kHour);
  crowd.Follow("a", "o", seen_at);
  crowd.Follow("a", "y", seen_at);
  crowd.Follow("b", "o", seen_at);
  crowd.Follow("b", "y", seen_at);
  crowd.Write();
  SegmentMap segments;
  segments[crowd.Key("a")] = AccountSegments{.account_key = crowd.Key("a"), .country = "GB"};
  AudienceRules rules{.target = AudienceRule::Parse("country = GB").value()};
  ReachConfig config;  // y posts 150 an hour; the target reads 4 sittings a day
  config.segment_habits["target"] = ReadingHabit{.posts_per_session = 200, .sessions_per_day = 4};
  config.segment_lines["target"] = 1;
  Result<ReachAnalysis> reach =
      AnalyseReach(crowd.workspace(), {.owner_key = crowd.Key("o"), .days = 1}, config, rules, segments);
  ASSERT_TRUE(reach.ok()) << reach.status().message();
  ASSERT_EQ(reach->posts.size(), 1u);  // --days 1 keeps only the last post
  EXPECT_EQ(reach->posts[0].platform_id, "late");
  for (const FollowerReach& follower : reach->follower_models) {
    EXPECT_EQ(follower.habit.sessions_per_day, follower.in_target ? 4 : 2) << follower.handle;
    EXPECT_EQ(follower.habit_segment, follower.in_target ? "target" : "");
  }
  // b: flat hours, y alone (o's rate is unknown: 2 follows, 1 known) -> inflow 150 x 2 = 300, window 2/3 hour.
  const double seen_b = 1 - std::pow(1 - (2.0 / 3) / 168, 14);
  EXPECT_NEAR(reach->posts[0].expected_followers - reach->posts[0].expected_target, seen_b, 1e-9);

  // A habit for a segment the config does not define is an error naming the line.
  config.segment_habits["nowhere"] = ReadingHabit{};
  config.segment_lines["nowhere"] = 12;
  Result<ReachAnalysis> bad = AnalyseReach(crowd.workspace(), {.owner_key = crowd.Key("o")}, config, rules, segments);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 12"), std::string::npos) << bad.status().message();
  EXPECT_NE(bad.status().message().find("[reach.segments.nowhere]"), std::string::npos);
}

}  // namespace
}  // namespace crowdlens
