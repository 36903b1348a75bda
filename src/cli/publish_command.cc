// `crowdlens publish`: send records to the NATS JetStream stream that workers import from, from
// files (any format `import` reads) or from a Bluesky Jetstream WebSocket, resuming at a saved cursor.
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <iostream>

#include "cli/command.h"
#include "ingest/format.h"
#include "stream/input_publisher.h"
#include "stream/jetstream_relay.h"
#include "stream/stream_publisher.h"

namespace crowdlens::cli {
namespace {

std::atomic<bool> stop_requested{false};

extern "C" void RequestPublishStop(int) { stop_requested.store(true); }

struct PublishArguments {
  std::vector<std::string> paths;
  std::string as_format;
  std::string platform;
  std::string nats = "nats://127.0.0.1:4222";
  std::string stream = "CROWDLENS";
  std::string subject_prefix = "crowdlens.posts";
  int partitions = 16;
  int replicas = 1;
  int64_t in_flight = 4096;
  std::string jetstream;
  std::string cursor_file;
  int64_t max_events = 0;
  bool stop_at_close = false;
};

double Seconds(std::chrono::steady_clock::time_point started) {
  return std::round(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() * 100) / 100;
}

int Run(GlobalOptions& globals, const PublishArguments& arguments) {
  if (arguments.paths.empty() == arguments.jetstream.empty()) {
    return Fail(InvalidArgument("name INPUT files to publish, or --jetstream ws://HOST:PORT/subscribe (not both)"));
  }
  stream::PublisherOptions options{.urls = arguments.nats,
                                   .stream = {.name = arguments.stream,
                                              .subject_prefix = arguments.subject_prefix,
                                              .replicas = arguments.replicas},
                                   .partitions = arguments.partitions,
                                   .max_in_flight = arguments.in_flight};
  if (arguments.replicas < 1 || arguments.replicas > 5) return Fail(InvalidArgument("--replicas must be 1 to 5"));
  Result<std::unique_ptr<stream::StreamPublisher>> publisher = stream::StreamPublisher::Open(options);
  if (!publisher.ok()) return Fail(publisher.status());
  std::signal(SIGINT, RequestPublishStop);
  std::signal(SIGTERM, RequestPublishStop);
  auto started = std::chrono::steady_clock::now();

  Table summary{.name = "publish", .title = "Published to stream " + arguments.stream, .single_record = true};
  if (!arguments.jetstream.empty()) {
    Result<stream::RelayCounts> counts = stream::RunJetstreamRelay(
        **publisher,
        {.url = arguments.jetstream, .cursor_file = arguments.cursor_file, .max_events = arguments.max_events,
         .stop_at_close = arguments.stop_at_close},
        &stop_requested);
    if (!counts.ok()) return Fail(counts.status());
    const stream::PublishCounts& published = (*publisher)->counts();
    summary.columns = {"events", "unreadable_events", "quarantined", "records", "stored", "duplicates", "resent",
                       "connections", "first_url", "cursor", "seconds"};
    summary.rows.push_back({static_cast<int64_t>(counts->events), static_cast<int64_t>(counts->unreadable_events),
                            static_cast<int64_t>(counts->quarantined), static_cast<int64_t>(published.records), static_cast<int64_t>(published.stored),
                            static_cast<int64_t>(published.duplicates), static_cast<int64_t>(published.resent),
                            static_cast<int64_t>(counts->connections), counts->first_url, counts->cursor,
                            Seconds(started)});
    return Print(globals, {summary});
  }

  stream::InputPublishOptions input_options{.paths = arguments.paths};
  if (!arguments.as_format.empty()) {
    std::optional<Format> format = ParseFormat(arguments.as_format);
    if (!format) return Fail(InvalidArgument("--as " + arguments.as_format + " is not a format crowdlens reads"));
    input_options.forced_format = *format;
  }
  input_options.read.platform = arguments.platform;
  Result<stream::InputPublishCounts> counts = stream::PublishInputs(**publisher, input_options);
  if (!counts.ok()) return Fail(counts.status());
  const stream::PublishCounts& published = (*publisher)->counts();
  summary.columns = {"inputs", "skipped_inputs", "posts", "accounts", "edges", "deletions", "not_streamed",
                     "quarantined", "records", "stored", "duplicates", "resent", "seconds"};
  summary.rows.push_back({static_cast<int64_t>(counts->inputs), static_cast<int64_t>(counts->skipped_inputs),
                          static_cast<int64_t>(counts->posts), static_cast<int64_t>(counts->accounts),
                          static_cast<int64_t>(counts->edges), static_cast<int64_t>(counts->deletions),
                          static_cast<int64_t>(counts->not_streamed), static_cast<int64_t>(counts->quarantined),
                          static_cast<int64_t>(published.records), static_cast<int64_t>(published.stored),
                          static_cast<int64_t>(published.duplicates), static_cast<int64_t>(published.resent),
                          Seconds(started)});
  return Print(globals, {summary});
}

}  // namespace

void AddPublishCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "publish",
      "Publish records to a NATS JetStream stream for `crowdlens worker` to import: from INPUT files (any format "
      "`import` reads) or from a Bluesky Jetstream WebSocket (--jetstream, resuming at --cursor-file). Records are "
      "partitioned by account and de-duplicated by id, so publishing twice adds nothing.");
  auto arguments = std::make_shared<PublishArguments>();
  command->add_option("inputs", arguments->paths, "Files, folders or archives to publish");
  command->add_option("--as", arguments->as_format, "Force the input format instead of sniffing it");
  command->add_option("--platform", arguments->platform, "Platform of edge-list node ids (e.g. twitter)");
  command->add_option("--nats", arguments->nats, "NATS server URLs, comma-separated (the cluster's members)")
      ->capture_default_str();
  command->add_option("--stream", arguments->stream, "JetStream stream name (created when absent)")
      ->capture_default_str();
  command->add_option("--subject-prefix", arguments->subject_prefix, "Subjects are PREFIX.<partition>")
      ->capture_default_str();
  command->add_option("--partitions", arguments->partitions, "Partitions (subjects) records are spread over by account")
      ->capture_default_str();
  command->add_option("--replicas", arguments->replicas, "Stream replicas when creating it (3 on a 3-node cluster)")
      ->capture_default_str();
  command->add_option("--in-flight", arguments->in_flight, "Asynchronous publishes awaiting acknowledgement at most")
      ->capture_default_str();
  command->add_option("--jetstream", arguments->jetstream,
                      "Bluesky Jetstream URL, e.g. wss://jetstream2.us-east.bsky.network/subscribe");
  command->add_option("--cursor-file", arguments->cursor_file,
                      "Where the time_us of the last acknowledged event is kept (required with --jetstream)");
  command->add_option("--max-events", arguments->max_events, "Stop after this many Jetstream events (0: never)")
      ->capture_default_str();
  command->add_flag("--stop-at-close", arguments->stop_at_close,
                    "Stop when the Jetstream server closes the connection instead of reconnecting");
  AddOutputOption(*command, globals);
  command->callback([&globals, arguments] { globals.exit_code = Run(globals, *arguments); });
}

}  // namespace crowdlens::cli
