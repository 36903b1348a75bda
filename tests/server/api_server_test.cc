// The HTTP API as a client meets it: the real server on a free loopback port,
// called with a real HTTP client, on a workspace imported from the shipped
// sample. Each endpoint must answer with what the command prints under
// `-o json` (checked against the binary's own output), page and filter long
// lists, refuse bad parameters, unknown paths, path traversal and missing
// tokens with a JSON error that never shows the workspace's path, and see
// an import only once it is committed.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli/run_command.h"
#include "server/api_server.h"
#include "test_data.h"

namespace crowdlens::server {
namespace {

using nlohmann::json;
using testing::RunCrowdlens;

// A server on its own thread for the length of a test.
class RunningServer {
 public:
  RunningServer(ServeOptions options, LiveEvents& events) {
    Result<std::unique_ptr<ApiServer>> created = ApiServer::Create(std::move(options), events);
    EXPECT_TRUE(created.ok()) << created.status().message();
    server_ = std::move(*created);
    Result<int> port = server_->Bind();
    EXPECT_TRUE(port.ok());
    port_ = *port;
    thread_ = std::thread([this] { server_->Run(); });
  }
  ~RunningServer() {
    server_->Stop();
    thread_.join();
  }
  int port() const { return port_; }
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(120, 0);
    return client;
  }

 private:
  std::unique_ptr<ApiServer> server_;
  int port_ = 0;
  std::thread thread_;
};

// Sends `request` as raw bytes (no client library tidying the path) and returns the whole answer.
std::string RawRequest(int port, const std::string& request) {
  int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  EXPECT_EQ(::write(socket_fd, request.data(), request.size()), static_cast<ssize_t>(request.size()));
  std::string answer;
  char buffer[4096];
  for (ssize_t got; (got = ::read(socket_fd, buffer, sizeof buffer)) > 0;) answer.append(buffer, static_cast<size_t>(got));
  ::close(socket_fd);
  return answer;
}

class ApiServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace_ = new std::string(testing::MakeTempDir("api-server") + "/ws");
    auto init = RunCrowdlens({"-w", *workspace_, "init", "--owner", "BBCBreaking"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    auto imported = RunCrowdlens({"-w", *workspace_, "import", testing::SamplePath("")});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    std::ofstream(*workspace_ + "/crowdlens.toml", std::ios::app)
        << "\n[audience]\ntarget = \"(country = GB and not role in [spam]) or role = journalist\"\n";
    static_dir_ = new std::string(testing::MakeTempDir("api-static") + "/dist");
    std::filesystem::create_directories(*static_dir_ + "/assets");
    testing::WriteFile(*static_dir_ + "/index.html", "<!doctype html><title>crowdlens</title>");
    testing::WriteFile(*static_dir_ + "/assets/app.js", "console.log('crowdlens')");
    // A file beside the static folder that must never be served.
    testing::WriteFile(*static_dir_ + "/../secret.txt", "not for the web");
  }
  static void TearDownTestSuite() {
    delete workspace_;
    delete static_dir_;
  }

  static ServeOptions Options() {
    return ServeOptions{.workspace_dir = *workspace_, .port = 0, .static_dir = *static_dir_, .workers = 4};
  }

  // What the binary prints for `crowdlens ARGS -o json`, keyed by table name as the API always is.
  static json CommandJson(std::vector<std::string> arguments, const std::vector<std::string>& table_names) {
    arguments.insert(arguments.begin(), {"-w", *workspace_});
    arguments.insert(arguments.end(), {"-o", "json"});
    testing::CommandResult result = RunCrowdlens(arguments);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    json printed = json::parse(result.out);
    if (table_names.size() == 1) return json{{table_names.front(), printed}};
    return printed;
  }

  static std::string* workspace_;
  static std::string* static_dir_;
};

std::string* ApiServerTest::workspace_ = nullptr;
std::string* ApiServerTest::static_dir_ = nullptr;

TEST_F(ApiServerTest, EveryEndpointAnswersWhatTheCommandPrintsAsJson) {
  LiveEvents events;
  RunningServer server(Options(), events);
  httplib::Client client = server.Client();
  struct Case {
    std::string path;
    std::vector<std::string> command;
    std::vector<std::string> single_table;  // the table's name when the command prints one table
  };
  const std::vector<Case> cases = {
      {"/api/v1/status?runs=3", {"status", "--runs", "3"}, {}},
      {"/api/v1/audience?top=5&unfollows=3", {"audience", "--top", "5", "--unfollows", "3"}, {}},
      {"/api/v1/audience?segment=target", {"audience", "--segment", "target"}, {"members"}},
      {"/api/v1/influence?top=7", {"influence", "--top", "7"}, {}},
      {"/api/v1/influence?agreement=1", {"influence", "--agreement"}, {}},
      {"/api/v1/influence?weekly=BBCBreaking", {"influence", "--weekly", "BBCBreaking"}, {}},
      {"/api/v1/reach?top=4", {"reach", "--top", "4"}, {}},
      {"/api/v1/reach?when=1", {"reach", "--when"}, {}},
      {"/api/v1/mix?posts=3", {"mix", "--posts", "3"}, {}},
      {"/api/v1/mix?draft=Sign%20up%20for%20our%20alerts", {"mix", "--draft", "Sign up for our alerts"}, {}},
      {"/api/v1/listen?query=%23germanwings&top=5", {"listen", "#germanwings", "--top", "5"}, {}},
      {"/api/v1/trends?top=5", {"trends", "--top", "5"}, {}},
      {"/api/v1/prospects?hashtag=germanwings&now=2015-03-27&top=5",
       {"prospects", "--hashtag", "germanwings", "--now", "2015-03-27", "--top", "5"}, {}},
      {"/api/v1/engage?hashtag=germanwings&now=2015-03-25T12:00:00Z&top=5",
       {"engage", "--hashtag", "germanwings", "--now", "2015-03-25T12:00:00Z", "--top", "5"}, {}},
      {"/api/v1/suggest?handle=TheDailyEdge&circle=100&top=5", {"suggest", "TheDailyEdge", "--circle", "100", "--top", "5"}, {}},
      {"/api/v1/triage?handle=BBCNews&top=5", {"triage", "BBCNews", "--top", "5"}, {}},
      {"/api/v1/event?tag=germanwings&from=2015-03-24&to=2015-03-25&top=5",
       {"event", "germanwings", "--from", "2015-03-24", "--to", "2015-03-25", "--top", "5"}, {}},
      {"/api/v1/match", {"match", "--dry-run"}, {}},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.path);
    httplib::Result answer = client.Get(test.path);
    ASSERT_TRUE(answer);
    ASSERT_EQ(answer->status, 200) << answer->body;
    EXPECT_EQ(answer->get_header_value("Content-Type"), "application/json; charset=utf-8");
    json served = json::parse(answer->body);
    json printed = CommandJson(test.command, test.single_table);
    // The workspace path differs only by how it is written; everything else must be identical.
    if (served.contains("workspace")) {
      served["workspace"].erase("path");
      printed["workspace"].erase("path");
    }
    EXPECT_EQ(served, printed);
    EXPECT_FALSE(served.empty());
  }
  // The meeting shortlist as a calendar file.
  httplib::Result calendar = client.Get("/api/v1/event.ics?tag=germanwings&from=2015-03-24&to=2015-03-25&meetings=3");
  ASSERT_TRUE(calendar);
  ASSERT_EQ(calendar->status, 200) << calendar->body;
  EXPECT_EQ(calendar->get_header_value("Content-Type"), "text/calendar; charset=utf-8");
  EXPECT_TRUE(calendar->body.starts_with("BEGIN:VCALENDAR\r\n"));
  size_t meetings = 0;
  for (size_t at = calendar->body.find("BEGIN:VEVENT"); at != std::string::npos;
       at = calendar->body.find("BEGIN:VEVENT", at + 1)) {
    ++meetings;
  }
  EXPECT_EQ(meetings, 3u);
  EXPECT_EQ(client.Get("/api/v1/event.ics?tag=germanwings")->status, 400);  // no dates
  // The account view: the influence tables of one account and its segments.
  httplib::Result account = client.Get("/api/v1/accounts/BBCBreaking");
  ASSERT_TRUE(account);
  ASSERT_EQ(account->status, 200) << account->body;
  json detail = json::parse(account->body);
  json influence = CommandJson({"influence", "BBCBreaking"}, {});
  for (const auto& [name, table] : influence.items()) EXPECT_EQ(detail[name], table) << name;
  json segments = CommandJson({"segments", "BBCBreaking"}, {});
  for (const auto& [name, table] : segments.items()) EXPECT_EQ(detail[name], table) << name;
}

TEST_F(ApiServerTest, LongListsArePagedAndFiltered) {
  LiveEvents events;
  RunningServer server(Options(), events);
  httplib::Client client = server.Client();
  json whole = json::parse(client.Get("/api/v1/influence?top=60")->body);
  ASSERT_EQ(whole["influence"].size(), 60u);
  httplib::Result page = client.Get("/api/v1/influence?top=60&table=influence&limit=10&offset=20");
  ASSERT_EQ(page->status, 200) << page->body;
  json paged = json::parse(page->body);
  ASSERT_EQ(paged["influence"].size(), 10u);
  for (size_t row = 0; row < 10; ++row) EXPECT_EQ(paged["influence"][row], whole["influence"][20 + row]);
  EXPECT_EQ(paged["paging"]["total"], 60);
  EXPECT_EQ(paged["paging"]["offset"], 20);
  EXPECT_EQ(paged["paging"]["table"], "influence");
  // The other tables are whole.
  EXPECT_EQ(paged["layers"], whole["layers"]);

  // q keeps the rows with a text cell containing it, in any case; the count is checked by hand here.
  const std::string needle = "bbc";
  size_t expected = 0;
  for (const json& row : whole["influence"]) {
    std::string account = row["account"].get<std::string>();
    std::transform(account.begin(), account.end(), account.begin(), ::tolower);
    expected += account.find(needle) != std::string::npos ? 1 : 0;
  }
  ASSERT_GT(expected, 0u);
  json filtered = json::parse(client.Get("/api/v1/influence?top=60&table=influence&q=BBC")->body);
  EXPECT_EQ(filtered["influence"].size(), expected);
  EXPECT_EQ(filtered["paging"]["total"], expected);
}

TEST_F(ApiServerTest, BadParametersAre400WithAMessage) {
  LiveEvents events;
  RunningServer server(Options(), events);
  httplib::Client client = server.Client();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/api/v1/influence?top=abc", "top"},
      {"/api/v1/influence?top=-3", "top"},
      {"/api/v1/influence?topz=3", "unknown parameter \"topz\""},
      {"/api/v1/audience?period=year", "--period"},
      {"/api/v1/trends?bin=minute", "bin"},
      {"/api/v1/influence?limit=0", "limit"},
      {"/api/v1/influence?table=nosuch", "no table \"nosuch\""},
      {"/api/v1/listen?query=%28unclosed", "query"},
      {"/api/v1/influence?agreement=1&topics=1", "choose one of"},
      {"/api/v1/prospects", "hashtag"},
      {"/api/v1/prospects?hashtag=x&half-life=soon", "half-life"},
      {"/api/v1/event?tag=germanwings&from=2015-03-24", "from and to"},
      {"/api/v1/event?tag=germanwings&from=yesterday&to=2015-03-25", "from"},
      {"/api/v1/suggest?walks=0", "walks"},
      {"/api/v1/match?min-confidence=2", "min-confidence"},
      {"/api/v1/engage?hours=0", "hours"},
  };
  for (const auto& [path, mentioned] : cases) {
    SCOPED_TRACE(path);
    httplib::Result answer = client.Get(path);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 400);
    json error = json::parse(answer->body);
    ASSERT_TRUE(error.contains("error"));
    EXPECT_NE(error["error"].get<std::string>().find(mentioned), std::string::npos) << error["error"];
  }
  // An unknown account is 404, and the message never shows where the workspace is.
  httplib::Result missing = client.Get("/api/v1/accounts/nobody_at_all_here");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->body.find(*workspace_), std::string::npos) << missing->body;
  EXPECT_EQ(missing->body.find("/tmp"), std::string::npos) << missing->body;
}

TEST_F(ApiServerTest, UnknownPathsAre404AndNothingOutsideTheStaticFolderIsServed) {
  LiveEvents events;
  RunningServer server(Options(), events);
  httplib::Client client = server.Client();
  EXPECT_EQ(client.Get("/api/v1/nope")->status, 404);
  EXPECT_EQ(json::parse(client.Get("/api/v1/nope")->body)["error"], "no endpoint /api/v1/nope");
  EXPECT_EQ(client.Get("/no-such-file.js")->status, 404);
  httplib::Result index = client.Get("/");
  ASSERT_EQ(index->status, 200);
  EXPECT_EQ(index->body, "<!doctype html><title>crowdlens</title>");
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(client.Get("/assets/app.js")->body, "console.log('crowdlens')");

  for (const std::string path : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt",
                                 "/..%2fsecret.txt", "/assets/..%2f..%2fsecret.txt", "/%2e%2e%2fsecret.txt",
                                 "/....//secret.txt", "/..\\secret.txt", "/%00../secret.txt",
                                 "//etc/passwd", "/../../../../../../etc/passwd", "/../ws/crowdlens.db"}) {
    SCOPED_TRACE(path);
    std::string answer = RawRequest(server.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(answer.find("not for the web"), std::string::npos);
    EXPECT_EQ(answer.find("root:"), std::string::npos);
    EXPECT_EQ(answer.find("SQLite format"), std::string::npos);
    EXPECT_FALSE(answer.starts_with("HTTP/1.1 200")) << answer.substr(0, 200);
  }
}

TEST_F(ApiServerTest, ATokenIsRequiredWhenSetAndAnyOtherAddressNeedsOne) {
  ServeOptions open_to_all = Options();
  open_to_all.host = "0.0.0.0";
  LiveEvents events;
  Result<std::unique_ptr<ApiServer>> refused = ApiServer::Create(open_to_all, events);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("token"), std::string::npos);

  bool created = false;
  Result<std::string> token = LoadOrCreateToken(testing::MakeTempDir("token"), created);
  ASSERT_TRUE(token.ok());
  EXPECT_TRUE(created);
  EXPECT_EQ(token->size(), 64u);
  ServeOptions guarded = Options();
  guarded.token = *token;
  RunningServer server(guarded, events);
  httplib::Client client = server.Client();
  EXPECT_EQ(client.Get("/api/v1/status")->status, 401);
  EXPECT_EQ(client.Get("/")->status, 401);
  EXPECT_EQ(client.Get("/api/v1/status", {{"Authorization", "Bearer wrong"}})->status, 401);
  EXPECT_EQ(client.Get("/api/v1/status", {{"Authorization", "Bearer " + *token}})->status, 200);
  EXPECT_EQ(client.Get("/api/v1/status?token=" + *token)->status, 200);
  EXPECT_NE(json::parse(client.Get("/api/v1/status")->body)["error"].get<std::string>().find("token"),
            std::string::npos);
}

TEST_F(ApiServerTest, OversizedRequestsAndFloodsAreRefused) {
  ServeOptions options = Options();
  options.requests_per_minute = 1;  // one a minute: a slow (sanitized) build refills no more in the test
  options.max_request_bytes = 1024;
  LiveEvents events;
  RunningServer server(options, events);
  httplib::Client client = server.Client();
  std::string body(4096, 'x');
  httplib::Result large = client.Post("/api/v1/status", body, "text/plain");
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
  int refused = 0;
  for (int request = 0; request < 8; ++request) refused += client.Get("/api/v1/status")->status == 429 ? 1 : 0;
  EXPECT_GE(refused, 7);  // the one allowed was used by the large request; at most one more refills
  EXPECT_NE(client.Get("/api/v1/status")->body.find("too many requests"), std::string::npos);
}

TEST(RateLimiter, RefillsAtTheRateAndKeepsClientsApart) {
  auto now = std::chrono::steady_clock::time_point{};
  RateLimiter limiter(60, [&] { return now; });  // one a second
  int allowed = 0;
  for (int request = 0; request < 100; ++request) allowed += limiter.Allow("a") ? 1 : 0;
  EXPECT_EQ(allowed, 60);                // a full bucket, then nothing
  EXPECT_TRUE(limiter.Allow("b"));       // another address has its own bucket
  now += std::chrono::milliseconds(2500);
  EXPECT_TRUE(limiter.Allow("a"));       // 2.5 tokens came back
  EXPECT_TRUE(limiter.Allow("a"));
  EXPECT_FALSE(limiter.Allow("a"));
  now += std::chrono::hours(1);
  allowed = 0;
  for (int request = 0; request < 100; ++request) allowed += limiter.Allow("a") ? 1 : 0;
  EXPECT_EQ(allowed, 60);                // never more than the bucket holds
}

TEST_F(ApiServerTest, AnImportIsSeenOnlyOnceCommittedAndRequestsNeverFail) {
  // Its own workspace: this test writes to it.
  const std::string workspace = testing::MakeTempDir("api-import") + "/ws";
  ASSERT_EQ(RunCrowdlens({"-w", workspace, "init"}).exit_code, 0);
  ASSERT_EQ(RunCrowdlens({"-w", workspace, "import", testing::SamplePath("pheme")}).exit_code, 0);
  ServeOptions options = Options();
  options.workspace_dir = workspace;
  LiveEvents events;
  RunningServer server(options, events);
  httplib::Client client = server.Client();
  auto posts = [&]() -> int64_t {
    httplib::Result answer = client.Get("/api/v1/status");
    EXPECT_TRUE(answer);
    EXPECT_EQ(answer->status, 200) << answer->body;
    const json status = json::parse(answer->body);
    for (const json& row : status["tables"]) {
      if (row["table"] == "posts") return row["rows"].get<int64_t>();
    }
    ADD_FAILURE() << "no posts row in " << answer->body;
    return -1;
  };
  const int64_t before = posts();
  ASSERT_GT(before, 0);
  std::atomic<bool> done = false;
  std::thread importer([&] {
    EXPECT_EQ(RunCrowdlens({"-w", workspace, "import", testing::SamplePath("twitter-v2")}).exit_code, 0);
    done = true;
  });
  int64_t seen = before;
  int requests = 0;
  while (!done) {
    const int64_t now = posts();
    EXPECT_GE(now, seen);  // a snapshot never goes back
    seen = now;
    ++requests;
  }
  importer.join();
  const int64_t after = posts();
  EXPECT_GT(after, before);
  EXPECT_GT(requests, 0);
}

TEST_F(ApiServerTest, EventsStreamTheWatchsWindowsAndAlerts) {
  LiveEvents events;
  WatchEvent window{.kind = WatchEvent::Kind::kWindow, .window_start = 1427270400, .window_end = 1427271000,
                    .subject = "germanwings, crash", .count = 42};
  WatchEvent alert{.kind = WatchEvent::Kind::kTermAlert, .window_start = 1427270400, .window_end = 1427271000,
                   .subject = "#germanwings", .count = 30, .baseline = 2.5, .z = 9.1};
  events.PublishWatchEvent(window);
  events.PublishWatchEvent(alert);
  RunningServer server(Options(), events);
  httplib::Client client = server.Client();
  std::string received;
  httplib::Result answer = client.Get("/api/v1/events", [&](const char* data, size_t length) {
    received.append(data, length);
    return received.find("event: alert") == std::string::npos;  // stop once both have arrived
  });
  EXPECT_NE(received.find("event: window\nid: 1\ndata: "), std::string::npos) << received;
  EXPECT_NE(received.find("\"posts\":42"), std::string::npos) << received;
  EXPECT_NE(received.find("event: alert\nid: 2\ndata: "), std::string::npos) << received;
  EXPECT_NE(received.find("\"item\":\"#germanwings\""), std::string::npos) << received;
  EXPECT_NE(received.find("\"window_start\":\"2015-03-25T08:00:00Z\""), std::string::npos) << received;
}

}  // namespace
}  // namespace crowdlens::server
