// Follow-back and unfollow triage on the hand-built crowd of triage_crowd.h:
// each rule fires for a known account, and the lists, recommendations,
// reasons and scores below are worked out by hand from docs/triage.md.
#include "analyses/triage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyses/audience_rule.h"
#include "triage_crowd.h"

namespace crowdlens {
namespace {

using testing::MakeTriageCrowd;
using testing::TriageCrowd;

constexpr const char* kTarget = "country = GB and topic = news";

TriageReport Analyse(TriageCrowd& crowd, TriageOptions options = {}, const char* target_text = kTarget) {
  options.account_key = crowd.owner_key;
  std::optional<AudienceRule> target;
  if (target_text != nullptr) {
    Result<AudienceRule> parsed = AudienceRule::Parse(target_text);
    EXPECT_TRUE(parsed.ok()) << parsed.status().message();
    target = *parsed;
  }
  Result<TriageReport> report = AnalyseTriage(*crowd.workspace, options, crowd.segments, target ? &*target : nullptr);
  EXPECT_TRUE(report.ok()) << report.status().message();
  return report.ok() ? *report : TriageReport{};
}

std::vector<std::string> FollowBackHandles(const TriageReport& report) {
  std::vector<std::string> handles;
  for (const FollowBackCandidate& candidate : report.follow_back) handles.push_back(candidate.account.handle);
  return handles;
}

std::vector<std::string> UnfollowHandles(const TriageReport& report) {
  std::vector<std::string> handles;
  for (const UnfollowCandidate& candidate : report.unfollow) handles.push_back(candidate.account.handle);
  return handles;
}

const FollowBackCandidate& Follower(const TriageReport& report, const std::string& handle) {
  for (const FollowBackCandidate& candidate : report.follow_back) {
    if (candidate.account.handle == handle) return candidate;
  }
  ADD_FAILURE() << handle << " is not on the follow_back list";
  static const FollowBackCandidate kMissing;
  return kMissing;
}

TEST(AudienceRuleCountries, ListsTheCountriesARuleAsksFor) {
  EXPECT_EQ(AudienceRule::Parse("(country in [uk, de] and not country = fr) or role = journalist")->Countries(),
            (std::vector<std::string>{"GB", "DE"}));
  EXPECT_EQ(AudienceRule::Parse("country != US and topic = news")->Countries(), std::vector<std::string>{});
  EXPECT_EQ(AudienceRule::Parse("not country in [us] or country = GB")->Countries(), std::vector<std::string>{"GB"});
}

TEST(Triage, ReadsTheOwnerTheTargetAndTheNewestPost) {
  TriageCrowd crowd = MakeTriageCrowd();
  TriageReport report = Analyse(crowd);
  EXPECT_EQ(report.owner_handle, "owner");
  EXPECT_EQ(report.target_countries, std::vector<std::string>{"GB"});
  EXPECT_EQ(report.owner_topics, std::vector<std::string>{"news"});
  EXPECT_EQ(report.reference_post_at, testing::kTriageDayZero + 200 * 86400);
  EXPECT_EQ(report.reference, "your newest post");
  EXPECT_EQ(report.followers, 7);
  EXPECT_EQ(report.follows, 7);
}

TEST(Triage, FollowBackListRanksRecommendationsFirstByScore) {
  TriageCrowd crowd = MakeTriageCrowd();
  TriageReport report = Analyse(crowd);
  // m_mutual is followed back already; the other six followers are listed.
  EXPECT_EQ(FollowBackHandles(report),
            (std::vector<std::string>{"f_good", "f_quiet", "f_sleeper", "f_spam", "f_abroad", "f_offtopic"}));
  std::vector<FollowBackAdvice> advice;
  for (const FollowBackCandidate& candidate : report.follow_back) advice.push_back(candidate.advice);
  EXPECT_EQ(advice, (std::vector<FollowBackAdvice>{FollowBackAdvice::kFollowBack, FollowBackAdvice::kFollowBack,
                                                   FollowBackAdvice::kIgnore, FollowBackAdvice::kIgnore,
                                                   FollowBackAdvice::kIgnore, FollowBackAdvice::kIgnore}));
  // 40 target + 10 news + 20 x (1 - 5/90) recency + 5 x 2 engagements - 40 x 0.1 spam = 74.89.
  EXPECT_DOUBLE_EQ(Follower(report, "f_good").score, 74.9);
  EXPECT_EQ(Follower(report, "f_good").account.engagements, 2);  // the reply that also mentions counts once
  EXPECT_EQ(Follower(report, "f_quiet").score, 50.0);            // target + news; activity unknown adds nothing
  EXPECT_EQ(Follower(report, "f_sleeper").score, 50.0);
  EXPECT_EQ(Follower(report, "f_spam").score, 38.0);            // 40 + 10 + 20 - 40 x 0.8
  EXPECT_DOUBLE_EQ(Follower(report, "f_abroad").score, 27.8);   // 10 + 20 x (1 - 10/90)
  EXPECT_DOUBLE_EQ(Follower(report, "f_offtopic").score, 8.9);  // 20 x (1 - 50/90)
}

TEST(Triage, EveryFollowerSaysWhy) {
  TriageCrowd crowd = MakeTriageCrowd();
  TriageReport report = Analyse(crowd);
  const std::string target = std::string("in your target audience (") + kTarget + ")";
  const std::string not_target = std::string("not in your target audience (") + kTarget + ")";
  EXPECT_EQ(Follower(report, "f_good").reasons,
            (std::vector<std::string>{target, "active: last posted 5 days before your newest post",
                                      "shares your topic news", "replied to, mentioned or retweeted you 2 times"}));
  EXPECT_EQ(Follower(report, "f_quiet").reasons,
            (std::vector<std::string>{target, "activity unknown: no post of theirs in the workspace",
                                      "shares your topic news"}));
  EXPECT_EQ(Follower(report, "f_spam").reasons,
            (std::vector<std::string>{"spam score 0.80 (0.50 or more is spam)", target,
                                      "active: last posted 0 days before your newest post", "shares your topic news"}));
  EXPECT_EQ(Follower(report, "f_offtopic").reasons,
            (std::vector<std::string>{"off-topic: about vaccines, none of your topics (news)", not_target,
                                      "active: last posted 50 days before your newest post"}));
  EXPECT_EQ(
      Follower(report, "f_abroad").reasons,
      (std::vector<std::string>{"in US, not the target's GB", not_target,
                                "active: last posted 10 days before your newest post", "shares your topic news"}));
  EXPECT_EQ(Follower(report, "f_sleeper").reasons,
            (std::vector<std::string>{"inactive: last posted 190 days before your newest post (more than 90)", target,
                                      "shares your topic news"}));
}

TEST(Triage, UnfollowListRanksByReasonCountThenStrength) {
  TriageCrowd crowd = MakeTriageCrowd();
  TriageReport report = Analyse(crowd);
  // m_mutual (engages, on topic, active) and u_quiet_fan (engages through an edge-list mention) have no reason.
  EXPECT_EQ(UnfollowHandles(report),
            (std::vector<std::string>{"u_stale", "u_bigoff", "u_celeb", "u_spam", "u_dormant"}));
  using enum UnfollowReason;
  const std::vector<std::vector<UnfollowReason>> fired = {{kSpam, kInactive, kOffTopic, kNeverEngages},
                                                          {kOffTopic, kNeverEngages, kCelebrityOffTopic},
                                                          {kOffTopic, kNeverEngages, kCelebrityOffTopic},
                                                          {kSpam, kNeverEngages},
                                                          {kInactive}};
  // Spam 1 + score; inactive 1 + min(1, days beyond 90 / 90); every other reason 1.
  const std::vector<double> scores = {1.6 + 2.0 + 1 + 1, 3.0, 3.0, 1.9 + 1, 2.0};
  ASSERT_EQ(report.unfollow.size(), fired.size());
  for (size_t position = 0; position < fired.size(); ++position) {
    EXPECT_EQ(report.unfollow[position].fired, fired[position]) << report.unfollow[position].account.handle;
    EXPECT_DOUBLE_EQ(report.unfollow[position].score, scores[position]) << report.unfollow[position].account.handle;
    EXPECT_EQ(report.unfollow[position].reasons.size(), fired[position].size());
  }
  EXPECT_EQ(report.unfollow[1].reasons, (std::vector<std::string>{"off-topic: no topic found (yours: news)",
                                                                  "never replied to, mentioned or retweeted you",
                                                                  "celebrity outside your topics (200000 followers)"}));
  EXPECT_EQ(report.unfollow[0].reasons[1], "inactive: last posted 180 days before your newest post (more than 90)");
  // The mention written to "@owner" before the owner's profile was seen counts as engagement.
  EXPECT_EQ(crowd.workspace->db()
                .QueryInt("SELECT count(*) FROM accounts WHERE platform_id = '@owner' AND account_key <> " +
                          std::to_string(crowd.owner_key))
                .value(),
            1);
  EXPECT_EQ(report.unfollow[4].account.engagements, 1);
  EXPECT_FALSE(report.unfollow[4].follows_back);
}

TEST(Triage, InactiveDaysMovesTheLine) {
  TriageCrowd crowd = MakeTriageCrowd();
  TriageReport report = Analyse(crowd, {.inactive_days = 195});
  // f_sleeper (190 days) is active now; u_dormant (200 days) is still not.
  EXPECT_EQ(Follower(report, "f_sleeper").advice, FollowBackAdvice::kFollowBack);
  EXPECT_EQ(UnfollowHandles(report),
            (std::vector<std::string>{"u_stale", "u_bigoff", "u_celeb", "u_spam", "u_dormant"}));
  // u_stale's 180 days are under the line: it loses its inactive reason.
  EXPECT_EQ(report.unfollow[0].fired.size(), 3u);
  report = Analyse(crowd, {.inactive_days = 365});
  EXPECT_EQ(UnfollowHandles(report), (std::vector<std::string>{"u_stale", "u_bigoff", "u_celeb", "u_spam"}));
}

TEST(Triage, WithoutTargetOrTopicsTheRulesThatNeedThemAreSkipped) {
  TriageCrowd crowd = MakeTriageCrowd();
  // No target: sharing a topic stands in for it, so f_abroad (US, news) may be followed back.
  TriageReport report = Analyse(crowd, {}, nullptr);
  EXPECT_TRUE(report.target_countries.empty());
  EXPECT_EQ(Follower(report, "f_abroad").advice, FollowBackAdvice::kFollowBack);
  EXPECT_EQ(Follower(report, "f_offtopic").advice, FollowBackAdvice::kIgnore);
  // An owner without topics: nothing is off-topic and nobody is a celebrity outside them.
  crowd.segments[crowd.owner_key].topics.clear();
  report = Analyse(crowd);
  EXPECT_TRUE(report.owner_topics.empty());
  EXPECT_EQ(UnfollowHandles(report),
            (std::vector<std::string>{"u_stale", "u_spam", "u_dormant", "u_bigoff", "u_celeb"}));
}

TEST(Triage, WithoutOwnPostsActivityIsMeasuredFromTheCrowdsNewest) {
  TriageCrowd crowd = MakeTriageCrowd();
  ASSERT_TRUE(
      crowd.workspace->db().Execute("DELETE FROM posts WHERE author_key = " + std::to_string(crowd.owner_key)).ok());
  TriageReport report = Analyse(crowd);
  // f_spam's post on day 200 is the crowd's newest; the stranger's on day 400 is outside the crowd.
  EXPECT_EQ(report.reference, "your crowd's newest post");
  EXPECT_EQ(report.reference_post_at, testing::kTriageDayZero + 200 * 86400);
  EXPECT_EQ(Follower(report, "f_good").reasons[1], "active: last posted 5 days before your crowd's newest post");
}

TEST(Triage, RejectsANonPositiveInactiveWindow) {
  TriageCrowd crowd = MakeTriageCrowd();
  Result<TriageReport> report =
      AnalyseTriage(*crowd.workspace, {.account_key = crowd.owner_key, .inactive_days = 0}, crowd.segments, nullptr);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("--inactive-days"), std::string::npos);
}

}  // namespace
}  // namespace crowdlens
