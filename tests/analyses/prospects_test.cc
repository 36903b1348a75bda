// Prospects and the engagement queue on the hand-built crowd of tiny_crowd.h,
// every component computed by hand below, and the ranking's rules (recency,
// reach, exclusions) on hand-made inputs.
//
// The crowd's owner here is carol, with this crowdlens.toml:
//   [owner] accounts = ["carol"]; [roles.competitors] handles = ["bob"];
//   [audience] target = "followers >= 10"
// so alice (1000 followers), bob (50), carol (200) and dave (10) are in the
// target audience and erin (no profile, no followers) is not; carol follows
// alice; dave and erin follow carol; alice follows no one, so no account has
// a follow of carol's following it (second degree 0 for all).
// Influence scores (influence_workspace_test.cc): alice 100, bob 24.945948,
// carol 21.844326, dave 2.985403, erin 0.
//
// "launch" is not a configured topic, so --topic launch is the word. Posts
// with the word (tiny_crowd.h): p1 alice +1h, p2 alice +2h, p3 bob RT +3h,
// p4 carol RT +4h, p5 dave RT +5h, p6 carol +6h, p7 bob +7h, p11 dave +11h,
// p16 erin +13h, p13 alice +8d, p14 bob RT +8d1h. The newest post of the
// workspace is p17 at +8d3h = +195h: the reference time.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include "analyses/engage.h"
#include "analyses/prospects.h"
#include "tiny_crowd.h"

namespace crowdlens {
namespace {

using testing::kDay;
using testing::kHour;
using testing::kTinyWeekOne;

constexpr double kInfluenceDave = 2.985403;  // influence_workspace_test.cc
constexpr double kInfluenceBob = 24.945948;

// A post `hours_old` hours before the reference weighs 2^(-hours_old / 24) with a half-life of a day.
double Weight(double hours_old, bool retweet = false) {
  return (retweet ? 0.5 : 1.0) * std::exp2(-hours_old / 24.0);
}

class ProspectsTinyCrowd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace_ = testing::MakeTinyCrowd().release();
    std::ofstream config(workspace_->config_path(), std::ios::trunc);
    config << "[owner]\naccounts = [\"carol\"]\n\n[roles.competitors]\nhandles = [\"bob\"]\n\n"
              "[audience]\ntarget = \"followers >= 10\"\n";
  }
  static void TearDownTestSuite() { delete workspace_; }

  static ProspectReport Analyse(ProspectOptions options) {
    Result<ProspectReport> report = AnalyseProspects(*workspace_, options);
    EXPECT_TRUE(report.ok()) << report.status().message();
    return report.ok() ? std::move(report).value() : ProspectReport{};
  }

  static Workspace* workspace_;
};

Workspace* ProspectsTinyCrowd::workspace_ = nullptr;

// Weighted posts by hand, half-life one day, ages in hours from +195h.
const double kAlice = Weight(194) + Weight(193) + Weight(3);          // p1, p2, p13: the largest
const double kBob = Weight(192, true) + Weight(188) + Weight(2, true);  // p3 RT, p7, p14 RT
const double kDave = Weight(190, true) + Weight(184);                   // p5 RT, p11
const double kErin = Weight(182);                                       // p16

TEST_F(ProspectsTinyCrowd, OrderComponentsAndExclusionsByHand) {
  ProspectReport report = Analyse({.subject = {.topic = "launch"}, .half_life = kDay});
  EXPECT_EQ(report.reference_time, kTinyWeekOne + 8 * kDay + 3 * kHour);
  EXPECT_EQ(report.matching_posts, 11);
  EXPECT_EQ(report.owner, "carol");
  ASSERT_EQ(report.ranked.size(), 5u);  // everyone who used the word
  EXPECT_EQ(report.excluded(ProspectExclusion::kOwner), 1);       // carol
  EXPECT_EQ(report.excluded(ProspectExclusion::kFollowed), 1);    // alice
  EXPECT_EQ(report.excluded(ProspectExclusion::kCompetitor), 1);  // bob
  EXPECT_EQ(report.excluded(ProspectExclusion::kSpam), 0);

  std::vector<const Prospect*> prospects = report.prospects();
  ASSERT_EQ(prospects.size(), 2u);
  const Prospect& dave = *prospects[0];
  const Prospect& erin = *prospects[1];
  EXPECT_EQ(dave.standing.handle, "dave");
  EXPECT_EQ(erin.standing.handle, "erin");

  // dave: relevance log1p(0.006990830) / log1p(0.924486099) = 0.010641430; influence 0.02985403;
  // fit 1 (10 followers); reach 0.5 (follows carol, no second degree).
  // score = 0.40 * 0.010641430 + 0.20 * 0.02985403 + 0.25 * 1 + 0.15 * 0.5 = 0.335227378
  EXPECT_EQ(dave.matching_posts, 2);
  EXPECT_EQ(dave.retweets, 1);
  EXPECT_EQ(dave.last_post_at, kTinyWeekOne + 11 * kHour);
  EXPECT_NEAR(dave.weighted_posts, kDave, 1e-15);
  EXPECT_NEAR(dave.weighted_posts, 0.006990830457, 1e-12);
  EXPECT_NEAR(dave.components[kRelevance], std::log1p(kDave) / std::log1p(kAlice), 1e-12);
  EXPECT_NEAR(dave.components[kRelevance], 0.010641430435, 1e-9);
  EXPECT_NEAR(dave.components[kInfluence], kInfluenceDave / 100, 1e-7);
  EXPECT_EQ(dave.components[kFit], 1.0);
  EXPECT_EQ(dave.components[kReach], 0.5);
  EXPECT_NEAR(dave.score, 0.335227378, 1e-7);
  EXPECT_EQ(dave.why,
            "posted twice about launch, 1 of them retweets, last 7 days ago; influence 3/100; "
            "in your target audience; follows you");

  // erin: relevance log1p(0.005214218) / log1p(0.924486099) = 0.007944092; influence 0; fit 0 (no
  // followers); reach 0.5. score = 0.40 * 0.007944092 + 0.15 * 0.5 = 0.078177637
  EXPECT_NEAR(erin.components[kRelevance], std::log1p(kErin) / std::log1p(kAlice), 1e-12);
  EXPECT_EQ(erin.components[kInfluence], 0.0);
  EXPECT_EQ(erin.components[kFit], 0.0);
  EXPECT_NEAR(erin.score, 0.078177637, 1e-8);
  EXPECT_EQ(erin.why, "posted once about launch, 7 days ago; follows you");

  // The left-out ones are still ranked, with their reasons for being left out.
  for (const Prospect& prospect : report.ranked) {
    if (prospect.standing.handle == "alice") {
      EXPECT_EQ(prospect.exclusion, ProspectExclusion::kFollowed);
      EXPECT_EQ(prospect.components[kRelevance], 1.0);  // the largest sum
    }
    if (prospect.standing.handle == "carol") EXPECT_EQ(prospect.exclusion, ProspectExclusion::kOwner);
    if (prospect.standing.handle == "bob") EXPECT_EQ(prospect.exclusion, ProspectExclusion::kCompetitor);
  }
}

TEST_F(ProspectsTinyCrowd, CompetitorsKeptOnRequest) {
  ProspectReport report = Analyse({.subject = {.topic = "launch"}, .half_life = kDay, .include_competitors = true});
  std::vector<const Prospect*> prospects = report.prospects();
  ASSERT_EQ(prospects.size(), 3u);
  // bob: relevance log1p(0.478274899) / log1p(0.924486099) = 0.597067812 (p14, a retweet 2 h old);
  // influence 0.24945948; fit 1 (50 followers); reach 0 (does not follow carol).
  // score = 0.40 * 0.597067812 + 0.20 * 0.24945948 + 0.25 = 0.538719021
  EXPECT_EQ(prospects[0]->standing.handle, "bob");
  EXPECT_NEAR(prospects[0]->components[kRelevance], std::log1p(kBob) / std::log1p(kAlice), 1e-12);
  EXPECT_NEAR(prospects[0]->components[kInfluence], kInfluenceBob / 100, 1e-7);
  EXPECT_EQ(prospects[0]->components[kReach], 0.0);
  EXPECT_NEAR(prospects[0]->score, 0.538719021, 1e-7);
  EXPECT_EQ(prospects[0]->why,
            "posted 3 times about launch, 2 of them retweets, last 2 h ago; influence 25/100; "
            "in your target audience; competitor");
  EXPECT_EQ(prospects[1]->standing.handle, "dave");
  EXPECT_EQ(prospects[2]->standing.handle, "erin");
}

TEST_F(ProspectsTinyCrowd, SinceKeepsLaterPostsOnly) {
  // From +8d only p13 (alice) and p14 (bob, a retweet) match: alice is followed, bob a competitor.
  ProspectReport report =
      Analyse({.subject = {.topic = "launch"}, .half_life = kDay, .since = kTinyWeekOne + 8 * kDay});
  EXPECT_EQ(report.matching_posts, 2);
  EXPECT_EQ(report.ranked.size(), 2u);
  EXPECT_TRUE(report.prospects().empty());
  // The same as a duration back from the reference (+8d3h): 3 hours.
  ProspectReport within = Analyse({.subject = {.topic = "launch"}, .half_life = kDay, .within = 3 * kHour});
  EXPECT_EQ(within.matching_posts, 2);
}

TEST_F(ProspectsTinyCrowd, NowMovesTheReference) {
  // With the reference at +12h, p13, p14 and p16 lie ahead of it and do not count; dave's p11 is 1 h old.
  ProspectReport report =
      Analyse({.subject = {.topic = "launch"}, .half_life = kDay, .now = kTinyWeekOne + 12 * kHour});
  EXPECT_EQ(report.matching_posts, 8);
  std::vector<const Prospect*> prospects = report.prospects();
  ASSERT_EQ(prospects.size(), 1u);  // dave; erin's only post is later
  EXPECT_NEAR(prospects[0]->weighted_posts, Weight(7, true) + Weight(1), 1e-12);
}

TEST_F(ProspectsTinyCrowd, HashtagAndQuerySubjects) {
  // #ff: only p9 (erin).
  ProspectReport tag = Analyse({.subject = {.hashtag = "#FF"}});
  EXPECT_EQ(tag.matching_posts, 1);
  ASSERT_EQ(tag.prospects().size(), 1u);
  EXPECT_EQ(tag.prospects()[0]->standing.handle, "erin");
  EXPECT_EQ(tag.prospects()[0]->why, "posted once about #ff, 7 days ago; follows you");
  // postmortem AND NOT from:alice: p14 (bob) and p15 (carol, the owner).
  ProspectReport query = Analyse({.subject = {.query = "postmortem -from:alice"}, .include_competitors = true});
  EXPECT_EQ(query.matching_posts, 2);
  ASSERT_EQ(query.prospects().size(), 1u);
  EXPECT_EQ(query.prospects()[0]->standing.handle, "bob");
}

TEST_F(ProspectsTinyCrowd, BadRequestsSayWhatToDo) {
  Result<ProspectReport> none = AnalyseProspects(*workspace_, {});
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("--hashtag"), std::string::npos);
  Result<ProspectReport> two = AnalyseProspects(*workspace_, {.subject = {.topic = "launch", .hashtag = "ff"}});
  EXPECT_FALSE(two.ok());
  Result<ProspectReport> bad_query = AnalyseProspects(*workspace_, {.subject = {.query = "launch AND"}});
  ASSERT_FALSE(bad_query.ok());
  EXPECT_NE(bad_query.status().message().find("column"), std::string::npos);
  Result<ProspectReport> late = AnalyseProspects(
      *workspace_, {.subject = {.topic = "launch"}, .since = kTinyWeekOne + 30 * kDay});
  EXPECT_FALSE(late.ok());
}

TEST_F(ProspectsTinyCrowd, EngageQueueWithoutTopicsByHand) {
  // No [topics] in this config: any post of the target audience qualifies. The 48 hours to +8d3h hold
  // p13 alice (+8d), p14 bob (a retweet: left out), p15 carol (the owner: left out), p17 dave (+8d3h).
  Result<EngageReport> report = AnalyseEngage(*workspace_, {.hours = 48});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->posts_in_window, 4);
  ASSERT_EQ(report->posts.size(), 2u);
  // alice p13: recency 1 - 3/48 = 0.9375; author (no relevance without a subject):
  // (0.20 * 1 + 0.25 * 1 + 0.15 * 0) / 1 = 0.45; traction: 1 retweet (p14), the most -> 1.
  // score = 0.45 * 0.9375 + 0.35 * 0.45 + 0.20 * 1 = 0.779375
  const EngagePost& alice = report->posts[0];
  EXPECT_EQ(alice.post.platform_id, "p13");
  EXPECT_EQ(alice.retweets, 1);
  EXPECT_NEAR(alice.components[kEngageRecency], 0.9375, 1e-12);
  EXPECT_NEAR(alice.components[kEngageAuthor], 0.45, 1e-12);
  EXPECT_NEAR(alice.components[kEngageTraction], 1.0, 1e-12);
  EXPECT_NEAR(alice.score, 0.779375, 1e-12);
  EXPECT_EQ(alice.why, "in your target audience; posted 3 h ago; 1 retweet; you follow them");
  EXPECT_EQ(alice.url, "");  // "p13" is not a Twitter status id
  // dave p17: recency 1; author 0.20 * 0.02985403 + 0.25 + 0.15 * 0.5 = 0.330970806; traction 0.
  // score = 0.45 + 0.35 * 0.330970806 = 0.565839782
  const EngagePost& dave = report->posts[1];
  EXPECT_EQ(dave.post.platform_id, "p17");
  EXPECT_NEAR(dave.components[kEngageAuthor], 0.330970806, 1e-7);
  EXPECT_NEAR(dave.score, 0.565839782, 1e-7);
  EXPECT_EQ(dave.why, "in your target audience; posted 0 min ago; follows you");
}

TEST_F(ProspectsTinyCrowd, EngageQueueOnATopic) {
  // "launch" in the last 48 h: p13 alice only (p14 is a retweet). alice's author score is her prospect
  // score, relevance 1: 0.40 + 0.20 + 0.25 = 0.85. score = 0.45 * 0.9375 + 0.35 * 0.85 + 0.20 = 0.919375
  Result<EngageReport> recent = AnalyseEngage(*workspace_, {.subject = {.topic = "launch"}, .half_life = kDay});
  ASSERT_TRUE(recent.ok()) << recent.status().message();
  ASSERT_EQ(recent->posts.size(), 1u);
  EXPECT_NEAR(recent->posts[0].score, 0.919375, 1e-12);
  EXPECT_EQ(recent->posts[0].why, "in your target audience; posted 3 h ago about launch; 1 retweet; you follow them");

  // Over 200 hours: alice's p1, p2, p13 and dave's p11 (target audience), erin's p16 (prospect #2,
  // not in the target audience); bob's p7 (competitor), carol's p6 (owner) and the retweets are left out.
  Result<EngageReport> week =
      AnalyseEngage(*workspace_, {.subject = {.topic = "launch"}, .hours = 200, .per_author = 5, .half_life = kDay});
  ASSERT_TRUE(week.ok()) << week.status().message();
  std::set<std::string> queued;
  for (const EngagePost& entry : week->posts) queued.insert(entry.post.platform_id);
  EXPECT_EQ(queued, (std::set<std::string>{"p1", "p2", "p11", "p13", "p16"}));
  for (const EngagePost& entry : week->posts) {
    if (entry.post.platform_id == "p16") {
      ASSERT_TRUE(entry.prospect_rank.has_value());
      EXPECT_EQ(*entry.prospect_rank, 2u);
      EXPECT_FALSE(entry.standing.in_target);
    }
  }
  // Newest and most promising first: p13 (newest, alice) leads.
  EXPECT_EQ(week->posts[0].post.platform_id, "p13");

  // One post per author by default: alice's best (p13), with her other two counted in the reason.
  Result<EngageReport> best =
      AnalyseEngage(*workspace_, {.subject = {.topic = "launch"}, .hours = 200, .half_life = kDay});
  ASSERT_TRUE(best.ok()) << best.status().message();
  EXPECT_EQ(best->qualified, 5);
  ASSERT_EQ(best->posts.size(), 3u);
  EXPECT_EQ(best->posts[0].post.platform_id, "p13");
  EXPECT_EQ(best->posts[0].more_posts, 2);
  EXPECT_NE(best->posts[0].why.find("2 more posts of theirs in the window"), std::string::npos) << best->posts[0].why;
}

// The ranking's rules on inputs made by hand.
TEST(ProspectRanking, RecencyDecidesBetweenHabitAndNews) {
  // a: 3 posts 60 days old; b: 1 post now. Half-life 30 days: a = 3 * 0.25 = 0.75 < b = 1.
  const int64_t now = 1'000'000'000;
  std::vector<ProspectPost> posts = {{.account = 1, .created_at = now - 60 * kDay},
                                     {.account = 1, .created_at = now - 60 * kDay},
                                     {.account = 1, .created_at = now - 60 * kDay},
                                     {.account = 2, .created_at = now}};
  std::unordered_map<uint32_t, AccountStanding> standings = {{1, {.handle = "a"}}, {2, {.handle = "b"}}};
  std::vector<Prospect> month = RankProspects(posts, standings, {.reference_time = now, .half_life = 30 * kDay});
  ASSERT_EQ(month.size(), 2u);
  EXPECT_EQ(month[0].standing.handle, "b");
  EXPECT_NEAR(month[1].weighted_posts, 0.75, 1e-12);
  EXPECT_NEAR(month[1].components[kRelevance], std::log1p(0.75) / std::log1p(1.0), 1e-12);
  // Without a target audience the fit's weight is shared out: score = 0.40 relevance / 0.75.
  EXPECT_NEAR(month[0].score, 0.40 / 0.75, 1e-12);
  // Half-life a year: a = 3 * 2^(-60/365) = 2.68 > 1.
  std::vector<Prospect> year = RankProspects(posts, standings, {.reference_time = now, .half_life = 365 * kDay});
  EXPECT_EQ(year[0].standing.handle, "a");
  EXPECT_NEAR(year[0].weighted_posts, 3 * std::exp2(-60.0 / 365.0), 1e-12);
}

TEST(ProspectRanking, ExclusionsAndReach) {
  const int64_t now = 1'000'000'000;
  std::vector<ProspectPost> posts;
  for (uint32_t account = 1; account <= 6; ++account) posts.push_back({.account = account, .created_at = now});
  std::unordered_map<uint32_t, AccountStanding> standings = {
      {1, {.handle = "owner", .is_owner = true}},
      {2, {.handle = "followed", .followed_by_owner = true}},
      {3, {.handle = "rival", .roles = {"competitor"}}},
      {4, {.handle = "vendor", .roles = {"supplier", "person"}}},
      {5, {.handle = "bot", .roles = {"spam"}}},
      {6, {.handle = "friend", .in_target = true, .follows_owner = true, .followed_by_owner_follows = 2}}};
  std::vector<Prospect> ranked =
      RankProspects(posts, standings, {.reference_time = now, .has_target = true, .subject = "#x"});
  std::map<std::string, ProspectExclusion> exclusion;
  for (const Prospect& prospect : ranked) exclusion[prospect.standing.handle] = prospect.exclusion;
  EXPECT_EQ(exclusion["owner"], ProspectExclusion::kOwner);
  EXPECT_EQ(exclusion["followed"], ProspectExclusion::kFollowed);
  EXPECT_EQ(exclusion["rival"], ProspectExclusion::kCompetitor);
  EXPECT_EQ(exclusion["vendor"], ProspectExclusion::kCompetitor);
  EXPECT_EQ(exclusion["bot"], ProspectExclusion::kSpam);
  EXPECT_EQ(exclusion["friend"], ProspectExclusion::kNone);
  // friend: relevance 1 (all tie), fit 1, reach 0.5 + 0.5 * 2 / 4 = 0.75.
  // score = 0.40 + 0.25 + 0.15 * 0.75 = 0.7625, first of all.
  EXPECT_EQ(ranked[0].standing.handle, "friend");
  EXPECT_EQ(ranked[0].components[kReach], 0.75);
  EXPECT_NEAR(ranked[0].score, 0.7625, 1e-12);
  EXPECT_EQ(ranked[0].why,
            "posted once about #x, 0 min ago; in your target audience; follows you; followed by 2 of your follows");
  // Spam stays out even when competitors are kept.
  std::vector<Prospect> kept = RankProspects(
      posts, standings, {.reference_time = now, .has_target = true, .include_competitors = true, .subject = "#x"});
  for (const Prospect& prospect : kept) {
    if (prospect.standing.handle == "rival" || prospect.standing.handle == "vendor") {
      EXPECT_EQ(prospect.exclusion, ProspectExclusion::kNone);
    }
    if (prospect.standing.handle == "bot") EXPECT_EQ(prospect.exclusion, ProspectExclusion::kSpam);
  }
  EXPECT_EQ(ReachComponent(false, 0), 0.0);
  EXPECT_NEAR(ReachComponent(false, 1), 0.5 / 3, 1e-12);
  EXPECT_EQ(ReachComponent(true, 0), 0.5);
}

TEST(ProspectRanking, AgesReadAsPeopleSayThem) {
  EXPECT_EQ(DescribeAge(35 * 60), "35 min");
  EXPECT_EQ(DescribeAge(5 * 3600), "5 h");
  EXPECT_EQ(DescribeAge(3 * 86400), "3 days");
  EXPECT_EQ(DescribeAge(1 * 86400 * 50), "50 days");
  EXPECT_EQ(DescribeAge(120 * 86400), "4 months");
  EXPECT_EQ(DescribeAge(8 * 365 * 86400), "8 years");
}

}  // namespace
}  // namespace crowdlens
