// The content mix on the shipped sample against an independent count: the
// constants come from tests/analyses/mix_counts.py, which reads the same
// workspace with Python's sqlite3 module and classifies with regular
// expressions written from docs/mix.md:
//   crowdlens -w /tmp/ws import data/sample
//   python3 tests/analyses/mix_counts.py /tmp/ws/crowdlens.db CNN cnnbrk BBCBreaking tagesschau
#include <gtest/gtest.h>

#include <map>

#include "analyses/mix.h"
#include "analyses/mix_travel.h"
#include "store/account_lookup.h"
#include "store/importer.h"
#include "test_data.h"

namespace crowdlens {
namespace {

class SampleMix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::unique_ptr<Workspace>> opened = Workspace::Open(testing::MakeTempDir("mix-sample"), OpenMode::kCreate);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    workspace_ = std::move(opened).value().release();
    Result<ImportSummary> imported = Import(*workspace_, {.paths = {testing::SamplePath("")}, .show_progress = false});
    ASSERT_TRUE(imported.ok()) << imported.status().message();
  }
  static void TearDownTestSuite() { delete workspace_; }

  static MixReport Analyse(const std::string& handle) {
    Result<int64_t> key = FindAccountKey(workspace_->db(), handle);
    EXPECT_TRUE(key.ok()) << key.status().message();
    if (!key.ok()) return {};
    Result<MixReport> report = AnalyseMix(workspace_->db(), {.account_key = *key});
    EXPECT_TRUE(report.ok()) << report.status().message();
    return report.ok() ? std::move(report).value() : MixReport{};
  }

  static std::map<std::string, int64_t> RuleCounts(const MixReport& report) {
    std::map<std::string, int64_t> rules;
    for (const MixPost& post : report.posts) ++rules[post.verdict.rule];
    return rules;
  }

  static Workspace* workspace_;
};

Workspace* SampleMix::workspace_ = nullptr;

struct ExpectedMonth {
  const char* month;
  int64_t interaction, content, promotion;
};

void ExpectMonths(const MixReport& report, const std::vector<ExpectedMonth>& expected) {
  std::vector<MixMonth> months = MonthlyMix(report.posts);
  ASSERT_EQ(months.size(), expected.size() + 1);  // and the "all" row
  MixMonth total{.month = "all"};
  for (size_t index = 0; index < expected.size(); ++index) {
    SCOPED_TRACE(expected[index].month);
    EXPECT_EQ(months[index].month, expected[index].month);
    EXPECT_EQ(months[index].counts, (std::array<int64_t, 3>{expected[index].interaction, expected[index].content,
                                                            expected[index].promotion}));
    for (size_t mix_class = 0; mix_class < kMixClassCount; ++mix_class) {
      total.counts[mix_class] += months[index].counts[mix_class];
    }
  }
  EXPECT_EQ(months.back().month, "all");
  EXPECT_EQ(months.back().counts, total.counts);
  EXPECT_EQ(months.back().posts, static_cast<int64_t>(report.posts.size()));
}

TEST_F(SampleMix, CnnMonthByMonthMatchesThePythonCount) {
  ASSERT_NE(workspace_, nullptr);
  MixReport report = Analyse("CNN");
  EXPECT_EQ(report.sites.site_names, std::vector<std::string>{"cnn"});
  ExpectMonths(report, {{"2022-11", 0, 1, 0}, {"2022-12", 0, 0, 3}, {"2023-01", 0, 4, 96}});
  EXPECT_EQ(RuleCounts(report), (std::map<std::string, int64_t>{
                                    {"call_to_action", 2}, {"own_link", 97}, {"own_words", 4}, {"retweet", 1}}));
  MixTravel travel = MeasureTravel(report.posts);
  EXPECT_EQ(travel.by_feature[static_cast<size_t>(MixFeature::kNewsLink)].with.posts, 97);
  EXPECT_EQ(travel.by_feature[static_cast<size_t>(MixFeature::kPersonalMention)].with.posts, 8);
  EXPECT_EQ(travel.by_feature[static_cast<size_t>(MixFeature::kHumour)].with.posts, 0);
}

TEST_F(SampleMix, OtherAccountsMatchThePythonCount) {
  ASSERT_NE(workspace_, nullptr);
  MixReport cnnbrk = Analyse("cnnbrk");
  ExpectMonths(cnnbrk, {{"2022-12", 0, 3, 67}, {"2023-01", 0, 3, 27}});
  EXPECT_EQ(RuleCounts(cnnbrk), (std::map<std::string, int64_t>{{"own_link", 94}, {"retweet", 6}}));
  MixReport bbc = Analyse("BBCBreaking");
  ExpectMonths(bbc, {{"2015-03", 0, 0, 6}});
  MixReport tagesschau = Analyse("tagesschau");
  ExpectMonths(tagesschau, {{"2015-03", 1, 5, 1}, {"2021-09", 0, 0, 1}});
  EXPECT_EQ(RuleCounts(tagesschau),
            (std::map<std::string, int64_t>{{"own_link", 2}, {"own_words", 4}, {"question", 1}, {"retweet", 1}}));
}

TEST_F(SampleMix, ReceivedFiguresAreTheLargerOfStoredAndObserved) {
  ASSERT_NE(workspace_, nullptr);
  // Independently: each own post's figure is max(stored, counted in SQL here).
  Result<int64_t> key = FindAccountKey(workspace_->db(), "BBCBreaking");
  ASSERT_TRUE(key.ok());
  Result<int64_t> expected = workspace_->db().QueryInt(
      "SELECT sum(max(coalesce(o.retweet_count, 0), (SELECT count(*) FROM posts r WHERE r.platform = o.platform "
      "AND r.retweet_of_id = o.platform_id AND r.author_key != o.author_key))) FROM posts o WHERE o.author_key = " +
      std::to_string(*key) + " AND o.retweet_of_id IS NULL");
  ASSERT_TRUE(expected.ok()) << expected.status().message();
  Result<int64_t> expected_replies = workspace_->db().QueryInt(
      "SELECT sum(max(coalesce(o.reply_count, 0), (SELECT count(*) FROM posts r WHERE r.platform = o.platform "
      "AND r.reply_to_post_id = o.platform_id AND r.retweet_of_id IS NULL AND r.author_key != o.author_key))) "
      "FROM posts o WHERE o.author_key = " +
      std::to_string(*key) + " AND o.retweet_of_id IS NULL");
  ASSERT_TRUE(expected_replies.ok()) << expected_replies.status().message();
  MixTravel travel = MeasureTravel(Analyse("BBCBreaking").posts);
  EXPECT_EQ(travel.all.retweets, *expected);
  EXPECT_EQ(travel.all.replies, *expected_replies);
  EXPECT_GT(travel.all.replies, 0);  // the PHEME threads hold replies to BBCBreaking's posts
}

}  // namespace
}  // namespace crowdlens
