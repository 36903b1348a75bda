// listen, sentiment, trends and watch as a user runs them: the real binary on
// the shipped sample, parsed JSON output, exit codes and messages.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "cli/run_command.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using nlohmann::json;
using testing::RunCrowdlens;

std::string VaccineWorkspace() {
  static const std::string workspace = [] {
    std::string dir = testing::MakeTempDir("cli-listen") + "/ws";
    auto imported = RunCrowdlens({"--workspace", dir, "import", testing::SamplePath("vaccine")});
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    return dir;
  }();
  return workspace;
}

TEST(CliListen, SaveRunAndShareOfVoice) {
  std::string ws = VaccineWorkspace();
  auto saved = RunCrowdlens({"-w", ws, "listen", "--save", "moderna", "moderna", "-o", "json"});
  ASSERT_EQ(saved.exit_code, 0) << saved.err;
  ASSERT_EQ(RunCrowdlens({"-w", ws, "listen", "--save", "pfizer", "pfizer"}).exit_code, 0);
  std::ifstream config(ws + "/crowdlens.toml");
  std::string toml((std::istreambuf_iterator<char>(config)), std::istreambuf_iterator<char>());
  EXPECT_NE(toml.find("moderna = \"moderna\""), std::string::npos) << toml;

  auto report = RunCrowdlens({"-w", ws, "listen", "--saved", "moderna", "--bin", "day", "-o", "json"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  json result = json::parse(report.out);
  // 374: python3 tests/expected/scripts/listen_volume.py data/sample/vaccine/vaccination_tweets.csv.gz moderna
  EXPECT_EQ(result["summary"]["matched"], 374);
  int64_t volume = 0;
  for (const json& bin : result["volume"]) volume += bin["posts"].get<int64_t>();
  EXPECT_EQ(volume, 374);
  std::map<std::string, int64_t> share;
  for (const json& row : result["share_of_voice"]) share[row["query"]] = row["posts"];
  EXPECT_EQ(share["moderna"], 374);
  EXPECT_EQ(share["pfizer"], 1318);  // listen_volume.py ... pfizer
}

TEST(CliListen, BadQueryAndUnknownSegmentExplain) {
  std::string ws = VaccineWorkspace();
  auto bad = RunCrowdlens({"-w", ws, "listen", "pfizer AND (moderna"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("column 20: expected ')' to close the '(' at column 12"), std::string::npos) << bad.err;
  auto segment = RunCrowdlens({"-w", ws, "listen", "pfizer segment:nurses"});
  EXPECT_EQ(segment.exit_code, 1);
  EXPECT_NE(segment.err.find("no segment named \"nurses\""), std::string::npos) << segment.err;
  auto missing = RunCrowdlens({"-w", ws, "listen", "--saved", "nope"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no saved query named \"nope\""), std::string::npos);
}

TEST(CliSentiment, LabelsTextsAndBatch) {
  auto scored = RunCrowdlens({"sentiment", "Not bad at all", "The book was good.", "-o", "json"});
  ASSERT_EQ(scored.exit_code, 0) << scored.err;
  json rows = json::parse(scored.out);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["label"], "positive");
  EXPECT_DOUBLE_EQ(rows[0]["compound"].get<double>(), 0.431);  // vaderSentiment README
  EXPECT_EQ(rows[0]["words"], "bad(+1.85)");
  EXPECT_DOUBLE_EQ(rows[1]["compound"].get<double>(), 0.4404);
  std::string file = testing::MakeTempDir("cli-sentiment") + "/texts.txt";
  testing::WriteFile(file, "Today SUX!\n\nVADER is smart, handsome, and funny.\n");
  auto batch = RunCrowdlens({"sentiment", "--batch", file, "-o", "json"});
  ASSERT_EQ(batch.exit_code, 0) << batch.err;
  json lines = json::parse(batch.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["line"], 1);
  EXPECT_DOUBLE_EQ(lines[0]["compound"].get<double>(), -0.5461);
  EXPECT_EQ(lines[1]["line"], 3);
  EXPECT_EQ(RunCrowdlens({"sentiment", "--batch", file + ".missing"}).exit_code, 1);
  EXPECT_EQ(RunCrowdlens({"sentiment"}).exit_code, 2);
}

TEST(CliTrends, ReportsBurstsOfTheSample) {
  std::string ws = VaccineWorkspace();
  auto trends = RunCrowdlens({"-w", ws, "trends", "--bin", "day", "-o", "json"});
  ASSERT_EQ(trends.exit_code, 0) << trends.err;
  json report = json::parse(trends.out);
  EXPECT_EQ(report["summary"]["bin"], "day");
  EXPECT_FALSE(report["bursts"].empty());
  EXPECT_EQ(RunCrowdlens({"-w", ws, "trends", "--from", "yesterday"}).exit_code, 2);
}

TEST(CliWatch, ReplaysAFileToItsEnd) {
  // The rtweet statuses file of the sample: v1.1 statuses, one per line.
  std::string ws = VaccineWorkspace();
  auto watched = RunCrowdlens({"-w", ws, "watch", testing::SamplePath("twitter-v1/statuses.jsonl"), "--replay",
                               "--window", "1h", "--every-window", "-o", "ndjson"});
  ASSERT_EQ(watched.exit_code, 0) << watched.err;
  int64_t posts = 0;
  std::istringstream lines(watched.out);
  for (std::string line; std::getline(lines, line);) {
    json event = json::parse(line);
    if (event["kind"] == "window") posts += event["count"].get<int64_t>();
  }
  // 50 lines of 50 distinct top-level statuses: python3 -c "import json; print(len({json.loads(l)['id_str']
  //   for l in open('data/sample/twitter-v1/statuses.jsonl') if l.strip()}))". The 25 retweeted and quoted
  // originals embedded in them (import counts 75 posts) are not passed on as posts of the stream.
  EXPECT_EQ(posts, 50);
  auto bad = RunCrowdlens({"watch", testing::SamplePath("SOURCES.md"), "--replay"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("none of its"), std::string::npos) << bad.err;
  EXPECT_EQ(RunCrowdlens({"watch", "--window", "soon", "--replay", "x"}).exit_code, 2);
}

}  // namespace
}  // namespace crowdlens
