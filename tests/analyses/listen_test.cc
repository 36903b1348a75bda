// Listening over a real workspace (the Kaggle vaccination tweets of
// data/sample): volumes against an independent count, share of voice,
// sentiment split, co-occurrence without the query's own words, complaints.
#include "analyses/listen.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "store/importer.h"
#include "store/workspace.h"
#include "test_data.h"
#include "text/sentiment.h"

namespace crowdlens {
namespace {

// python3 tests/expected/scripts/listen_volume.py data/sample/vaccine/vaccination_tweets.csv.gz moderna
constexpr const char* kModernaDays =
    "{\"matched\": 374, \"days\": {\"2020-12-12\": 3, \"2020-12-13\": 2, \"2020-12-14\": 3, \"2020-12-15\": 4, "
    "\"2020-12-16\": 3, \"2020-12-17\": 3, \"2020-12-18\": 7, \"2020-12-19\": 8, \"2020-12-20\": 3, \"2020-12-21\": "
    "7, \"2020-12-22\": 6, \"2020-12-23\": 9, \"2020-12-24\": 7, \"2020-12-26\": 4, \"2020-12-27\": 3, "
    "\"2020-12-28\": 2, \"2020-12-29\": 2, \"2020-12-30\": 5, \"2020-12-31\": 4, \"2021-01-01\": 2, \"2021-01-02\": "
    "5, \"2021-01-03\": 1, \"2021-01-04\": 6, \"2021-01-05\": 4, \"2021-01-06\": 8, \"2021-01-07\": 2, "
    "\"2021-01-08\": 7, \"2021-01-09\": 3, \"2021-01-10\": 4, \"2021-01-11\": 5, \"2021-01-12\": 2, \"2021-01-13\": "
    "2, \"2021-01-14\": 5, \"2021-01-15\": 4, \"2021-01-16\": 7, \"2021-01-17\": 4, \"2021-01-18\": 5, "
    "\"2021-01-19\": 4, \"2021-01-20\": 2, \"2021-01-21\": 5, \"2021-01-22\": 2, \"2021-01-23\": 1, \"2021-01-24\": "
    "2, \"2021-01-25\": 3, \"2021-01-26\": 9, \"2021-01-27\": 3, \"2021-01-28\": 5, \"2021-01-29\": 10, "
    "\"2021-01-30\": 5, \"2021-01-31\": 1, \"2021-02-01\": 2, \"2021-02-02\": 3, \"2021-02-03\": 3, \"2021-02-04\": "
    "3, \"2021-02-05\": 2, \"2021-02-06\": 1, \"2021-02-07\": 4, \"2021-02-08\": 1, \"2021-02-10\": 1, "
    "\"2021-02-11\": 1, \"2021-02-13\": 1, \"2021-02-15\": 4, \"2021-02-17\": 3, \"2021-02-18\": 1, \"2021-02-19\": "
    "1, \"2021-02-20\": 2, \"2021-02-22\": 1, \"2021-02-23\": 3, \"2021-02-24\": 5, \"2021-02-26\": 1, "
    "\"2021-02-27\": 1, \"2021-02-28\": 2, \"2021-03-01\": 2, \"2021-03-02\": 1, \"2021-03-04\": 1, \"2021-03-05\": "
    "4, \"2021-03-07\": 2, \"2021-03-08\": 3, \"2021-03-09\": 5, \"2021-03-10\": 2, \"2021-03-11\": 4, "
    "\"2021-03-12\": 1, \"2021-03-15\": 1, \"2021-03-16\": 6, \"2021-03-17\": 5, \"2021-03-18\": 2, \"2021-03-19\": "
    "2, \"2021-03-20\": 1, \"2021-03-21\": 1, \"2021-03-22\": 2, \"2021-03-23\": 1, \"2021-03-24\": 1, "
    "\"2021-03-26\": 2, \"2021-03-27\": 2, \"2021-03-29\": 7, \"2021-03-30\": 6, \"2021-03-31\": 1, \"2021-04-02\": "
    "1, \"2021-04-07\": 2, \"2021-04-08\": 5, \"2021-04-10\": 1, \"2021-04-11\": 2, \"2021-04-13\": 1, "
    "\"2021-04-14\": 3, \"2021-04-15\": 2, \"2021-04-16\": 1, \"2021-04-18\": 2, \"2021-05-13\": 1, \"2021-05-14\": "
    "1, \"2021-05-16\": 1, \"2021-05-18\": 2, \"2021-05-19\": 1, \"2021-05-20\": 2, \"2021-05-23\": 4, "
    "\"2021-05-24\": 5, \"2021-05-25\": 3, \"2021-05-26\": 1, \"2021-05-28\": 3, \"2021-05-29\": 3, \"2021-06-14\": "
    "1, \"2021-06-16\": 1, \"2021-06-19\": 1}}";
// python3 tests/expected/scripts/listen_volume.py data/sample/vaccine/vaccination_tweets.csv.gz pfizer
constexpr int64_t kPfizerPosts = 1318;
// python3 tests/expected/scripts/listen_volume.py data/sample/vaccine/vaccination_tweets.csv.gz pfizer --not moderna
constexpr int64_t kPfizerNotModernaPosts = 1252;

std::map<std::string, int64_t> ParseDays(const std::string& json) {
  std::map<std::string, int64_t> days;
  std::regex pair("\"(\\d{4}-\\d{2}-\\d{2})\": (\\d+)");
  for (auto match = std::sregex_iterator(json.begin(), json.end(), pair); match != std::sregex_iterator(); ++match) {
    days[(*match)[1]] = std::stoll((*match)[2]);
  }
  return days;
}

class ListenTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::unique_ptr<Workspace>> opened =
        Workspace::Open(testing::MakeTempDir("listen-ws"), OpenMode::kCreate);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    workspace_ = std::move(opened).value().release();
    Result<ImportSummary> summary = Import(
        *workspace_, {.paths = {testing::SamplePath("vaccine/vaccination_tweets.csv.gz")}, .show_progress = false});
    ASSERT_TRUE(summary.ok()) << summary.status().message();
  }
  static void TearDownTestSuite() {
    delete workspace_;
    workspace_ = nullptr;
  }
  static Workspace* workspace_;
};

Workspace* ListenTest::workspace_ = nullptr;

// DISABLED: fails on the current tree (see the open issue's note); re-enable when fixed.
TEST_F(ListenTest, DailyVolumeEqualsIndependentCount) {
  Result<ListenReport> report =
      Listen(workspace_->db(), {.name = "moderna", .text = "moderna"}, {}, {.bin = TimeBin::kDay});
  ASSERT_TRUE(report.ok()) << report.status().message();
  std::map<std::string, int64_t> expected = ParseDays(kModernaDays);
  ASSERT_EQ(expected.size(), 122u);  // days with at least one match
  int64_t expected_total = 0;
  for (const auto& [day, posts] : expected) expected_total += posts;
  EXPECT_EQ(report->matched, expected_total);
  EXPECT_EQ(report->matched, 374);
  size_t nonzero = 0;
  for (const VolumeBin& bin : report->volume) {
    std::string day = FormatBin(bin.start, TimeBin::kDay);
    auto found = expected.find(day);
    EXPECT_EQ(bin.posts, found == expected.end() ? 0 : found->second) << day;
    nonzero += bin.posts > 0;
    EXPECT_EQ(bin.posts, bin.positive + bin.neutral + bin.negative + bin.unscored) << day;
  }
  EXPECT_EQ(nonzero, expected.size());
  // Every day from the first match to the last is listed, the empty ones as zeros.
  EXPECT_EQ(report->volume.front().start, *ParseDateBound(expected.begin()->first));
  EXPECT_EQ(report->volume.back().start, *ParseDateBound(expected.rbegin()->first));
}

TEST_F(ListenTest, NotAndShareOfVoice) {
  Result<ListenReport> report = Listen(workspace_->db(), {.name = "pfizer-only", .text = "pfizer -moderna"},
                                       {{"pfizer", "pfizer"}, {"moderna", "moderna"}}, {});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->matched, kPfizerNotModernaPosts);
  std::map<std::string, int64_t> share;
  double share_sum = 0;
  for (const ShareOfVoice& entry : report->share_of_voice) {
    share[entry.name] = entry.posts;
    share_sum += entry.share;
  }
  EXPECT_EQ(share["pfizer-only"], kPfizerNotModernaPosts);
  EXPECT_EQ(share["pfizer"], kPfizerPosts);
  EXPECT_EQ(share["moderna"], 374);
  EXPECT_NEAR(share_sum, 1.0, 1e-9);
  EXPECT_EQ(report->share_of_voice.front().name, "pfizer");  // largest first
}

TEST_F(ListenTest, SentimentSplitAndCooccurrenceLeaveOutTheQuery) {
  Result<ListenReport> report = Listen(workspace_->db(), {.name = "q", .text = "#moderna OR astrazeneca"}, {},
                                       {.top = 50});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_GT(report->matched, 0);
  // The CSV has no language column: every post is scored as English.
  EXPECT_EQ(report->unscored, 0);
  EXPECT_EQ(report->positive + report->neutral + report->negative, report->matched);
  for (const CountedItem& tag : report->hashtags) {
    EXPECT_NE(tag.item, "moderna");
    EXPECT_NE(tag.item, "astrazeneca");
  }
  for (const CountedItem& term : report->terms) EXPECT_NE(term.item, "astrazeneca");
  ASSERT_FALSE(report->hashtags.empty());
  for (size_t index = 1; index < report->hashtags.size(); ++index) {
    EXPECT_GE(report->hashtags[index - 1].posts, report->hashtags[index].posts);
  }
}

TEST_F(ListenTest, ComplaintsAreNegativePostsAddressedToTheBrand) {
  Result<ListenReport> report = Listen(workspace_->db(), {.name = "pfizer", .text = "pfizer OR @pfizer OR #pfizer"},
                                       {}, {.complaints = 1000});
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->brand_handles, std::vector<std::string>{"pfizer"});
  ASSERT_GT(report->complaints_total, 0);
  EXPECT_EQ(static_cast<int64_t>(report->complaints.size()), report->complaints_total);
  text::SentimentAnalyzer analyzer;
  std::regex addressed("(^|[^A-Za-z0-9_])@pfizer($|[^A-Za-z0-9_])", std::regex::icase);
  for (const Complaint& complaint : report->complaints) {
    EXPECT_LE(complaint.compound, -0.05) << complaint.text;
    EXPECT_DOUBLE_EQ(analyzer.Score(complaint.text).compound, complaint.compound);
    EXPECT_TRUE(std::regex_search(complaint.text, addressed)) << complaint.text;
    EXPECT_FALSE(complaint.why.empty());
  }
  // Newest first.
  for (size_t index = 1; index < report->complaints.size(); ++index) {
    EXPECT_GE(report->complaints[index - 1].created_at, report->complaints[index].created_at);
  }
  int64_t categorised = 0;
  for (const CountedItem& category : report->complaint_categories) categorised += category.posts;
  EXPECT_GE(categorised, report->complaints_total);  // a complaint may name several categories
}

TEST_F(ListenTest, PeriodBoundsAndBadQueries) {
  Result<ListenReport> january = Listen(workspace_->db(), {.name = "m", .text = "moderna"}, {},
                                        {.from = ParseDateBound("2021-01-01"), .to = ParseDateBound("2021-02-01"),
                                         .bin = TimeBin::kDay});
  ASSERT_TRUE(january.ok());
  // The January days of kModernaDays add up to 128.
  int64_t expected = 0;
  for (const auto& [day, posts] : ParseDays(kModernaDays)) expected += day.starts_with("2021-01") ? posts : 0;
  EXPECT_EQ(expected, 128);
  EXPECT_EQ(january->matched, expected);
  Result<ListenReport> bad = Listen(workspace_->db(), {.name = "bad", .text = "moderna AND"}, {}, {});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("column 12"), std::string::npos);
}

}  // namespace
}  // namespace crowdlens
