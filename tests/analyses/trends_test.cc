// Trends over the shipped sample: log-odds by hand, bursts and rising voices
// on the PHEME events, distinctive terms of a recurring tag's years.
#include "analyses/trends.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "analyses/trends_log_odds.h"
#include "store/importer.h"
#include "store/workspace.h"
#include "test_data.h"

namespace crowdlens {
namespace {

TEST(LogOddsTest, HandComputedZScore) {
  WordCounts group = {{"cloud", 30}, {"server", 10}};
  WordCounts rest = {{"cloud", 5}, {"server", 45}};
  WordCounts prior = {{"cloud", 35}, {"server", 55}};
  std::vector<DistinctiveWord> words = DistinctiveWords(group, rest, prior, {.prior_size = 10, .min_count = 1});
  ASSERT_EQ(words.size(), 1u);  // "server" leans to the rest: negative z, not listed
  EXPECT_EQ(words[0].word, "cloud");
  // a_cloud = 10 * 35/90; n_i = 40, n_j = 50, a_0 = 10.
  double a = 10.0 * 35.0 / 90.0;
  double delta = std::log((30 + a) / (40 + 10 - 30 - a)) - std::log((5 + a) / (50 + 10 - 5 - a));
  double z = delta / std::sqrt(1 / (30 + a) + 1 / (5 + a));
  EXPECT_NEAR(words[0].delta, delta, 1e-12);
  EXPECT_NEAR(words[0].z, z, 1e-12);
  EXPECT_EQ(words[0].count, 30);
}

class TrendsSampleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::unique_ptr<Workspace>> opened = Workspace::Open(testing::MakeTempDir("trends-ws"), OpenMode::kCreate);
    ASSERT_TRUE(opened.ok());
    workspace_ = std::move(opened).value().release();
    Result<ImportSummary> summary = Import(*workspace_, {.paths = {testing::SamplePath("pheme"),
                                                                   testing::SamplePath("vaccine")},
                                                         .show_progress = false});
    ASSERT_TRUE(summary.ok()) << summary.status().message();
  }
  static void TearDownTestSuite() {
    delete workspace_;
    workspace_ = nullptr;
  }
  static Workspace* workspace_;
};

Workspace* TrendsSampleTest::workspace_ = nullptr;

TEST_F(TrendsSampleTest, EventTagsBurstAndVoicesRise) {
  Result<TrendsReport> report = Trends(workspace_->db(), {.bin = TimeBin::kHour, .top = 200});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_GT(report->items_tested, 100);
  bool germanwings = false, ferguson = false;
  for (const TrendBurst& burst : report->bursts) {
    EXPECT_GT(burst.strength, 0);
    EXPECT_LE(burst.posts, burst.bin_posts);
    EXPECT_LT(burst.start, burst.end);
    germanwings = germanwings || burst.item == "#germanwings";
    ferguson = ferguson || burst.item == "#ferguson";
  }
  EXPECT_TRUE(germanwings);
  EXPECT_TRUE(ferguson);
  for (size_t index = 1; index < report->bursts.size(); ++index) {
    EXPECT_GE(report->bursts[index - 1].strength, report->bursts[index].strength);
  }
  ASSERT_FALSE(report->rising_voices.empty());
  for (const RisingVoice& voice : report->rising_voices) {
    EXPECT_FALSE(voice.handle.empty());
    EXPECT_GE(voice.posts, 1);
    EXPECT_LE(voice.posts, voice.topic_posts);
    EXPECT_EQ(voice.topic[0], '#');
  }
}

TEST_F(TrendsSampleTest, RecurringTagYearsAreCompared) {
  // #pfizerbiontech runs from December 2020 into 2021 in the vaccine tweets.
  Result<TrendsReport> report = Trends(workspace_->db(), {.bin = TimeBin::kDay, .tag = "PfizerBioNTech"});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->distinctive_tag, "pfizerbiontech");
  std::set<std::string> periods;
  for (const PeriodTerm& term : report->distinctive_terms) {
    periods.insert(term.period);
    EXPECT_GT(term.z, 0);
    EXPECT_GE(term.count, 3);
    EXPECT_NE(term.term, "pfizerbiontech");
  }
  EXPECT_TRUE(periods.count("2020"));
  EXPECT_TRUE(periods.count("2021"));
  // Without --tag the largest tag present in two years is chosen.
  Result<TrendsReport> automatic = Trends(workspace_->db(), {.bin = TimeBin::kDay});
  ASSERT_TRUE(automatic.ok());
  EXPECT_FALSE(automatic->distinctive_tag.empty());
}

TEST_F(TrendsSampleTest, EmptyPeriodGivesEmptyReport) {
  Result<TrendsReport> report =
      Trends(workspace_->db(), {.from = ParseDateBound("1990-01-01"), .to = ParseDateBound("1990-02-01")});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->posts, 0);
  EXPECT_TRUE(report->bursts.empty());
}

}  // namespace
}  // namespace crowdlens
