// The mix of a hand-built coffee shop account, written through the real
// BatchWriter, and the draft scorer on it: every figure below is computed by
// hand from the table of posts.
//
// acme (id 1, profile https://acme.com), bob (2), carol (3). Days from 2023-01-25.
//   post  day  text (shortened)                          class         features        stored RT  RT  replies
//   a1    0    New blend out now acme.com/blend          promotion     -                  10      10   0
//   a2    1    Spring sale: 20% off everything           promotion     -                   4       4   1 (bob)
//   a3    2    @bob thanks, glad you liked it (reply)    interaction   -                   0       0   0
//   a4    3    What is your favourite roast?             interaction   -                   2       2   3 (bob, carol,
//   bob) a5    4    Great piece ... by @carol nytimes.com     content       news, mention       6       6   1 (carol)
//   a6    5    Coffee prices rose again reuters.com      content       news                8       8   0
//   a7    6    Drought hits Brazil's harvest bbc.co.uk   content       news                7       7   2 (stored 2, 1
//   seen) a8    7    Why cold brew is booming cnn.com          content       news                5       5   0 a9    8
//   Fair trade rules change theguardian.com   content       news                4       4   0 a10   9    haha the
//   office cat knocked over ...      content       humour              1       1   2 (carol, bob) a11   10   Roasting
//   notes from today                 content       -                   0       0   0 a12   11   Meet us at the festival
//   eventbrite.com    content       gathering          none     2   0 (bob, carol retweet) a13   12   self-reply to a11
//   content       -                   0       0   0 a14   13   RT @carol: Fresh beans today              content
//   (retweet: not counted)
// Bob retweets a1 and a6, carol a6 and a12 (stored figures win where larger).
// Own posts (retweets excluded): 13; retweets 49, replies 9.
// With a news link: a5..a9, 5 posts, 30 retweets (6.0 each), 3 replies (0.6);
// without: 8 posts, 19 retweets (2.375), 6 replies (0.75).
#include <gtest/gtest.h>

#include <algorithm>

#include "analyses/mix.h"
#include "analyses/mix_draft.h"
#include "analyses/mix_travel.h"
#include "model/batch.h"
#include "store/batch_writer.h"
#include "store/workspace.h"
#include "test_data.h"

namespace crowdlens {
namespace {

// Wednesday 2023-01-25 00:00:00 UTC.
constexpr int64_t kFirstDay = 1674604800;
constexpr int64_t kDay = 86400;

struct ShopPost {
  std::string id;
  std::string author = "1";
  int64_t day = 0;
  std::string text;
  std::optional<int64_t> stored_retweets;
  std::optional<int64_t> stored_replies;
  std::string reply_to;  // post id
  std::string reply_to_account;
  std::string retweet_of;
  std::vector<std::string> urls;
  std::vector<std::pair<std::string, std::string>> mentions;
};

Post MakePost(const ShopPost& spec, int64_t minute) {
  Post post{.platform = "twitter",
            .platform_id = spec.id,
            .author_id = spec.author,
            .created_at = kFirstDay + spec.day * kDay + minute * 60,
            .text = spec.text};
  post.metrics.retweets = spec.stored_retweets;
  post.metrics.replies = spec.stored_replies;
  if (!spec.reply_to.empty()) post.reply_to_post_id = spec.reply_to;
  if (!spec.reply_to_account.empty()) post.reply_to_account_id = spec.reply_to_account;
  if (!spec.retweet_of.empty()) post.retweet_of_id = spec.retweet_of;
  post.urls = spec.urls;
  for (const auto& [id, handle] : spec.mentions) post.mentions.push_back({.account_id = id, .handle = handle});
  return post;
}

std::unique_ptr<Workspace> MakeCoffeeShop() {
  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(testing::MakeTempDir("mix-shop"), OpenMode::kCreate);
  EXPECT_TRUE(opened.ok()) << opened.status().message();
  if (!opened.ok()) return nullptr;
  std::unique_ptr<Workspace> workspace = std::move(opened).value();
  Batch batch;
  batch.accounts = {
      Account{.platform = "twitter",
              .platform_id = "1",
              .handle = "acme",
              .url = "https://acme.com",
              .observed_at = kFirstDay,
              .has_profile = true},
      Account{
          .platform = "twitter", .platform_id = "2", .handle = "bob", .observed_at = kFirstDay, .has_profile = true},
      Account{
          .platform = "twitter", .platform_id = "3", .handle = "carol", .observed_at = kFirstDay, .has_profile = true}};
  const std::pair<std::string, std::string> bob{"2", "bob"}, carol{"3", "carol"};
  const std::vector<ShopPost> posts = {
      {.id = "b1", .author = "2", .day = 1, .text = "Loved the new blend from acme"},
      {.id = "c1", .author = "3", .day = 12, .text = "Fresh beans today"},
      {.id = "a1",
       .day = 0,
       .text = "New blend out now https://t.co/a1",
       .stored_retweets = 10,
       .urls = {"https://acme.com/blend"}},
      {.id = "a2", .day = 1, .text = "Spring sale: 20% off everything", .stored_retweets = 4},
      {.id = "a3",
       .day = 2,
       .text = "@bob thanks, glad you liked it",
       .stored_retweets = 0,
       .reply_to = "b1",
       .reply_to_account = "2",
       .mentions = {bob}},
      {.id = "a4", .day = 3, .text = "What is your favourite roast?", .stored_retweets = 2},
      {.id = "a5",
       .day = 4,
       .text = "Great piece on coffee farming by @carol https://t.co/a5",
       .stored_retweets = 6,
       .urls = {"https://www.nytimes.com/coffee"},
       .mentions = {carol}},
      {.id = "a6",
       .day = 5,
       .text = "Coffee prices rose again https://t.co/a6",
       .stored_retweets = 8,
       .urls = {"https://reuters.com/x"}},
      {.id = "a7",
       .day = 6,
       .text = "Drought hits Brazil's harvest https://t.co/a7",
       .stored_retweets = 7,
       .stored_replies = 2,
       .urls = {"https://www.bbc.co.uk/news/1"}},
      {.id = "a8",
       .day = 7,
       .text = "Why cold brew is booming https://t.co/a8",
       .stored_retweets = 5,
       .urls = {"https://cnn.com/cold"}},
      {.id = "a9",
       .day = 8,
       .text = "Fair trade rules change https://t.co/a9",
       .stored_retweets = 4,
       .urls = {"https://theguardian.com/ft"}},
      {.id = "a10", .day = 9, .text = "haha the office cat knocked over the beans", .stored_retweets = 1},
      {.id = "a11", .day = 10, .text = "Roasting notes from today", .stored_retweets = 0},
      {.id = "a12",
       .day = 11,
       .text = "Meet us at the coffee festival https://t.co/a12",
       .urls = {"https://www.eventbrite.com/e/123"}},
      {.id = "a13",
       .day = 12,
       .text = "The dark roast took 14 minutes",
       .stored_retweets = 0,
       .reply_to = "a11",
       .reply_to_account = "1"},
      {.id = "a14",
       .day = 13,
       .text = "RT @carol: Fresh beans today",
       .stored_retweets = 3,
       .retweet_of = "c1",
       .mentions = {carol}},
      // What others did with acme's posts.
      {.id = "r1",
       .author = "2",
       .day = 1,
       .text = "@acme is it on until Sunday?",
       .reply_to = "a2",
       .reply_to_account = "1"},
      {.id = "r2", .author = "2", .day = 3, .text = "@acme the dark one", .reply_to = "a4", .reply_to_account = "1"},
      {.id = "r3", .author = "3", .day = 3, .text = "@acme light, always", .reply_to = "a4", .reply_to_account = "1"},
      {.id = "r4", .author = "2", .day = 3, .text = "@acme and the decaf", .reply_to = "a4", .reply_to_account = "1"},
      {.id = "r5", .author = "3", .day = 4, .text = "@acme thank you!", .reply_to = "a5", .reply_to_account = "1"},
      {.id = "r6", .author = "2", .day = 6, .text = "@acme terrible news", .reply_to = "a7", .reply_to_account = "1"},
      {.id = "r7", .author = "3", .day = 9, .text = "@acme poor cat", .reply_to = "a10", .reply_to_account = "1"},
      {.id = "r8", .author = "2", .day = 9, .text = "@acme lol", .reply_to = "a10", .reply_to_account = "1"},
      {.id = "t1", .author = "2", .day = 0, .text = "RT @acme: New blend out now", .retweet_of = "a1"},
      {.id = "t2", .author = "2", .day = 5, .text = "RT @acme: Coffee prices rose again", .retweet_of = "a6"},
      {.id = "t3", .author = "3", .day = 5, .text = "RT @acme: Coffee prices rose again", .retweet_of = "a6"},
      {.id = "t4", .author = "2", .day = 11, .text = "RT @acme: Meet us at the coffee festival", .retweet_of = "a12"},
      {.id = "t5", .author = "3", .day = 11, .text = "RT @acme: Meet us at the coffee festival", .retweet_of = "a12"},
  };
  int64_t minute = 0;
  for (const ShopPost& spec : posts) batch.posts.push_back(MakePost(spec, ++minute));
  EXPECT_TRUE(
      workspace->db().Execute("INSERT INTO import_runs (started_at, status) VALUES (1674604800, 'running')").ok());
  BatchWriter writer(workspace->db(), workspace->db().LastInsertRowId());
  EXPECT_TRUE(writer.Prepare().ok());
  Status written = writer.Write(batch);
  EXPECT_TRUE(written.ok()) << written.message();
  return workspace;
}

class CoffeeShopMix : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_ = MakeCoffeeShop();
    ASSERT_NE(workspace_, nullptr);
    Result<int64_t> key = workspace_->db().QueryInt("SELECT account_key FROM accounts WHERE handle = 'acme'");
    ASSERT_TRUE(key.ok()) << key.status().message();
    Result<MixReport> report = AnalyseMix(workspace_->db(), {.account_key = *key});
    ASSERT_TRUE(report.ok()) << report.status().message();
    report_ = std::move(report).value();
  }

  const MixPost& Find(const std::string& id) const {
    for (const MixPost& post : report_.posts) {
      if (post.platform_id == id) return post;
    }
    ADD_FAILURE() << "no post " << id;
    return report_.posts.front();
  }

  std::unique_ptr<Workspace> workspace_;
  MixReport report_;
};

TEST_F(CoffeeShopMix, EachPostHasTheHandAssignedClassRuleAndCounts) {
  ASSERT_EQ(report_.posts.size(), 14u);
  EXPECT_EQ(report_.handle, "acme");
  ASSERT_EQ(report_.sites.site_names, std::vector<std::string>{"acme"});
  struct Want {
    const char* id;
    MixClass mix_class;
    const char* rule;
    int64_t retweets, replies;
  };
  const Want wants[] = {
      {"a1", MixClass::kPromotion, "own_link", 10, 0}, {"a2", MixClass::kPromotion, "call_to_action", 4, 1},
      {"a3", MixClass::kInteraction, "reply", 0, 0},   {"a4", MixClass::kInteraction, "question", 2, 3},
      {"a5", MixClass::kContent, "other_link", 6, 1},  {"a6", MixClass::kContent, "other_link", 8, 0},
      {"a7", MixClass::kContent, "other_link", 7, 2},  {"a8", MixClass::kContent, "other_link", 5, 0},
      {"a9", MixClass::kContent, "other_link", 4, 0},  {"a10", MixClass::kContent, "own_words", 1, 2},
      {"a11", MixClass::kContent, "own_words", 0, 0},  {"a12", MixClass::kContent, "other_link", 2, 0},
      {"a13", MixClass::kContent, "own_words", 0, 0},  {"a14", MixClass::kContent, "retweet", 0, 0},
  };
  for (const Want& want : wants) {
    SCOPED_TRACE(want.id);
    const MixPost& post = Find(want.id);
    EXPECT_EQ(post.verdict.mix_class, want.mix_class);
    EXPECT_EQ(post.verdict.rule, want.rule);
    EXPECT_EQ(post.retweets_received, want.retweets);
    EXPECT_EQ(post.replies_received, want.replies);
  }
  EXPECT_EQ(Find("a1").verdict.evidence, "links to acme.com (own site acme)");
  EXPECT_EQ(Find("a3").verdict.evidence, "reply to @bob");
  EXPECT_EQ(Find("a14").verdict.evidence, "retweet of @carol (others' work shared)");
  // a7: the stored reply_count (2) is larger than the one reply the workspace holds.
  EXPECT_EQ(Find("a7").observed_replies, 1);
  EXPECT_EQ(Find("a7").stored_replies, 2);
  // a12 has no stored count: the two retweets held in the workspace are its figure.
  EXPECT_FALSE(Find("a12").stored_retweets.has_value());
  EXPECT_EQ(Find("a12").observed_retweets, 2);
  // a13 replies to acme's own a11: a thread, and not a reply received by a11.
  EXPECT_EQ(Find("a11").observed_replies, 0);
}

TEST_F(CoffeeShopMix, MonthlyMixMatchesTheTable) {
  std::vector<MixMonth> months = MonthlyMix(report_.posts);
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].month, "2023-01");  // a1..a7
  EXPECT_EQ(months[0].posts, 7);
  EXPECT_EQ(months[0].counts, (std::array<int64_t, 3>{2, 3, 2}));  // interaction, content, promotion
  EXPECT_EQ(months[1].month, "2023-02");                           // a8..a14
  EXPECT_EQ(months[1].counts, (std::array<int64_t, 3>{0, 7, 0}));
  EXPECT_EQ(months[2].month, "all");
  EXPECT_EQ(months[2].posts, 14);
  EXPECT_NEAR(months[2].Share(MixClass::kContent), 10.0 / 14.0, 1e-12);
  EXPECT_NEAR(months[2].Deviation(MixClass::kInteraction), 2.0 / 14.0 - 1.0 / 3.0, 1e-12);
}

TEST_F(CoffeeShopMix, TravelByClassAndFeature) {
  MixTravel travel = MeasureTravel(report_.posts);
  EXPECT_EQ(travel.all.posts, 13);
  EXPECT_EQ(travel.all.retweets, 49);
  EXPECT_EQ(travel.all.replies, 9);
  const TravelGroup& content = travel.by_class[static_cast<size_t>(MixClass::kContent)];
  EXPECT_EQ(content.posts, 9);
  EXPECT_NEAR(content.retweets_per_post, 33.0 / 9.0, 1e-12);
  EXPECT_NEAR(content.replies_per_post, 5.0 / 9.0, 1e-12);
  const TravelGroup& interaction = travel.by_class[static_cast<size_t>(MixClass::kInteraction)];
  EXPECT_EQ(interaction.posts, 2);
  EXPECT_NEAR(interaction.replies_per_post, 1.5, 1e-12);
  const FeatureTravel& news = travel.by_feature[static_cast<size_t>(MixFeature::kNewsLink)];
  EXPECT_EQ(news.with.posts, 5);
  EXPECT_EQ(news.without.posts, 8);
  EXPECT_NEAR(news.with.retweets_per_post, 6.0, 1e-12);
  EXPECT_NEAR(news.without.retweets_per_post, 19.0 / 8.0, 1e-12);
  EXPECT_NEAR(news.with.replies_per_post, 0.6, 1e-12);
  EXPECT_NEAR(news.without.replies_per_post, 0.75, 1e-12);
  EXPECT_EQ(travel.by_feature[static_cast<size_t>(MixFeature::kHumour)].with.posts, 1);
  EXPECT_EQ(travel.by_feature[static_cast<size_t>(MixFeature::kGatheringLink)].with.posts, 1);
  EXPECT_EQ(travel.by_feature[static_cast<size_t>(MixFeature::kPersonalMention)].with.posts, 1);
  EXPECT_EQ(travel.posts_with_stored_retweets, 12);   // all but a12
  EXPECT_EQ(travel.posts_with_stored_replies, 1);     // a7
  EXPECT_EQ(travel.posts_with_observed_retweets, 3);  // a1, a6, a12
  EXPECT_EQ(travel.posts_with_observed_replies, 5);   // a2, a4, a5, a7, a10
}

TEST_F(CoffeeShopMix, ConfiguredOwnDomainsTurnTheirLinksIntoPromotion) {
  Result<int64_t> key = workspace_->db().QueryInt("SELECT account_key FROM accounts WHERE handle = 'acme'");
  ASSERT_TRUE(key.ok());
  Result<MixReport> report = AnalyseMix(workspace_->db(), {.account_key = *key, .own_domains = {"reuters.com"}});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->sites.site_names, (std::vector<std::string>{"acme", "reuters"}));
  std::vector<MixMonth> months = MonthlyMix(report->posts);
  EXPECT_EQ(months.back().counts, (std::array<int64_t, 3>{2, 9, 3}));  // a6 moved from content to promotion
  for (const MixPost& post : report->posts) {
    if (post.platform_id != "a6") continue;
    EXPECT_EQ(post.verdict.mix_class, MixClass::kPromotion);
    EXPECT_EQ(post.verdict.evidence, "links to reuters.com (own site reuters)");
  }
}

TEST_F(CoffeeShopMix, PeriodBoundsSelectPosts) {
  Result<int64_t> key = workspace_->db().QueryInt("SELECT account_key FROM accounts WHERE handle = 'acme'");
  ASSERT_TRUE(key.ok());
  // February 2023 only: a8..a14.
  Result<MixReport> report =
      AnalyseMix(workspace_->db(), {.account_key = *key, .since = 1675209600, .until = 1677628800});
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->posts.size(), 7u);
  EXPECT_EQ(report->posts.front().platform_id, "a8");
}

TEST_F(CoffeeShopMix, DraftWithANewsLinkFallsBackToItsClass) {
  DraftScore score = ScoreDraft("Coffee futures jump again https://www.reuters.com/y", report_.sites, report_.posts);
  EXPECT_EQ(score.verdict.mix_class, MixClass::kContent);
  EXPECT_EQ(score.verdict.evidence, "links to reuters.com (not an own site)");
  EXPECT_TRUE(score.verdict.Has(MixFeature::kNewsLink));
  ASSERT_EQ(score.estimates.size(), 3u);
  // Same class and exactly the news feature: a6..a9 (a5 also mentions someone): 4 posts, too few.
  EXPECT_EQ(score.estimates[0].group.posts, 4);
  EXPECT_NEAR(score.estimates[0].group.retweets_per_post, 24.0 / 4.0, 1e-12);
  EXPECT_FALSE(score.estimates[0].enough);
  // Content: a5..a13, 9 posts.
  EXPECT_EQ(score.estimates[1].group.posts, 9);
  EXPECT_NEAR(score.estimates[1].group.retweets_per_post, 33.0 / 9.0, 1e-12);
  EXPECT_NEAR(score.estimates[1].group.replies_per_post, 5.0 / 9.0, 1e-12);
  ASSERT_TRUE(score.chosen.has_value());
  EXPECT_EQ(*score.chosen, 1u);
  EXPECT_EQ(score.estimates[2].group.posts, 13);
  auto has_reason = [&score](const std::string& text) {
    return std::find(score.reasons.begin(), score.reasons.end(), text) != score.reasons.end();
  };
  // 6.0 / 2.375 = 2.53; 0.6 / 0.75 = 0.8.
  EXPECT_TRUE(has_reason("posts with a news link drew 2.5x the retweets of those without (n=5 vs 8)"));
  EXPECT_TRUE(has_reason("posts with a news link drew 0.8x the replies of those without (n=5 vs 8)"));
  EXPECT_TRUE(has_reason("posts with humour: too few to compare (n=1 vs 12) (need 5 on each side)"));
  EXPECT_TRUE(
      has_reason("only 4 posts of the same class and features (need 5): the estimate rests on same class "
                 "(content)"));
}

TEST_F(CoffeeShopMix, DraftOfAClassWithFewPostsSaysSo) {
  DraftScore score = ScoreDraft("Which roast should we try next?", report_.sites, report_.posts);
  EXPECT_EQ(score.verdict.mix_class, MixClass::kInteraction);
  EXPECT_EQ(score.verdict.evidence, "asks a question: 'Which roast should we try next?'");
  // Two interaction posts: the estimate is all own posts, 49 / 13 retweets.
  ASSERT_TRUE(score.chosen.has_value());
  EXPECT_EQ(*score.chosen, 2u);
  EXPECT_NEAR(score.estimates[2].group.retweets_per_post, 49.0 / 13.0, 1e-12);
  EXPECT_NE(std::find(score.reasons.begin(), score.reasons.end(),
                      "only 2 interaction posts: too few to tell how the class travels (need 5)"),
            score.reasons.end());
}

TEST(MixDraft, TooThinWithoutPosts) {
  DraftScore score = ScoreDraft("Hello world", MakeMixSites("", {}), {});
  EXPECT_FALSE(score.chosen.has_value());
  ASSERT_FALSE(score.reasons.empty());
  EXPECT_EQ(score.reasons.front(),
            "evidence too thin: 0 own posts (retweets excluded) in this workspace, at least 5 are needed for an "
            "estimate");
  EXPECT_EQ(score.estimates[2].group.posts, 0);
}

}  // namespace
}  // namespace crowdlens
