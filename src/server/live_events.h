// Live counts and alerts for /api/v1/events (server-sent events).
//
// A watch running inside the server (`crowdlens serve --watch FILE`)
// publishes each closed window and each alert here; every connected client
// receives them as they happen, and a client that connects late first gets
// the last `kBacklog` events so a dashboard opened mid-stream is not blank.
// Waiting clients wake at least every `keepalive` to send a comment line, so
// a dead connection is noticed and closed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "analyses/watch.h"

namespace crowdlens::server {

struct LiveEvent {
  uint64_t id = 0;
  std::string name;  // "window", "alert", "status"
  std::string json;  // one line
};

class LiveEvents {
 public:
  static constexpr size_t kBacklog = 200;

  void Publish(std::string name, std::string json);
  // A watch's event as "window" {window_start, window_end, posts, top_terms}
  // or "alert" {kind, item, count, baseline, z, window_start, window_end}.
  void PublishWatchEvent(const WatchEvent& event);

  // Events after `after_id`, waiting up to `wait` for one; empty on timeout or Close().
  std::vector<LiveEvent> Next(uint64_t after_id, std::chrono::milliseconds wait);
  // Wakes every waiting client and makes later calls return at once (server stopping).
  void Close();
  bool closed() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<LiveEvent> backlog_;
  uint64_t next_id_ = 1;
  bool closed_ = false;
};

// "event: NAME\nid: ID\ndata: JSON\n\n".
std::string FormatServerSentEvent(const LiveEvent& event);

}  // namespace crowdlens::server
