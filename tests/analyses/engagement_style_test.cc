// Engagement styles at and around each documented threshold.
#include "analyses/engagement_style.h"

#include <gtest/gtest.h>

namespace crowdlens {
namespace {

TEST(EngagementStyle, TooFewPostsIsAnObserver) {
  EngagementVerdict verdict = ClassifyEngagement({.posts = 4, .originals = 4, .days = 30});
  EXPECT_EQ(verdict.style, EngagementStyle::kObserver);
  EXPECT_EQ(verdict.reasons.front(), "4 posts in 30 days: fewer than 5 posts is too few to show a style");
  // Ten posts in a year: fewer than one per 30 days.
  verdict = ClassifyEngagement({.posts = 10, .originals = 10, .days = 365});
  EXPECT_EQ(verdict.style, EngagementStyle::kObserver);
  EXPECT_EQ(verdict.reasons.front(), "10 posts in 365 days: fewer than one per 30 days");
  // Thirteen in a year is one per 28 days: enough.
  EXPECT_EQ(ClassifyEngagement({.posts = 13, .originals = 13, .days = 365}).style, EngagementStyle::kBroadcaster);
}

TEST(EngagementStyle, RepliesMakeAConversationalist) {
  // 49 of 79 = 62% replies.
  EngagementVerdict verdict = ClassifyEngagement(
      {.posts = 79, .originals = 20, .replies = 49, .retweets = 10, .own_posts_linking_out = 12, .days = 90});
  EXPECT_EQ(verdict.style, EngagementStyle::kConversationalist);
  EXPECT_EQ(verdict.reasons.front(), "62% of 79 posts are replies (40% or more: conversationalist)");
  EXPECT_NEAR(verdict.reply_share, 49.0 / 79.0, 1e-12);
  // (10 retweets + 12 own posts with links) / 79.
  EXPECT_NEAR(verdict.curated_share, 22.0 / 79.0, 1e-12);
  // Exactly 40% is enough; 39% is not.
  EXPECT_EQ(ClassifyEngagement({.posts = 10, .originals = 6, .replies = 4, .days = 10}).style,
            EngagementStyle::kConversationalist);
  EXPECT_EQ(ClassifyEngagement({.posts = 100, .originals = 61, .replies = 39, .days = 10}).style,
            EngagementStyle::kBroadcaster);
}

TEST(EngagementStyle, RetweetsOrLinksMakeACurator) {
  EngagementVerdict verdict = ClassifyEngagement({.posts = 20, .originals = 12, .retweets = 8, .days = 20});
  EXPECT_EQ(verdict.style, EngagementStyle::kCurator);
  EXPECT_EQ(verdict.reasons.front(), "40% of 20 posts are retweets (40% or more: curator)");
  // 4 retweets and 8 link posts of 20: 60% curated.
  verdict = ClassifyEngagement({.posts = 20, .originals = 16, .retweets = 4, .own_posts_linking_out = 8, .days = 20});
  EXPECT_EQ(verdict.style, EngagementStyle::kCurator);
  EXPECT_EQ(verdict.reasons.front(), "60% of 20 posts are retweets or link to other sites (60% or more: curator)");
}

TEST(EngagementStyle, OriginalsMakeABroadcaster) {
  EngagementVerdict verdict = ClassifyEngagement({.posts = 10, .originals = 8, .replies = 2, .days = 10});
  EXPECT_EQ(verdict.style, EngagementStyle::kBroadcaster);
  EXPECT_EQ(verdict.reasons.front(), "80% of 10 posts are original posts (50% or more: broadcaster)");
  // The other non-zero shares follow as reasons.
  EXPECT_EQ(verdict.reasons.size(), 2u);
  EXPECT_EQ(verdict.reasons[1], "20% of 10 posts are replies");
}

TEST(EngagementStyle, NoClearShareFallsToTheLargest) {
  // 45% originals, 35% replies, 20% retweets: no threshold reached; originals are largest.
  EngagementVerdict verdict =
      ClassifyEngagement({.posts = 20, .originals = 9, .replies = 7, .retweets = 4, .days = 20});
  EXPECT_EQ(verdict.style, EngagementStyle::kBroadcaster);
  EXPECT_EQ(verdict.reasons.front(),
            "45% of 20 posts are original posts, the largest share (no share reaches its threshold)");
}

TEST(EngagementStyle, SiteNamesTellTheAccountsOwnLinks) {
  EXPECT_EQ(SiteName("http://www.cnn.com"), "cnn");
  EXPECT_EQ(SiteName("https://cnn.it/3PH4z0u"), "cnn");  // the shortener of the same name
  EXPECT_EQ(SiteName("http://news.bbc.co.uk/2/hi"), "bbc");
  EXPECT_EQ(SiteName("https://bbc.in/x?y=1"), "bbc");
  EXPECT_EQ(SiteName("https://abc.net.au:443/news"), "abc");
  EXPECT_EQ(SiteName("https://user@Example.ORG/"), "example");
  EXPECT_EQ(SiteName("https://nyti.ms/abc"), "nyti");  // a shortener of another name is not recognised
  EXPECT_EQ(SiteName("localhost"), "localhost");
  EXPECT_EQ(SiteName(""), "");
}

TEST(EngagementStyle, NamesAreStable) {
  EXPECT_EQ(EngagementStyleName(EngagementStyle::kObserver), "observer");
  EXPECT_EQ(EngagementStyleName(EngagementStyle::kBroadcaster), "broadcaster");
  EXPECT_EQ(EngagementStyleName(EngagementStyle::kConversationalist), "conversationalist");
  EXPECT_EQ(EngagementStyleName(EngagementStyle::kCurator), "curator");
}

}  // namespace
}  // namespace crowdlens
