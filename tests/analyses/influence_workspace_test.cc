// Influence on the hand-built crowd of tiny_crowd.h: every count, PageRank,
// component and score below is computed by hand in the comments.
#include <gtest/gtest.h>

#include <cmath>

#include "analyses/activity.h"
#include "analyses/influence.h"
#include "analyses/influence_weekly.h"
#include "tiny_crowd.h"

namespace crowdlens {
namespace {

using testing::kDay;
using testing::kHour;
using testing::kTinyWeekOne;

class TinyCrowd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace_ = testing::MakeTinyCrowd().release();
    Result<InfluenceAnalysis> analysis = AnalyseInfluence(*workspace_);
    ASSERT_TRUE(analysis.ok()) << analysis.status().message();
    analysis_ = new InfluenceAnalysis(std::move(analysis).value());
  }
  static void TearDownTestSuite() {
    delete analysis_;
    delete workspace_;
  }
  static uint32_t Index(const char* handle) {
    Result<uint32_t> index = analysis_->accounts().Find(handle);
    EXPECT_TRUE(index.ok()) << index.status().message();
    return index.ok() ? *index : 0;
  }
  static const InfluenceCounts& Counts(const char* handle) { return analysis_->counts[Index(handle)]; }
  static const InfluenceScore& Score(const char* handle) { return analysis_->scores[Index(handle)]; }
  static double Relative(const char* handle, Layer layer) {
    return analysis_->layers[LayerIndex(layer)].relative[Index(handle)];
  }

  static Workspace* workspace_;
  static InfluenceAnalysis* analysis_;
};

Workspace* TinyCrowd::workspace_ = nullptr;
InfluenceAnalysis* TinyCrowd::analysis_ = nullptr;

TEST_F(TinyCrowd, AliceCountsByHand) {
  const InfluenceCounts& alice = Counts("alice");
  EXPECT_EQ(alice.followers, 1000);
  EXPECT_TRUE(alice.followers_from_profile);
  EXPECT_EQ(alice.following, 10);
  EXPECT_EQ(alice.posts, 3);  // p1, p2, p13
  EXPECT_EQ(alice.own_posts, 3);
  // p1: max(5 reported, 2 observed: p3, p4) = 5; p2: 1 (p5); p13: 1 (p14).
  EXPECT_EQ(alice.retweets_received, 7);
  EXPECT_EQ(alice.quotes_received, 1);  // p10
  EXPECT_NEAR(alice.amplification(), 8.0 / 3.0, 1e-12);
  EXPECT_EQ(alice.replies_received, 2);  // p7, p17
  // Substantive: p6, p16, p15 ("thanks for the postmortem, ..." thanks content, not a gesture).
  EXPECT_EQ(alice.mentions_substantive, 3);
  // Courtesy: p7 and p17 reply to her own posts, p9 is #FF, p12 replies to carol with @alice in its opening run.
  // The retweets' "RT @alice" are retweets, not mentions.
  EXPECT_EQ(alice.mentions_courtesy, 4);
  EXPECT_EQ(alice.mentions_by_kind[static_cast<size_t>(MentionKind::kReplyToOwnPost)], 2);
  EXPECT_EQ(alice.mentions_by_kind[static_cast<size_t>(MentionKind::kFollowFriday)], 1);
  EXPECT_EQ(alice.mentions_by_kind[static_cast<size_t>(MentionKind::kReplyThread)], 1);
}

TEST_F(TinyCrowd, OtherAccountsCountsByHand) {
  const InfluenceCounts& bob = Counts("bob");
  EXPECT_EQ(bob.posts, 3);  // p3, p7, p14
  EXPECT_EQ(bob.own_posts, 1);
  EXPECT_EQ(bob.retweets_sent, 2);
  EXPECT_EQ(bob.replies_sent, 1);
  EXPECT_EQ(bob.mentions_substantive, 1);  // p11
  EXPECT_EQ(bob.mentions_courtesy, 1);     // p9 #FF
  const InfluenceCounts& carol = Counts("carol");
  EXPECT_EQ(carol.posts, 4);             // p4, p6, p10, p15
  EXPECT_EQ(carol.replies_received, 1);  // p12
  EXPECT_EQ(carol.mentions_substantive, 0);
  EXPECT_EQ(carol.mentions_courtesy, 3);  // p8 thanks, p9 #FF, p12 reply to her own post
  EXPECT_EQ(carol.mentions_by_kind[static_cast<size_t>(MentionKind::kThanks)], 1);
  // erin has no profile: her audience is the follow edges held (she follows carol and, later, alice).
  const InfluenceCounts& erin = Counts("erin");
  EXPECT_FALSE(erin.followers_from_profile);
  EXPECT_EQ(erin.followers, 0);
  EXPECT_EQ(erin.following, 2);
  EXPECT_EQ(erin.posts, 3);
}

TEST_F(TinyCrowd, PageRankOnEachLayerByHand) {
  // Retweet layer: bob, carol (retweet + quote) and dave -> alice; alice dangling. With n = 4 and every
  // other node at x: x = 0.15/4 + 0.85 * alice/4 and alice = x + 0.85 * 3x = 3.55x; 6.55x = 1.
  // alice = 3.55 / 6.55 = 0.541985; relative 4 * alice = 2.167939; nobody else is pointed to.
  EXPECT_NEAR(analysis_->layers[LayerIndex(Layer::kRetweet)].pagerank[Index("alice")], 3.55 / 6.55, 1e-8);
  EXPECT_NEAR(Relative("alice", Layer::kRetweet), 2.167939, 1e-6);
  EXPECT_EQ(Relative("bob", Layer::kRetweet), 0);
  // Mention layer (substantive only): carol -> alice (2), erin -> alice, dave -> bob; n = 5.
  // Nodes without in-edges: base = 0.03 + 0.17 * (alice + bob) (alice and bob dangle).
  // alice = base + 0.85 * 2 base = 2.7 base, bob = 1.85 base; 7.55 base = 1.
  // alice = 0.357616 (relative 1.788079), bob = 0.245033 (relative 1.225166).
  EXPECT_NEAR(Relative("alice", Layer::kMention), 5 * 2.7 / 7.55, 1e-6);
  EXPECT_NEAR(Relative("bob", Layer::kMention), 5 * 1.85 / 7.55, 1e-6);
  // Reply layer: bob -> alice, dave -> alice, erin -> carol: the same shape, alice 2.7 base, carol 1.85 base.
  EXPECT_NEAR(Relative("alice", Layer::kReply), 5 * 2.7 / 7.55, 1e-6);
  EXPECT_NEAR(Relative("carol", Layer::kReply), 5 * 1.85 / 7.55, 1e-6);
  // Follow layer: bob, carol -> alice; dave, erin -> alice and carol (half each); alice dangles.
  // bob = dave = erin = base; carol = base + 0.85 (base/2 + base/2) = 1.85 base;
  // alice = base + 0.85 (base + 1.85 base + base/2 + base/2) = 4.2725 base; 9.1225 base = 1.
  EXPECT_NEAR(analysis_->layers[LayerIndex(Layer::kFollow)].pagerank[Index("alice")], 4.2725 / 9.1225, 1e-8);
  EXPECT_NEAR(Relative("carol", Layer::kFollow), 5 * 1.85 / 9.1225, 1e-6);  // 1.013976
  EXPECT_EQ(Relative("dave", Layer::kFollow), 0);
}

TEST_F(TinyCrowd, ScoresByHand) {
  // Each component: (percentile among positive values + 100 * log1p(x) / log1p(max)) / 2.
  // alice has the largest value of every component: 100 on each, score 100.
  EXPECT_NEAR(Score("alice").score, 100.0, 1e-9);
  // bob: followers 50 among {10, 50, 200, 1000}: rank 2 of 4 = 50; log1p(50)/log1p(1000) = 56.910772 -> 53.455386.
  //      mentions 1 vs alice 3: percentile 50, log1p(1)/log1p(3) = 50 -> 50.
  //      mention PageRank 1.225166 vs 1.788079: 50 and log(2.225166)/log(2.788079) = 78.005460 -> 64.002730.
  //      score = 0.10 * 53.455386 + 0.20 * 50 + 0.15 * 64.002730 = 24.945948
  const InfluenceScore& bob = Score("bob");
  EXPECT_NEAR(bob.components[kFollowers].score, 53.455386, 1e-5);
  EXPECT_NEAR(bob.components[kMentions].score, 50.0, 1e-9);
  EXPECT_NEAR(bob.components[kPageRankMention].score, 64.002730, 1e-5);
  EXPECT_NEAR(bob.score, 24.945948, 1e-5);
  // carol: followers 200: 75 and log1p(200)/log1p(1000) -> 75.881048; replies 1 vs 2: 56.546488;
  //        follow PageRank 1.013976 vs 2.341737 -> 54.014355; reply PageRank as bob's mention one: 64.002730.
  //        score = 0.1 * 75.881048 + 0.1 * 56.546488 + 0.1 * 54.014355 + 0.05 * 64.002730 = 21.844326
  const InfluenceScore& carol = Score("carol");
  EXPECT_NEAR(carol.components[kFollowers].score, 75.881048, 1e-5);
  EXPECT_NEAR(carol.components[kReplies].score, 56.546488, 1e-5);
  EXPECT_NEAR(carol.components[kPageRankFollow].score, 54.014355, 1e-5);
  EXPECT_NEAR(carol.score, 21.844326, 1e-5);
  // dave: followers 10 only: rank 1 of 4 = 25, log1p(10)/log1p(1000) = 34.708 -> 29.854034; score 2.985403.
  EXPECT_NEAR(Score("dave").score, 2.985403, 1e-5);
  EXPECT_EQ(Score("erin").score, 0);
  // The ranking follows the scores.
  std::vector<std::string> order;
  for (uint32_t account : analysis_->ranking) order.push_back(analysis_->accounts().Label(account));
  EXPECT_EQ(order, (std::vector<std::string>{"alice", "bob", "carol", "dave", "erin"}));
}

TEST_F(TinyCrowd, WeeklyScoresByHand) {
  WeeklyTrend trend = WeeklyScores(*analysis_, Index("alice"), {});
  ASSERT_EQ(trend.weeks.size(), 2u);
  EXPECT_EQ(trend.weeks[0].week_start, kTinyWeekOne);
  EXPECT_EQ(trend.weeks[1].week_start, kTinyWeekOne + 7 * kDay);
  // Week 1: retweets p3, p4, p5 (no platform figures in a window), quote p10, mentions p6, p16 substantive.
  EXPECT_EQ(trend.weeks[0].counts.retweets_received, 3);
  EXPECT_EQ(trend.weeks[0].counts.quotes_received, 1);
  EXPECT_EQ(trend.weeks[0].counts.mentions_substantive, 2);
  EXPECT_EQ(trend.weeks[0].counts.replies_received, 1);
  // Week 1 components (weights / 0.8): amplification 100, mentions 100 (2 vs bob's 1), retweet and mention
  // PageRank 100, replies 87.5 and reply PageRank 87.5 (alice and carol each got one reply: percentile 75, log 100).
  // (0.2 * 100 + 0.2 * 100 + 0.1 * 87.5 + 0.1 * 100 + 0.15 * 100 + 0.05 * 87.5) / 0.8 = 78.125 / 0.8 = 97.65625
  EXPECT_NEAR(trend.weeks[0].score.score, 97.65625, 1e-9);
  // Week 2: alice alone receives anything: 100.
  EXPECT_NEAR(trend.weeks[1].score.score, 100.0, 1e-9);
  EXPECT_EQ(trend.summary, "score rose from 98 to 100 over 2 weeks");
  EXPECT_EQ(trend.quiet_weeks, 0);
  EXPECT_EQ(DescribeTrend(trend.weeks, 3), "score rose from 98 to 100 over 5 weeks (2 with activity)");
  EXPECT_EQ(DescribeTrend({trend.weeks[1]}, 0), "score held at 100 in 1 week");
  EXPECT_EQ(DescribeTrend({}, 0), "no weeks with activity in the range");
  // bob got one retweet-free week: mentions p9 (#FF) and p11 in week 1 only.
  WeeklyTrend bob = WeeklyScores(*analysis_, Index("bob"), {});
  ASSERT_EQ(bob.weeks.size(), 2u);  // he posted in week 2 (p14), so the range reaches it
  EXPECT_EQ(bob.weeks[1].score.score, 0);
}

TEST_F(TinyCrowd, ActivityAndNewFollowers) {
  Result<ActivityPeriod> all = ResolvePeriod(analysis_->activity, {});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->window.since, kTinyWeekOne + 1 * kHour);
  EXPECT_EQ(all->window.until, kTinyWeekOne + 8 * kDay + 3 * kHour + 1);
  ActivitySummary alice = SummariseActivity(analysis_->activity, Index("alice"), *all);
  EXPECT_EQ(alice.sentence,
            "over the workspace's posts (2021-03-01 to 2021-03-09): 3 posts, 7 mentions (4 courtesy), 5 retweets, "
            "2 replies, 0 new followers");
  EXPECT_EQ(alice.style.style, EngagementStyle::kObserver);
  // erin -> alice was first seen on day 9, after alice's first snapshot of followers (day 0): new.
  Result<ActivityPeriod> ten_days = ResolvePeriod(analysis_->activity, {.since = "2021-03-01", .until = "2021-03-11"});
  ASSERT_TRUE(ten_days.ok());
  EXPECT_EQ(SummariseActivity(analysis_->activity, Index("alice"), *ten_days).counts.new_followers, 1);
  EXPECT_EQ(SummariseActivity(analysis_->activity, Index("carol"), *ten_days).counts.new_followers, 0);
  // --days 2 ends at the last post (day 8, 03:00): only week 2's posts.
  Result<ActivityPeriod> two_days = ResolvePeriod(analysis_->activity, {.days = 2});
  ASSERT_TRUE(two_days.ok());
  ActivitySummary recent = SummariseActivity(analysis_->activity, Index("alice"), *two_days);
  EXPECT_EQ(recent.counts.posts, 1);
  EXPECT_EQ(recent.counts.retweets_received, 1);
  EXPECT_EQ(recent.period.label, "in the last 2 days (to 2021-03-09)");
}

TEST_F(TinyCrowd, BadPeriodsAreUsageErrors) {
  EXPECT_EQ(ResolvePeriod(analysis_->activity, {.since = "yesterday"}).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ResolvePeriod(analysis_->activity, {.since = "2021-03-05", .until = "2021-03-01"}).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(ResolvePeriod(analysis_->activity, {.since = "2021-03-01", .days = 3}).status().code(),
            ErrorCode::kInvalidArgument);
}

TEST_F(TinyCrowd, HandlesResolveOrFailByName) {
  EXPECT_EQ(analysis_->accounts().Label(Index("@Alice")), "alice");
  Result<uint32_t> missing = analysis_->accounts().Find("@nobody");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(missing.status().message().find("\"@nobody\""), std::string::npos) << missing.status().message();
}

}  // namespace
}  // namespace crowdlens
