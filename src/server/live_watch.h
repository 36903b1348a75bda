// A watch running inside the server: follows (or replays) a JSON-lines file
// of posts on its own thread, with the same Watcher as `crowdlens watch`,
// and publishes every closed window and alert to LiveEvents for
// /api/v1/events. When a replay ends or the file cannot be read, a "status"
// event says so.
//
//   LiveWatch watch(events);
//   watch.Start({.path = "stream.jsonl", .replay = true, .speed = 600});
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "analyses/query_matcher.h"
#include "core/status.h"
#include "server/live_events.h"

namespace crowdlens::server {

struct LiveWatchOptions {
  std::string path;
  bool replay = false;    // read to the end and stop, instead of following the file's growth
  double speed = 0;       // replay pacing: post time runs this many times faster (0: no pacing)
  int64_t window_seconds = 600;
  std::vector<NamedQuery> queries;
};

class LiveWatch {
 public:
  explicit LiveWatch(LiveEvents& events) : events_(events) {}
  ~LiveWatch() { Stop(); }
  LiveWatch(const LiveWatch&) = delete;
  LiveWatch& operator=(const LiveWatch&) = delete;

  // Checks the queries and starts the thread.
  Status Start(LiveWatchOptions options);
  void Stop();

 private:
  LiveEvents& events_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace crowdlens::server
