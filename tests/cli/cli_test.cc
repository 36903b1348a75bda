// The command line as a user runs it: real binary, real files, parsed output.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/run_command.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using nlohmann::json;
using testing::RunCrowdlens;

TEST(Cli, ImportThenStatusReportsTheCounts) {
  std::string workspace = testing::MakeTempDir("cli") + "/ws";
  auto imported = RunCrowdlens({"--workspace", workspace, "import", testing::SamplePath("twitter-v1/statuses.jsonl"),
                                "-o", "json"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  json import_report = json::parse(imported.out);
  EXPECT_EQ(import_report["inputs"][0]["format"], "twitter-v1");
  EXPECT_EQ(import_report["run"]["failed_inputs"], 0);
  // 75 posts: python3 tests/expected/scripts/counts.py v1 data/sample/twitter-v1/statuses.jsonl
  auto added = import_report["added"];
  auto posts_row = std::find_if(added.begin(), added.end(), [](const json& row) { return row["table"] == "posts"; });
  ASSERT_NE(posts_row, added.end());
  EXPECT_EQ((*posts_row)["added"], 75);

  auto status = RunCrowdlens({"--workspace", workspace, "status", "-o", "json"});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  json summary = json::parse(status.out);
  std::map<std::string, int64_t> rows;
  for (const json& table : summary["tables"]) rows[table["table"]] = table["rows"];
  EXPECT_EQ(rows["posts"], 75);
  EXPECT_EQ(rows["accounts"], 66);
  EXPECT_EQ(rows["post_hashtags"], 482);
  EXPECT_EQ(summary["runs"][0]["status"], "done");
  EXPECT_EQ(summary["workspace"]["schema_version"], 5);
}

TEST(Cli, CsvOutputHasStableHeaders) {
  std::string workspace = testing::MakeTempDir("cli") + "/ws";
  ASSERT_EQ(RunCrowdlens({"--workspace", workspace, "init"}).exit_code, 0);
  auto status = RunCrowdlens({"--workspace", workspace, "status", "-o", "csv"});
  ASSERT_EQ(status.exit_code, 0);
  EXPECT_NE(status.out.find("table,rows\r\naccounts,0\r\n"), std::string::npos) << status.out;
}

TEST(Cli, QuarantineListsBadLinesWithFileAndLine) {
  std::string dir = testing::MakeTempDir("cli");
  testing::WriteFile(dir + "/edges.txt", "1 2\nonly-one-id\n3 4\n");
  auto imported = RunCrowdlens({"--workspace", dir + "/ws", "import", "--as", "edgelist", dir + "/edges.txt"});
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.err.find("1 record(s) could not be read"), std::string::npos) << imported.err;
  auto quarantine = RunCrowdlens({"--workspace", dir + "/ws", "quarantine", "-o", "json"});
  ASSERT_EQ(quarantine.exit_code, 0);
  json rows = json::parse(quarantine.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["line"], 2);
  EXPECT_EQ(rows[0]["source"], dir + "/edges.txt");
  EXPECT_EQ(rows[0]["raw"], "only-one-id");
}

TEST(Cli, OwnerIsStoredInTheConfig) {
  std::string workspace = testing::MakeTempDir("cli") + "/ws";
  ASSERT_EQ(RunCrowdlens({"--workspace", workspace, "init", "--owner", "@SenatorBaldwin"}).exit_code, 0);
  auto owners = RunCrowdlens({"--workspace", workspace, "owner", "-o", "json"});
  ASSERT_EQ(owners.exit_code, 0) << owners.err;
  json rows = json::parse(owners.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["handle"], "SenatorBaldwin");
  EXPECT_EQ(rows[0]["known"], false);
  auto changed = RunCrowdlens({"--workspace", workspace, "owner", "bluesky:alice.bsky.social", "-o", "json"});
  EXPECT_EQ(json::parse(changed.out)[0]["platform"], "bluesky");
}

TEST(Cli, ExitCodes) {
  std::string dir = testing::MakeTempDir("cli");
  auto usage = RunCrowdlens({"import"});
  EXPECT_EQ(usage.exit_code, 2);
  auto bad_flag = RunCrowdlens({"status", "--no-such-flag"});
  EXPECT_EQ(bad_flag.exit_code, 2);
  auto no_workspace = RunCrowdlens({"--workspace", dir + "/none", "status"});
  EXPECT_EQ(no_workspace.exit_code, 1);
  EXPECT_NE(no_workspace.err.find("crowdlens init"), std::string::npos) << no_workspace.err;
  auto missing_file = RunCrowdlens({"--workspace", dir + "/ws", "import", dir + "/missing.json"});
  EXPECT_EQ(missing_file.exit_code, 1);
  EXPECT_NE(missing_file.err.find("missing.json"), std::string::npos);
  testing::WriteFile(dir + "/notes.txt", "just some words\n");
  auto unknown = RunCrowdlens({"--workspace", dir + "/ws", "import", dir + "/notes.txt"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("--as"), std::string::npos) << unknown.err;
  auto bad_format = RunCrowdlens({"--workspace", dir + "/ws", "import", "--as", "nope", dir + "/notes.txt"});
  EXPECT_EQ(bad_format.exit_code, 2);
}

}  // namespace
}  // namespace crowdlens

namespace crowdlens {
namespace {

TEST(Cli, UnknownFilesInAFolderAreSkippedButANamedOneIsAnError) {
  std::string dir = testing::MakeTempDir("cli");
  testing::WriteFile(dir + "/in/notes.txt", "just some words\n");
  auto folder = testing::RunCrowdlens({"--workspace", dir + "/ws", "import", dir + "/in", "-o", "json"});
  EXPECT_EQ(folder.exit_code, 0) << folder.err;
  EXPECT_EQ(nlohmann::json::parse(folder.out)["run"]["skipped_inputs"], 1);
  auto named = testing::RunCrowdlens({"--workspace", dir + "/ws", "import", dir + "/in/notes.txt"});
  EXPECT_EQ(named.exit_code, 1);
  EXPECT_NE(named.err.find("--as"), std::string::npos) << named.err;
}

}  // namespace
}  // namespace crowdlens
