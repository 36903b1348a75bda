// Bluesky Jetstream into the stream: reads events from a Jetstream WebSocket,
// turns each into records with the Bluesky reader (ingest/bluesky_reader.h),
// publishes them (StreamPublisher) and, once the stream has acknowledged
// them, saves the last event's `time_us` to the cursor file. On start and on
// every reconnect it asks for `cursor=<saved time_us>`, so a publisher that
// died resumes where the stream's records end; the replayed overlap has the
// same message ids and is dropped as duplicates.
//
//   Result<RelayCounts> counts = RunJetstreamRelay(publisher, {.url = url, .cursor_file = "jetstream.cursor"}, &stop);
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "core/status.h"
#include "stream/stream_publisher.h"

namespace crowdlens::stream {

struct RelayOptions {
  std::string url;          // ws://HOST:PORT/subscribe?wantedCollections=...
  std::string cursor_file;  // required: where the resume point is kept
  int64_t max_events = 0;   // stop after this many events (0: no limit)
  bool stop_at_close = false;  // stop when the server closes, instead of reconnecting
  int64_t reconnect_seconds = 2;
  size_t chunk_events = 1000;  // events published before waiting for acknowledgements
};

struct RelayCounts {
  uint64_t events = 0;
  uint64_t unreadable_events = 0;  // not JSON or without time_us: published as quarantined
  uint64_t records = 0;
  uint64_t quarantined = 0;  // records published as quarantined, with their reasons
  uint64_t connections = 0;
  int64_t cursor = 0;  // the last saved time_us (0: none)
  std::string first_url;  // the URL of the first connection (with its cursor)
};

Result<RelayCounts> RunJetstreamRelay(StreamPublisher& publisher, const RelayOptions& options,
                                      const std::atomic<bool>* stop);

}  // namespace crowdlens::stream
