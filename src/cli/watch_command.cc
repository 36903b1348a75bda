// `crowdlens watch [FILE|-]`: follow a stream of posts and alert when a saved query or a term bursts.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cmath>
#include <iostream>

#include "analyses/watch.h"
#include "analyses/watch_stream.h"
#include "cli/command.h"
#include "core/time.h"

namespace crowdlens::cli {
namespace {

std::atomic<bool> stop_requested{false};

extern "C" void RequestStop(int) { stop_requested.store(true); }

struct WatchArguments {
  std::string path = "-";
  bool replay = false;
  double speed = 0;
  std::string window = "10m";
  std::vector<std::string> queries;  // saved query names; empty: all
  std::string query;                 // an ad hoc query
  double alert_z = 4.0;
  int64_t min_count = 5;
  size_t sketch = 2000;
  bool every_window = false;
};

double Round(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

void PrintEvent(const GlobalOptions& globals, const WatchEvent& event) {
  std::string window = FormatTimestamp(event.window_start).substr(0, 16) + "Z.." +
                       FormatTimestamp(event.window_end).substr(11, 5) + "Z";
  if (globals.output == "table") {
    if (event.kind == WatchEvent::Kind::kWindow) {
      std::cout << window << "  window  " << event.count << " posts  top: " << event.subject << "\n";
    } else {
      std::cout << window << "  ALERT " << WatchEventKindName(event.kind) << " " << event.subject << ": "
                << event.count << " in the window (usual " << Round(event.baseline, 1) << ", z "
                << Round(event.z, 1) << ")\n";
    }
    std::cout.flush();
    return;
  }
  Table row{.name = "events", .columns = {"window_start", "window_end", "kind", "subject", "count", "baseline", "z"}};
  row.rows.push_back({FormatTimestamp(event.window_start), FormatTimestamp(event.window_end),
                      std::string(WatchEventKindName(event.kind)), event.subject, event.count,
                      Round(event.baseline, 3), Round(event.z, 3)});
  // One JSON object per line as events happen (json and ndjson alike); csv writes its header once.
  static bool header_written = false;
  if (globals.output == "csv") {
    if (!header_written) std::cout << "window_start,window_end,kind,subject,count,baseline,z\n";
    header_written = true;
    std::string line;
    for (size_t column = 0; column < row.columns.size(); ++column) {
      line += (column ? "," : "") + CsvField(CellText(row.rows[0][column]));
    }
    std::cout << line << "\n";
  } else {
    WriteTables(std::cout, OutputFormat::kNdjson, {row});
  }
  std::cout.flush();
}

int Run(GlobalOptions& globals, const WatchArguments& arguments) {
  std::optional<int64_t> window = ParseDuration(arguments.window);
  if (!window) return Fail(InvalidArgument("--window \"" + arguments.window + "\" is not a duration; write 10m, 1h or 600"));
  if (arguments.speed < 0) return Fail(InvalidArgument("--speed must be 0 (no pacing) or more"));
  if (arguments.replay && arguments.path == "-") return Fail(InvalidArgument("--replay needs a FILE, not standard input"));

  // Saved queries come from the workspace when there is one; a watch needs none.
  std::vector<NamedQuery> queries;
  Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, OpenMode::kExisting);
  if (workspace.ok()) {
    Result<Config> config = (*workspace)->LoadConfig();
    if (!config.ok()) return Fail(config.status());
    for (const SavedQuery& saved : config->queries) {
      if (arguments.queries.empty() ||
          std::find(arguments.queries.begin(), arguments.queries.end(), saved.name) != arguments.queries.end()) {
        queries.push_back({.name = saved.name, .text = saved.query});
      }
    }
    for (const std::string& name : arguments.queries) {
      if (std::none_of(queries.begin(), queries.end(), [&](const NamedQuery& q) { return q.name == name; })) {
        return Fail(NotFound("no saved query named \"" + name + "\" in " + (*workspace)->config_path()));
      }
    }
  } else if (!arguments.queries.empty()) {
    return Fail(workspace.status());
  }
  if (!arguments.query.empty()) queries.push_back({.name = "query", .text = arguments.query});

  Result<std::unique_ptr<Watcher>> watcher = Watcher::Create({.queries = queries,
                                                              .window_seconds = *window,
                                                              .sketch_capacity = arguments.sketch,
                                                              .alert_z = arguments.alert_z,
                                                              .min_alert_count = arguments.min_count});
  if (!watcher.ok()) return Fail(watcher.status());
  std::signal(SIGINT, RequestStop);
  std::signal(SIGTERM, RequestStop);

  PostStream stream({.path = arguments.path, .follow = !arguments.replay, .speed = arguments.speed});
  int64_t alerts = 0;
  std::vector<WatchEvent> events;
  auto flush = [&] {
    for (const WatchEvent& event : events) {
      if (event.kind != WatchEvent::Kind::kWindow) ++alerts;
      if (event.kind != WatchEvent::Kind::kWindow || arguments.every_window) PrintEvent(globals, event);
    }
    events.clear();
  };
  auto started = std::chrono::steady_clock::now();
  Status status = stream.Run(
      [&](const Post& post, std::string_view handle) {
        (*watcher)->Add(post, handle, events);
        flush();
      },
      &stop_requested);
  (*watcher)->Finish(events);
  flush();
  if (!status.ok()) return Fail(status);
  if (stream.stats().lines > 0 && stream.stats().posts == 0) {
    return Fail(DataError(arguments.path + ": none of its " + std::to_string(stream.stats().lines) +
                          " lines held a post crowdlens can read (watch reads JSON lines: Twitter v1.1 or v2, "
                          "Bluesky, Mastodon)"));
  }
  if (globals.output == "table") {
    Table summary{.name = "watch", .title = "Watch finished",
                  .columns = {"lines", "posts", "skipped_lines", "format", "windows", "alerts", "queries",
                              "sketch_capacity", "seconds"},
                  .single_record = true};
    summary.rows.push_back({stream.stats().lines, stream.stats().posts, stream.stats().skipped_lines,
                            std::string(FormatName(stream.stats().format)), (*watcher)->windows(), alerts,
                            static_cast<int64_t>(queries.size()), static_cast<int64_t>(arguments.sketch),
                            std::round(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() * 100) / 100});
    std::cout << "\n";
    return Print(globals, {summary});
  }
  return kExitOk;
}

}  // namespace

void AddWatchCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "watch",
      "Follow a growing JSON-lines file (or standard input) of posts and print an alert when a saved query's "
      "volume or a term bursts in a time window. --replay reads a finished file and stops at its end.");
  auto arguments = std::make_shared<WatchArguments>();
  command->add_option("file", arguments->path, "JSON-lines file to follow, or - for standard input")
      ->capture_default_str();
  command->add_flag("--replay", arguments->replay, "Read FILE to its end and stop (no following)");
  command->add_option("--speed", arguments->speed,
                      "Replay pacing: post time runs this many times faster than real time (0: as fast as possible)")
      ->capture_default_str();
  command->add_option("--window", arguments->window, "Window length: 10m, 1h, 600 (seconds)")->capture_default_str();
  command->add_option("--queries", arguments->queries, "Saved queries to watch (default: all)");
  command->add_option("--query", arguments->query, "Also watch this query (named \"query\")");
  command->add_option("--alert-z", arguments->alert_z, "z-score at which a count alerts")->capture_default_str();
  command->add_option("--min-count", arguments->min_count, "Smallest count that may alert")->capture_default_str();
  command->add_option("--sketch", arguments->sketch, "Heavy-hitter counters per window (memory bound)")
      ->capture_default_str();
  command->add_flag("--every-window", arguments->every_window, "Also print each window's volume and top terms");
  AddOutputOption(*command, globals);
  command->callback([&globals, arguments] { globals.exit_code = Run(globals, *arguments); });
}

}  // namespace crowdlens::cli
