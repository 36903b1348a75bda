// A worker: a durable pull consumer of the stream that writes what it
// fetches into a workspace and keeps the live trend sketches.
//
// Each fetch (up to `batch` messages) is decoded into one Batch, written by
// the store's BatchWriter in one transaction, and only then acknowledged. A
// worker killed before its acks is redelivered its messages after `ack_wait`
// (to itself when it comes back, or to another worker of the same durable),
// and the idempotent upserts make the second write change nothing: each
// record takes effect exactly once. Any number of workers with the same
// durable name share the stream; SQLite serialises their writers when they
// share a workspace (the store's busy timeout).
//
// Each post written is also counted by a Watcher (analyses/watch.h); every
// closed window and alert is published on `watch_subject` as one JSON
// object, the same fields as the server's live events, so a dashboard or
// `nats sub` sees the trends of the whole stream as workers import it.
//
//   std::atomic<bool> stop{false};
//   Result<WorkerCounts> counts = RunWorker(*workspace, {.urls = url, .durable = "importers"}, &stop);
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analyses/query_matcher.h"
#include "analyses/watch.h"
#include "store/workspace.h"
#include "stream/jetstream_connection.h"

namespace crowdlens::stream {

struct WorkerOptions {
  std::string urls;
  StreamConfig stream;
  std::string durable = "crowdlens-workers";
  std::vector<int> partitions;   // empty: every partition; else one consumer <durable>-p<N> per partition
  int batch = 1000;              // messages per fetch and per transaction
  int64_t ack_wait_seconds = 30; // redelivery delay of unacknowledged messages
  int64_t idle_exit_seconds = 0; // stop after this long without a message; 0: run until stopped
  std::string watch_subject = "crowdlens.watch";  // empty: publish no windows
  int64_t window_seconds = 600;
  std::vector<NamedQuery> queries;
  std::string arguments;  // recorded with the import run
  // Called after each committed and acknowledged batch (tests use it).
  std::function<void(uint64_t messages)> after_batch;
};

struct WorkerCounts {
  uint64_t messages = 0;
  uint64_t redelivered = 0;  // messages delivered more than once (a worker died before acking)
  uint64_t bad_messages = 0; // not a crowdlens record: quarantined and terminated
  uint64_t posts = 0, accounts = 0, edges = 0, deletions = 0;
  uint64_t batches = 0;
  uint64_t windows = 0;  // watch windows closed and published
  uint64_t alerts = 0;
};

// Runs until `stop` is set, `idle_exit_seconds` pass without a message, or
// an error that waiting cannot mend (the workspace cannot be written).
Result<WorkerCounts> RunWorker(Workspace& workspace, const WorkerOptions& options, const std::atomic<bool>* stop);

// The JSON object published for a watch event: {"event": "window"|"alert", "worker": "<durable>@<host>:<pid>",
// and the server's live-event fields}; watch_subscriber.h merges them.
std::string WatchEventJson(const WatchEvent& event, const std::string& worker);

}  // namespace crowdlens::stream
