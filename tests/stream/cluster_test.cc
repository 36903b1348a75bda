// The streaming tier against a real 3-node JetStream cluster on loopback:
// publish real posts (replicas 3), SIGKILL one nats-server and one worker
// mid-stream, start a worker again, and check that the workspace holds every
// post of the input exactly once, the same tables as a direct `import`, and
// that publishing the same input again adds nothing to the stream.
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <thread>

#include "cli/run_command.h"
#include "store/workspace.h"
#include "stream/jetstream_connection.h"
#include "stream/nats_cluster.h"
#include "stream/stream_checks.h"
#include "test_data.h"

namespace crowdlens::testing {
namespace {

int64_t PostsIn(const std::string& workspace) {
  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(workspace, OpenMode::kExisting);
  if (!opened.ok()) return 0;
  Result<int64_t> posts = (*opened)->db().QueryInt("SELECT count(*) FROM posts");
  return posts.ok() ? *posts : 0;
}

// Polls `condition` every 100 ms until it holds or `seconds` pass.
template <typename Condition>
bool WaitUntil(Condition condition, int seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return condition();
}

pid_t StartWorker(const std::string& workspace, const std::string& urls, const std::string& log) {
  return Spawn({CrowdlensBinary(), "--workspace", workspace, "worker", "--nats", urls, "--durable", "importers",
                "--batch", "100", "--ack-wait", "3"},
               log);
}

TEST(StreamCluster, EveryPostOnceThroughANodeAndAWorkerDying) {
  if (NatsServerBinary().empty()) GTEST_SKIP() << "nats-server is not installed (apt-get install nats-server)";
  const std::string input = SamplePath("pheme");
  std::string dir = MakeTempDir("stream-cluster");

  // The expected result, computed apart from the stream: the readers' distinct posts and a direct import.
  std::set<std::string> input_posts = DistinctPostIds(input);
  ASSERT_GT(input_posts.size(), 3000u);
  std::string reference = dir + "/reference";
  CommandResult imported = RunCrowdlens({"--workspace", reference, "import", input});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  std::map<std::string, int64_t> expected = TableCounts(reference);
  ASSERT_EQ(expected["posts"], static_cast<int64_t>(input_posts.size()));

  std::unique_ptr<NatsCluster> cluster = NatsCluster::Start(3, dir);
  ASSERT_TRUE(cluster->WaitForJetStream(30)) << ReadWholeFile(dir + "/n1.log");
  const std::string urls = cluster->urls();
  const std::string workspace = dir + "/streamed";
  ASSERT_EQ(RunCrowdlens({"--workspace", workspace, "init"}).exit_code, 0);

  // Small in-flight windows and batches make the stream last long enough to be cut in the middle.
  pid_t publisher = Spawn({CrowdlensBinary(), "publish", input, "--nats", urls, "--replicas", "3", "--in-flight", "64",
                           "-o", "json"},
                          dir + "/publish.log");
  pid_t first_worker = StartWorker(workspace, urls, dir + "/worker1.log");
  pid_t second_worker = StartWorker(workspace, urls, dir + "/worker2.log");

  ASSERT_TRUE(WaitUntil([&] { return PostsIn(workspace) > 0; }, 30)) << ReadWholeFile(dir + "/worker1.log");
  cluster->Kill(2);  // SIGKILL one of the three servers mid-stream
  int64_t before_worker_kill = PostsIn(workspace);
  ASSERT_TRUE(WaitUntil([&] { return PostsIn(workspace) > before_worker_kill; }, 30));
  KillAndReap(first_worker, SIGKILL);  // a worker dies with fetched, unacknowledged messages
  pid_t third_worker = StartWorker(workspace, urls, dir + "/worker3.log");

  ASSERT_EQ(WaitForExit(publisher, 60), 0) << ReadWholeFile(dir + "/publish.log");
  EXPECT_LT(before_worker_kill, expected["posts"]) << "the kills came after the import ended; nothing was tested";
  EXPECT_TRUE(WaitUntil([&] { return PostsIn(workspace) == expected["posts"]; }, 45))
      << PostsIn(workspace) << " posts of " << expected["posts"];
  KillAndReap(second_worker, SIGTERM);
  KillAndReap(third_worker, SIGTERM);

  std::map<std::string, int64_t> streamed = TableCounts(workspace);
  EXPECT_EQ(streamed, expected);
  EXPECT_EQ(DuplicatePosts(workspace), 0);

  // The same input again: every record is a duplicate the stream drops, and the workspace is unchanged.
  Result<std::unique_ptr<stream::JetStreamConnection>> nats = stream::JetStreamConnection::Connect({.urls = urls});
  ASSERT_TRUE(nats.ok()) << nats.status().message();
  Result<uint64_t> messages_before = (*nats)->StreamMessages("CROWDLENS");
  ASSERT_TRUE(messages_before.ok());
  // The stream holds each distinct record once, though a server died under the publisher (whose
  // resends after lost acknowledgements the duplicate window dropped).
  EXPECT_EQ(*messages_before, DistinctMessageIds(input));
  EXPECT_LE(SummaryField(ReadWholeFile(dir + "/publish.log"), "stored"), static_cast<int64_t>(*messages_before));
  CommandResult again = RunCrowdlens({"publish", input, "--nats", urls, "-o", "json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_GT(SummaryField(again.out, "records"), expected["posts"]) << again.out;
  EXPECT_EQ(SummaryField(again.out, "stored"), 0) << again.out;
  EXPECT_EQ(SummaryField(again.out, "duplicates"), SummaryField(again.out, "records")) << again.out;
  EXPECT_EQ((*nats)->StreamMessages("CROWDLENS").value(), *messages_before);
  CommandResult drain = RunCrowdlens({"--workspace", workspace, "worker", "--nats", urls, "--durable", "importers",
                                      "--ack-wait", "3", "--idle-exit", "2", "-o", "json"});
  ASSERT_EQ(drain.exit_code, 0) << drain.err;
  EXPECT_EQ(SummaryField(drain.out, "messages"), 0) << drain.out;
  EXPECT_EQ(TableCounts(workspace), expected);
}

}  // namespace
}  // namespace crowdlens::testing
