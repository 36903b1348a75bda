// `crowdlens serve`: the JSON API, live events and the web dashboard on
// http://127.0.0.1:8080/ until interrupted. The first line on standard output
// is "Serving http://HOST:PORT/" (scripts read the port from it when --port 0
// picks one); then one line per request on standard error.
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/command.h"
#include "core/time.h"
#include "server/api_server.h"
#include "server/live_watch.h"
#include "stream/watch_subscriber.h"

namespace crowdlens::cli {
namespace {

struct ServeArguments {
  server::ServeOptions server;
  std::string watch;  // a JSON-lines file of posts to watch live
  bool replay = false;
  double speed = 0;
  std::string window = "10m";
  bool quiet = false;
  std::string watch_nats;  // NATS URLs whose `crowdlens worker` windows are merged into the live events
  std::string watch_subject = "crowdlens.watch";
};

int RunServe(const GlobalOptions& globals, ServeArguments arguments) {
  server::ServeOptions& options = arguments.server;
  options.workspace_dir = globals.workspace.empty() ? DefaultWorkspaceDir() : globals.workspace;
  if (Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, OpenMode::kExisting); !workspace.ok()) {
    return Fail(workspace.status());
  }
  if (options.static_dir.empty() && std::filesystem::is_directory(CROWDLENS_WEB_DIST)) {
    options.static_dir = CROWDLENS_WEB_DIST;
  }
  bool token_created = false;
  if (!server::IsLoopback(options.host)) {
    Result<std::string> token = server::LoadOrCreateToken(options.workspace_dir, token_created);
    if (!token.ok()) return Fail(token.status());
    options.token = *token;
  }
  if (!arguments.quiet) options.log = &std::cerr;

  // SIGINT and SIGTERM are taken by one thread that stops the server; every other thread blocks them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  server::LiveEvents events;
  Result<std::unique_ptr<server::ApiServer>> created = server::ApiServer::Create(options, events);
  if (!created.ok()) return Fail(created.status());
  server::ApiServer& api = **created;
  Result<int> port = api.Bind();
  if (!port.ok()) return Fail(port.status());

  server::LiveWatch watch(events);
  if (!arguments.watch.empty()) {
    std::optional<int64_t> window = ParseDuration(arguments.window);
    if (!window) return Fail(InvalidArgument("--window \"" + arguments.window + "\" is not a duration; write 10m or 1h"));
    std::vector<NamedQuery> queries;
    Result<Config> config = Config::Load(options.workspace_dir + "/crowdlens.toml");
    if (!config.ok()) return Fail(config.status());
    for (const SavedQuery& saved : config->queries) queries.push_back({.name = saved.name, .text = saved.query});
    Status started = watch.Start({.path = arguments.watch, .replay = arguments.replay, .speed = arguments.speed,
                                  .window_seconds = *window, .queries = std::move(queries)});
    if (!started.ok()) return Fail(started);
  }
  std::unique_ptr<stream::WatchSubscriber> stream_watch;
  if (!arguments.watch_nats.empty()) {
    auto subscribed = stream::WatchSubscriber::Start(
        arguments.watch_nats, arguments.watch_subject,
        [&events](const std::string& name, const std::string& json) { events.Publish(name, json); });
    if (!subscribed.ok()) return Fail(subscribed.status());
    stream_watch = std::move(subscribed).value();
  }

  const std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::cout << "Serving http://" << host << ":" << *port << "/" << std::endl;
  if (!options.token.empty()) {
    std::cout << "Token " << (token_created ? "made and " : "") << "kept in " << options.workspace_dir
              << "/server-token; send it as `Authorization: Bearer TOKEN` or open http://" << host << ":" << *port
              << "/?token=" << options.token << std::endl;
  }
  if (options.static_dir.empty()) {
    std::cout << "API only: no dashboard files found (build them with `make web`, or name them with --static DIR)"
              << std::endl;
  }

  std::thread stopper([&api, stop_signals] {
    int received = 0;
    sigwait(&stop_signals, &received);
    api.Stop();
  });
  api.Run();
  // Stopped by a signal, or the listening socket failed: wake the signal thread in either case.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  watch.Stop();
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "serve",
      "The JSON API (/api/v1/), live events and the web dashboard at http://127.0.0.1:8080/ until interrupted");
  auto arguments = std::make_shared<ServeArguments>();
  command->add_option("--host", arguments->server.host,
                      "Address to listen on; any but 127.0.0.1 or ::1 needs the token it prints")
      ->capture_default_str();
  command->add_option("--port", arguments->server.port, "Port (0: any free one)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  command->add_option("--static", arguments->server.static_dir,
                      "The dashboard's built files (default: web/dist of the source tree, when built)");
  command->add_option("--workers", arguments->server.workers, "Threads serving requests")
      ->check(CLI::Range(2, 256))
      ->capture_default_str();
  command->add_option("--rate", arguments->server.requests_per_minute, "Requests per minute allowed per client address")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--watch", arguments->watch,
                      "A JSON-lines file of posts to watch live (as `crowdlens watch`); its windows and alerts "
                      "stream at /api/v1/events");
  command->add_option("--watch-nats", arguments->watch_nats,
                      "NATS URLs: merge the live windows and alerts `crowdlens worker` processes publish "
                      "(docs/streaming.md)");
  command->add_option("--watch-subject", arguments->watch_subject, "With --watch-nats: the workers' subject")
      ->capture_default_str();
  command->add_flag("--replay", arguments->replay, "With --watch: read the file to its end instead of following it");
  command->add_option("--speed", arguments->speed, "With --replay: post time runs this many times faster")
      ->capture_default_str();
  command->add_option("--window", arguments->window, "With --watch: window length (10m, 1h)")->capture_default_str();
  command->add_flag("--quiet", arguments->quiet, "No line per request on standard error");
  command->callback([&globals, arguments] { globals.exit_code = RunServe(globals, *arguments); });
}

}  // namespace crowdlens::cli
