// Bluesky Jetstream through the stream: a loopback WebSocket server
// (jetstream_server.py) plays the fixture's events slowly; the publisher is
// SIGKILLed mid-stream, restarted, and must reconnect with the cursor it
// saved. A worker then imports everything exactly once (the same tables as a
// direct import of the file) and publishes its live watch windows, whose
// post counts add up to the input's distinct posts.
#include <gtest/gtest.h>

#include <nats/nats.h>
#include <nlohmann/json.hpp>
#include <signal.h>

#include <chrono>
#include <mutex>
#include <thread>

#include "cli/run_command.h"
#include "stream/cursor_file.h"
#include "stream/nats_cluster.h"
#include "stream/stream_checks.h"
#include "test_data.h"

namespace crowdlens::testing {
namespace {

// Collects what is published on a subject.
struct Collected {
  std::mutex mutex;
  std::vector<std::string> messages;
};

void OnMessage(natsConnection*, natsSubscription*, natsMsg* message, void* closure) {
  auto* collected = static_cast<Collected*>(closure);
  std::lock_guard<std::mutex> lock(collected->mutex);
  collected->messages.emplace_back(natsMsg_GetData(message), natsMsg_GetDataLength(message));
  natsMsg_Destroy(message);
}

TEST(StreamJetstream, PublisherKilledMidStreamResumesFromItsCursor) {
  if (NatsServerBinary().empty()) GTEST_SKIP() << "nats-server is not installed (apt-get install nats-server)";
  if (system("/usr/bin/python3 -c 'import websockets' 2>/dev/null") != 0) {
    GTEST_SKIP() << "python3-websockets is not installed (apt-get install python3-websockets)";
  }
  const std::string events = TestsPath("fixtures/bluesky/jetstream.jsonl");
  std::string dir = MakeTempDir("stream-jetstream");
  std::unique_ptr<NatsCluster> nats_server = NatsCluster::Start(1, dir);
  ASSERT_TRUE(nats_server->WaitForJetStream(20)) << ReadWholeFile(dir + "/n1.log");
  const std::string urls = nats_server->urls();

  int port = FreePort();
  const std::string paths_log = dir + "/paths.txt";
  pid_t websocket_server = Spawn({"/usr/bin/python3", TestsPath("stream/jetstream_server.py"), "--events", events,
                                  "--port", std::to_string(port), "--log", paths_log, "--pause", "0.25"},
                                 dir + "/websocket.log");
  auto ready_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (ReadWholeFile(dir + "/websocket.log").find("ready") == std::string::npos &&
         std::chrono::steady_clock::now() < ready_deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_NE(ReadWholeFile(dir + "/websocket.log").find("ready"), std::string::npos);

  const std::string url = "ws://127.0.0.1:" + std::to_string(port) + "/subscribe?wantedCollections=app.bsky.feed.post";
  const std::string cursor_file = dir + "/jetstream.cursor";
  std::vector<std::string> publish = {CrowdlensBinary(), "publish", "--jetstream", url, "--cursor-file", cursor_file,
                                      "--nats", urls, "--stop-at-close", "-o", "json"};
  pid_t publisher = Spawn(publish, dir + "/publish1.log");
  // Kill once a few events are acknowledged and saved, well before the 14th.
  auto saved_cursor = [&]() -> int64_t {
    Result<std::optional<int64_t>> cursor = stream::ReadCursor(cursor_file);
    return cursor.ok() && cursor->has_value() ? **cursor : 0;
  };
  auto kill_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (saved_cursor() < 1725912000000000 && std::chrono::steady_clock::now() < kill_deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  KillAndReap(publisher, SIGKILL);
  int64_t cursor = saved_cursor();
  ASSERT_GE(cursor, 1725912000000000) << ReadWholeFile(dir + "/publish1.log");
  ASSERT_LT(cursor, 1725913700000000) << "the publisher finished before it was killed; nothing was tested";

  CommandResult resumed = RunCrowdlens(std::vector<std::string>(publish.begin() + 1, publish.end()));
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  std::string paths = ReadWholeFile(paths_log);
  EXPECT_NE(paths.find("wantedCollections=app.bsky.feed.post&cursor=" + std::to_string(cursor)), std::string::npos)
      << paths;
  EXPECT_EQ(saved_cursor(), 1725913700000000);  // the last event's time_us

  // The live windows the worker publishes, as the dashboard would receive them.
  natsConnection* connection = nullptr;
  natsSubscription* subscription = nullptr;
  Collected collected;
  ASSERT_EQ(natsConnection_ConnectTo(&connection, urls.c_str()), NATS_OK);
  ASSERT_EQ(natsConnection_Subscribe(&subscription, connection, "crowdlens.watch", OnMessage, &collected), NATS_OK);
  natsConnection_Flush(connection);

  const std::string workspace = dir + "/streamed";
  CommandResult worker = RunCrowdlens({"--workspace", workspace, "worker", "--nats", urls, "--idle-exit", "2",
                                       "--window", "10m", "-o", "json"});
  ASSERT_EQ(worker.exit_code, 0) << worker.err;

  const std::string reference = dir + "/reference";
  ASSERT_EQ(RunCrowdlens({"--workspace", reference, "import", events}).exit_code, 0);
  std::map<std::string, int64_t> expected = TableCounts(reference);
  EXPECT_EQ(TableCounts(workspace), expected);
  EXPECT_EQ(expected["posts"], static_cast<int64_t>(DistinctPostIds(events).size()));
  EXPECT_EQ(DuplicatePosts(workspace), 0);

  // Every post written reached the watch once: the windows' post counts add up to the created posts.
  natsConnection_Flush(connection);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  int64_t window_posts = 0;
  {
    std::lock_guard<std::mutex> lock(collected.mutex);
    ASSERT_FALSE(collected.messages.empty());
    for (const std::string& message : collected.messages) {
      nlohmann::json event = nlohmann::json::parse(message);
      if (event["event"] == "window") window_posts += event["posts"].get<int64_t>();
    }
  }
  // Five create events; one is later deleted, but the watch saw it when it arrived.
  EXPECT_EQ(window_posts, 5);
  natsSubscription_Destroy(subscription);
  natsConnection_Destroy(connection);
  KillAndReap(websocket_server, SIGTERM);
}

}  // namespace
}  // namespace crowdlens::testing
