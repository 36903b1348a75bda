// `crowdlens worker`: a durable consumer of the NATS JetStream stream that imports what `publish`
// sent into a workspace, acknowledging each batch after its commit, and publishes live watch windows.
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <iostream>

#include "cli/command.h"
#include "core/time.h"
#include "stream/stream_worker.h"

namespace crowdlens::cli {
namespace {

std::atomic<bool> stop_requested{false};

extern "C" void RequestWorkerStop(int) { stop_requested.store(true); }

struct WorkerArguments {
  std::string nats = "nats://127.0.0.1:4222";
  std::string stream = "CROWDLENS";
  std::string subject_prefix = "crowdlens.posts";
  std::string durable = "crowdlens-workers";
  std::vector<int> partitions;
  int batch = 1000;
  int64_t ack_wait = 30;
  int64_t idle_exit = 0;
  std::string watch_subject = "crowdlens.watch";
  std::string window = "10m";
};

int Run(GlobalOptions& globals, const WorkerArguments& arguments, const std::string& command_line) {
  std::optional<int64_t> window = ParseDuration(arguments.window);
  if (!window) return Fail(InvalidArgument("--window \"" + arguments.window + "\" is not a duration; write 10m, 1h or 600"));
  if (arguments.ack_wait < 1) return Fail(InvalidArgument("--ack-wait must be at least 1 second"));
  Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, OpenMode::kCreate);
  if (!workspace.ok()) return Fail(workspace.status());
  std::vector<NamedQuery> queries;
  Result<Config> config = (*workspace)->LoadConfig();
  if (!config.ok()) return Fail(config.status());
  for (const SavedQuery& saved : config->queries) queries.push_back({.name = saved.name, .text = saved.query});

  std::signal(SIGINT, RequestWorkerStop);
  std::signal(SIGTERM, RequestWorkerStop);
  auto started = std::chrono::steady_clock::now();
  Result<stream::WorkerCounts> counts = stream::RunWorker(
      **workspace,
      {.urls = arguments.nats,
       .stream = {.name = arguments.stream, .subject_prefix = arguments.subject_prefix},
       .durable = arguments.durable,
       .partitions = arguments.partitions,
       .batch = arguments.batch,
       .ack_wait_seconds = arguments.ack_wait,
       .idle_exit_seconds = arguments.idle_exit,
       .watch_subject = arguments.watch_subject,
       .window_seconds = *window,
       .queries = queries,
       .arguments = command_line},
      &stop_requested);
  if (!counts.ok()) return Fail(counts.status());
  Table summary{.name = "worker", .title = "Worker " + arguments.durable + " stopped",
                .columns = {"messages", "redelivered", "bad_messages", "posts", "accounts", "edges", "deletions",
                            "batches", "windows", "alerts", "seconds"},
                .single_record = true};
  summary.rows.push_back({static_cast<int64_t>(counts->messages), static_cast<int64_t>(counts->redelivered),
                          static_cast<int64_t>(counts->bad_messages), static_cast<int64_t>(counts->posts),
                          static_cast<int64_t>(counts->accounts), static_cast<int64_t>(counts->edges),
                          static_cast<int64_t>(counts->deletions), static_cast<int64_t>(counts->batches),
                          static_cast<int64_t>(counts->windows), static_cast<int64_t>(counts->alerts),
                          std::round(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() *
                                     100) / 100});
  return Print(globals, {summary});
}

}  // namespace

void AddWorkerCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "worker",
      "Import from a NATS JetStream stream that `crowdlens publish` fills: a durable consumer (run any number with "
      "the same --durable to share the work) writes each fetched batch in one transaction and acknowledges it after "
      "the commit; closed watch windows are published on --watch-subject. Stops on Ctrl-C or --idle-exit.");
  auto arguments = std::make_shared<WorkerArguments>();
  command->add_option("--nats", arguments->nats, "NATS server URLs, comma-separated")->capture_default_str();
  command->add_option("--stream", arguments->stream, "JetStream stream name")->capture_default_str();
  command->add_option("--subject-prefix", arguments->subject_prefix, "Subjects are PREFIX.<partition>")
      ->capture_default_str();
  command->add_option("--durable", arguments->durable, "Durable consumer name shared by cooperating workers")
      ->capture_default_str();
  command->add_option("--partitions", arguments->partitions,
                      "Only these partitions (one consumer DURABLE-p<N> each); default: all");
  command->add_option("--batch", arguments->batch, "Messages per fetch and per transaction")->capture_default_str();
  command->add_option("--ack-wait", arguments->ack_wait, "Seconds before an unacknowledged message is redelivered")
      ->capture_default_str();
  command->add_option("--idle-exit", arguments->idle_exit, "Stop after this many seconds without a message (0: never)")
      ->capture_default_str();
  command->add_option("--watch-subject", arguments->watch_subject,
                      "Subject for the live watch windows and alerts (empty: none)")
      ->capture_default_str();
  command->add_option("--window", arguments->window, "Watch window length: 10m, 1h, 600 (seconds)")
      ->capture_default_str();
  AddOutputOption(*command, globals);
  command->callback([&globals, arguments] {
    globals.exit_code = Run(globals, *arguments, "worker --durable " + arguments->durable + " --nats " + arguments->nats);
  });
}

}  // namespace crowdlens::cli
