// The workers' live windows reach the dashboard merged: two workers, each
// consuming one of two partitions, share the fixture's posts; `crowdlens serve --watch-nats` merges their windows,
// and the last window event of each start time on /api/v1/events carries the
// posts of that window counted straight from the input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <thread>

#include "cli/run_command.h"
#include "core/time.h"
#include "ingest/read_all.h"
#include "stream/nats_cluster.h"
#include "stream/stream_checks.h"
#include "test_data.h"

namespace crowdlens::testing {
namespace {

// Posts per 10-minute window start, straight from the readers.
std::map<std::string, int64_t> PostsPerWindow(const std::string& path) {
  Collected read = ReadAll(path);
  EXPECT_TRUE(read.status.ok()) << read.status.message();
  std::map<std::string, int64_t> windows;
  std::set<std::string> seen;
  for (const Post& post : read.Posts()) {
    if (!seen.insert(post.platform_id).second) continue;
    int64_t start = post.created_at - ((post.created_at % 600) + 600) % 600;
    ++windows[FormatTimestamp(start)];
  }
  return windows;
}

std::string RunCurl(const std::string& url) {
  std::string command = "curl -s -N --max-time 3 " + url;
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  size_t length = 0;
  while ((length = fread(buffer, 1, sizeof(buffer), pipe)) > 0) output.append(buffer, length);
  pclose(pipe);
  return output;
}

TEST(StreamLiveWindows, ServeMergesTheWorkersWindows) {
  if (NatsServerBinary().empty()) GTEST_SKIP() << "nats-server is not installed (apt-get install nats-server)";
  if (system("command -v curl > /dev/null") != 0) GTEST_SKIP() << "curl is not installed";
  const std::string events = TestsPath("fixtures/bluesky/jetstream.jsonl");
  std::map<std::string, int64_t> expected = PostsPerWindow(events);
  ASSERT_EQ(expected.size(), 4u);

  std::string dir = MakeTempDir("stream-live");
  std::unique_ptr<NatsCluster> nats_server = NatsCluster::Start(1, dir);
  ASSERT_TRUE(nats_server->WaitForJetStream(20));
  const std::string urls = nats_server->urls();
  const std::string workspace = dir + "/ws";
  ASSERT_EQ(RunCrowdlens({"--workspace", workspace, "init"}).exit_code, 0);
  pid_t serve = Spawn({CrowdlensBinary(), "--workspace", workspace, "serve", "--port", "0", "--watch-nats", urls},
                      dir + "/serve.log");
  std::string address;
  for (int attempt = 0; attempt < 200 && address.empty(); ++attempt) {
    std::string log = ReadWholeFile(dir + "/serve.log");
    size_t found = log.find("Serving http://");
    if (found != std::string::npos && log.find('\n', found) != std::string::npos) {
      address = log.substr(found + 8, log.find('\n', found) - found - 8);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_FALSE(address.empty()) << ReadWholeFile(dir + "/serve.log");

  // Two partitions, one worker each: both take a share of the five authors' posts.
  ASSERT_EQ(RunCrowdlens({"publish", events, "--nats", urls, "--partitions", "2"}).exit_code, 0);
  std::vector<std::string> worker = {CrowdlensBinary(), "--workspace", workspace, "worker", "--nats", urls,
                                     "--idle-exit", "2", "--partitions"};
  std::vector<std::string> first_worker = worker, second_worker = worker;
  first_worker.push_back("0");
  second_worker.push_back("1");
  pid_t first = Spawn(first_worker, dir + "/worker1.log");
  pid_t second = Spawn(second_worker, dir + "/worker2.log");
  ASSERT_EQ(WaitForExit(first, 30), 0) << ReadWholeFile(dir + "/worker1.log");
  ASSERT_EQ(WaitForExit(second, 30), 0) << ReadWholeFile(dir + "/worker2.log");

  std::string received = RunCurl(address + "api/v1/events");
  KillAndReap(serve, SIGTERM);
  std::map<std::string, int64_t> merged;  // the last count of each window start
  size_t workers_seen = 0;
  for (size_t at = received.find("event: window"); at != std::string::npos;
       at = received.find("event: window", at + 1)) {
    size_t data = received.find("data: ", at);
    nlohmann::json window = nlohmann::json::parse(received.substr(data + 6, received.find('\n', data) - data - 6));
    merged[window["window_start"].get<std::string>()] = window["posts"].get<int64_t>();
    workers_seen = std::max(workers_seen, window["workers"].get<size_t>());
  }
  EXPECT_EQ(merged, expected) << received;
  EXPECT_EQ(workers_seen, 2u) << "no window was reported by both workers; the merge was not exercised\n" << received;
  // The workspace has both partitions' posts: the fixture's five, less the one it deletes.
  EXPECT_EQ(TableCounts(workspace)["posts"], 4);
}

}  // namespace
}  // namespace crowdlens::testing
