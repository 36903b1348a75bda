// Bad records travel the stream too: a file with malformed Jetstream events
// is published, a worker imports it, and the workspace's quarantine holds the
// same records with the same reasons as a direct `crowdlens import` of the
// file, beside the good records around them; publishing it again adds no row.
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "cli/run_command.h"
#include "store/workspace.h"
#include "stream/nats_cluster.h"
#include "stream/stream_checks.h"
#include "test_data.h"

namespace crowdlens::testing {
namespace {

using QuarantineRow = std::tuple<std::string, int64_t, int64_t, std::string>;  // source, line, offset, reason

std::set<QuarantineRow> QuarantineRows(const std::string& workspace) {
  std::set<QuarantineRow> rows;
  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(workspace, OpenMode::kExisting);
  EXPECT_TRUE(opened.ok()) << opened.status().message();
  if (!opened.ok()) return rows;
  Result<Statement> query = (*opened)->db().Prepare("SELECT source, line, byte_offset, reason FROM quarantine");
  EXPECT_TRUE(query.ok());
  while (query.ok()) {
    Result<bool> row = query->Step();
    if (!row.ok() || !*row) break;
    rows.emplace(query->ColumnText(0), query->ColumnInt(1), query->ColumnInt(2), query->ColumnText(3));
  }
  return rows;
}

TEST(StreamQuarantine, BadRecordsReachTheWorkspacesQuarantineAsImportKeepsThem) {
  if (NatsServerBinary().empty()) GTEST_SKIP() << "nats-server is not installed (apt-get install nats-server)";
  const std::string input = TestsPath("fixtures/bluesky/jetstream-malformed.jsonl");
  std::string dir = MakeTempDir("stream-quarantine");

  std::string reference = dir + "/reference";
  ASSERT_EQ(RunCrowdlens({"--workspace", reference, "import", input}).exit_code, 0);
  std::set<QuarantineRow> expected = QuarantineRows(reference);
  ASSERT_GE(expected.size(), 3u);

  std::unique_ptr<NatsCluster> nats_server = NatsCluster::Start(1, dir);
  ASSERT_TRUE(nats_server->WaitForJetStream(20)) << ReadWholeFile(dir + "/n1.log");
  const std::string urls = nats_server->urls();
  const std::string workspace = dir + "/streamed";
  ASSERT_EQ(RunCrowdlens({"--workspace", workspace, "init"}).exit_code, 0);

  CommandResult published = RunCrowdlens({"publish", input, "--nats", urls, "-o", "json"});
  ASSERT_EQ(published.exit_code, 0) << published.err;
  EXPECT_EQ(SummaryField(published.out, "quarantined"), static_cast<int64_t>(expected.size())) << published.out;
  CommandResult worked =
      RunCrowdlens({"--workspace", workspace, "worker", "--nats", urls, "--idle-exit", "2"});
  ASSERT_EQ(worked.exit_code, 0) << worked.err;
  EXPECT_EQ(QuarantineRows(workspace), expected);
  EXPECT_EQ(TableCounts(workspace), TableCounts(reference));

  // The same file again: every message is a duplicate, and the quarantine keeps one row per bad record.
  published = RunCrowdlens({"publish", input, "--nats", urls, "-o", "json"});
  ASSERT_EQ(published.exit_code, 0) << published.err;
  EXPECT_EQ(SummaryField(published.out, "stored"), 0) << published.out;
  worked = RunCrowdlens({"--workspace", workspace, "worker", "--nats", urls, "--idle-exit", "2"});
  ASSERT_EQ(worked.exit_code, 0) << worked.err;
  EXPECT_EQ(QuarantineRows(workspace), expected);
}

}  // namespace
}  // namespace crowdlens::testing
