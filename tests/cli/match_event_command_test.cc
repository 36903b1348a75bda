// `crowdlens match` and `crowdlens event` as a user runs them: the real binary
// on the shipped sample with BBCBreaking as owner and the hand-built address
// book; the stored matches feeding `event`, the .ics file read back line by
// line (CRLF, at most 75 octets, one VEVENT per slotted meeting), the CSV
// export, --met, and the usage errors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "cli/run_command.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using nlohmann::json;
using testing::RunCrowdlens;

class MatchEventCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(testing::MakeTempDir("match-event-cli"));
    workspace_ = new std::string(*dir_ + "/ws");
    ASSERT_EQ(RunCrowdlens({"-w", *workspace_, "init", "--owner", "BBCBreaking"}).exit_code, 0);
    auto imported = RunCrowdlens({"-w", *workspace_, "import", testing::SamplePath(""),
                                  testing::TestsPath("fixtures/contacts/sample-matches.csv")});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  static void TearDownTestSuite() {
    delete workspace_;
    delete dir_;
  }

  static testing::CommandResult Run(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"-w", *workspace_});
    return RunCrowdlens(arguments);
  }

  static std::string* dir_;
  static std::string* workspace_;
};

std::string* MatchEventCommand::dir_ = nullptr;
std::string* MatchEventCommand::workspace_ = nullptr;

TEST_F(MatchEventCommand, MatchStoresMatchesWithReasonsAndListsTheUnmatched) {
  auto result = Run({"match", "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  ASSERT_FALSE(tables["matches"].empty());
  bool sandford = false;
  for (const json& row : tables["matches"]) {
    EXPECT_FALSE(row["why"].get<std::string>().empty());
    double score = row["score"];
    EXPECT_GE(score, 0.6);
    EXPECT_LE(score, 1.0);
    if (row["handle"] == "BBCDanielS") sandford = row["contact"] == "Dan Sandford";
  }
  EXPECT_TRUE(sandford);
  bool priya_unmatched = false;
  for (const json& row : tables["unmatched"]) priya_unmatched |= row["contact"] == "Priya Raman-Example";
  EXPECT_TRUE(priya_unmatched);
  auto stored = Run({"match", "--dry-run", "-o", "csv"});
  ASSERT_EQ(stored.exit_code, 0);
  EXPECT_EQ(stored.out.rfind("# matches\r\nrank,handle,name,", 0), 0u) << stored.out.substr(0, 80);
  EXPECT_EQ(Run({"match", "--min-confidence", "2"}).exit_code, 2);
}

TEST_F(MatchEventCommand, EventWritesAnIcsFileThatReadsBack) {
  ASSERT_EQ(Run({"match"}).exit_code, 0);
  const std::string ics_path = *dir_ + "/germanwings.ics";
  auto result = Run({"event", "#germanwings", "--from", "2015-03-24", "--to", "2015-03-25", "--meetings", "20",
                     "--ics", ics_path, "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  ASSERT_EQ(tables["phases"].size(), 3u);
  ASSERT_EQ(tables["shortlist"].size(), 20u);
  EXPECT_EQ(tables["calendar"]["meetings"], 20);
  std::ifstream in(ics_path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::string ics = bytes.str();
  ASSERT_FALSE(ics.empty());
  int events = 0;
  size_t start = 0;
  std::string unfolded;
  while (start < ics.size()) {
    size_t end = ics.find("\r\n", start);
    ASSERT_NE(end, std::string::npos) << "every line ends with CRLF";
    const std::string line = ics.substr(start, end - start);
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
    if (line == "BEGIN:VEVENT") ++events;
    unfolded += line[0] == ' ' ? line.substr(1) : "\n" + line;
    start = end + 2;
  }
  EXPECT_EQ(events, 20);
  // Each meeting's summary names the shortlisted account; slots are the table's.
  for (const json& row : tables["shortlist"]) {
    const std::string slot = row["slot"];  // 2015-03-24T09:00Z
    std::string compact = slot.substr(0, 4) + slot.substr(5, 2) + slot.substr(8, 2) + "T" + slot.substr(11, 2) +
                          slot.substr(14, 2) + "00Z";
    EXPECT_NE(unfolded.find("\nDTSTART:" + compact), std::string::npos) << compact;
  }
}

TEST_F(MatchEventCommand, EventCsvAndMet) {
  const std::string met_path = *dir_ + "/met.txt";
  testing::WriteFile(met_path, "# people met\nDan Sandford\n\nJulia MacFarlene\nNobody Atall\n");
  auto result = Run({"event", "germanwings", "--from", "2015-03-24", "--met", met_path, "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  ASSERT_EQ(tables["met"].size(), 3u);
  EXPECT_EQ(tables["met"][2]["suggestion"], "none");
  auto csv = Run({"event", "germanwings", "--from", "2015-03-24", "-o", "csv"});
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_EQ(csv.out.rfind("# phases\r\nphase,from,to,posts,accounts", 0), 0u);
  EXPECT_EQ(Run({"event", "germanwings"}).exit_code, 2);                      // --from is required
  EXPECT_EQ(Run({"event", "germanwings", "--from", "soon"}).exit_code, 2);    // not a date
  EXPECT_EQ(Run({"event", "germanwings", "--from", "2015-03-24", "--met", *dir_ + "/none.txt"}).exit_code, 1);
}

}  // namespace
}  // namespace crowdlens
