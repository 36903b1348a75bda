// Kleinberg's burst automaton on hand-checked series and on a real news burst:
// the Germanwings crash (24 March 2015) in the PHEME threads.
#include "analyses/bursts.h"

#include <gtest/gtest.h>

#include <cmath>

#include "analyses/trends.h"
#include "store/importer.h"
#include "store/workspace.h"
#include "test_data.h"

namespace crowdlens {
namespace {

TEST(BurstsTest, FlatSeriesHasNoBurst) {
  std::vector<int64_t> relevant(20, 5), totals(20, 100);
  EXPECT_TRUE(DetectBursts(relevant, totals).empty());
}

TEST(BurstsTest, FindsTheSurgeAndItsWeight) {
  // 10 of 100 posts per bin, except bins 8..10 where 60 of 100 are relevant.
  std::vector<int64_t> relevant(20, 10), totals(20, 100);
  relevant[8] = relevant[9] = relevant[10] = 60;
  std::vector<Burst> bursts = DetectBursts(relevant, totals, {.s = 2, .gamma = 1});
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].first_bin, 8u);
  EXPECT_EQ(bursts[0].last_bin, 10u);
  EXPECT_EQ(bursts[0].relevant, 180);
  EXPECT_EQ(bursts[0].total, 300);
  // Hand computation of Kleinberg's weight: p0 = R/D = 350/2000, p1 = 2 p0; per burst bin
  // cost0 - cost1 = 60 ln(p1/p0) + 40 ln((1-p1)/(1-p0)).
  double p0 = 350.0 / 2000.0, p1 = 2 * p0;
  double per_bin = 60 * std::log(p1 / p0) + 40 * std::log((1 - p1) / (1 - p0));
  EXPECT_NEAR(bursts[0].strength, 3 * per_bin, 1e-9);
}

TEST(BurstsTest, GammaMakesShortBurstsCostly) {
  // One bin at twice the rate: a weak blip that a high entry cost ignores.
  std::vector<int64_t> relevant(50, 10), totals(50, 100);
  relevant[25] = 22;
  EXPECT_FALSE(DetectBursts(relevant, totals, {.s = 2, .gamma = 0.01}).empty());
  EXPECT_TRUE(DetectBursts(relevant, totals, {.s = 2, .gamma = 5}).empty());
}

TEST(BurstsTest, ZScoreBaseline) {
  std::vector<int64_t> counts = {2, 3, 2, 3, 2, 3, 20, 3};
  std::vector<double> z = TrailingZScores(counts, {.window = 6, .min_history = 3});
  EXPECT_EQ(z[0], 0.0);  // no history yet
  // Bin 6: mean 2.5, sd 0.5 floored to 1: z = 17.5.
  EXPECT_NEAR(z[6], 17.5, 1e-12);
  std::vector<Burst> bursts = DetectZScoreBursts(counts, {.window = 6, .min_history = 3, .threshold = 3});
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].first_bin, 6u);
  EXPECT_EQ(bursts[0].last_bin, 6u);
}

// The PHEME journalism threads: the earliest source tweet of the Germanwings
// crash event is 580319078155468800, posted 2015-03-24T10:43:44Z, so the
// burst must start in the hour 2015-03-24T10:00Z. Counted with:
//   python3 -c "import json,glob,datetime; print(min(datetime.datetime.strptime(json.load(open(f))['created_at'],
//     '%a %b %d %H:%M:%S %z %Y') for f in glob.glob(
//     '../shared/data/pheme-journalism/threads/en/germanwings-crash/*/source-tweets/*.json')))"
TEST(BurstsTest, GermanwingsBurstStartsAtTheRightHour) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  Result<std::unique_ptr<Workspace>> workspace = Workspace::Open(testing::MakeTempDir("bursts-ws"), OpenMode::kCreate);
  ASSERT_TRUE(workspace.ok());
  Result<ImportSummary> summary =
      Import(**workspace, {.paths = {testing::SharedPath("pheme-journalism/threads/en")}, .show_progress = false});
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  Result<TrendsReport> report = Trends((*workspace)->db(), {.bin = TimeBin::kHour, .top = 1000});
  ASSERT_TRUE(report.ok()) << report.status().message();
  const TrendBurst* germanwings = nullptr;
  for (const TrendBurst& burst : report->bursts) {
    if (burst.item == "#germanwings" && (!germanwings || burst.strength > germanwings->strength)) germanwings = &burst;
  }
  ASSERT_NE(germanwings, nullptr);
  EXPECT_EQ(FormatBin(germanwings->start, TimeBin::kHour), "2015-03-24T10:00Z");
  EXPECT_GT(germanwings->strength, 0);
}

}  // namespace
}  // namespace crowdlens
