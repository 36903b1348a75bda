// The workers' live trends, merged: subscribes to the subject workers
// publish their watch windows and alerts on (stream_worker.h) and hands each
// on as a live event for the dashboard (`crowdlens serve --watch-nats`).
//
// Each worker counts only the posts it imported, so a window's volume is the
// sum over workers. Every worker's window arriving updates the merged window
// for that start time, which is handed on with the running total: the last
// "window" event of a start time carries the whole stream's count (and the
// number of workers that reported it). Alerts are handed on as they come.
// Merged windows are kept for the last `kWindowsKept` start times.
//
//   auto subscriber = WatchSubscriber::Start(urls, "crowdlens.watch",
//                                            [&](const std::string& name, const std::string& json) { ... });
#pragma once

#include <nats/nats.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "core/status.h"

namespace crowdlens::stream {

class WatchSubscriber {
 public:
  static constexpr size_t kWindowsKept = 1000;
  // Receives ("window" | "alert", one-line JSON) with the server's live-event fields.
  using Sink = std::function<void(const std::string& name, const std::string& json)>;

  static Result<std::unique_ptr<WatchSubscriber>> Start(const std::string& urls, const std::string& subject,
                                                        Sink sink);
  ~WatchSubscriber();
  WatchSubscriber(const WatchSubscriber&) = delete;
  WatchSubscriber& operator=(const WatchSubscriber&) = delete;

  // Merges one worker's message (what the subscription calls; public for tests).
  void Receive(std::string_view message);

 private:
  struct MergedWindow {
    std::string window_end;
    int64_t posts = 0;
    std::map<std::string, int64_t> posts_by_worker;
    std::vector<std::string> top_terms;
  };

  explicit WatchSubscriber(Sink sink) : sink_(std::move(sink)) {}
  static void OnMessage(natsConnection*, natsSubscription*, natsMsg* message, void* closure);

  Sink sink_;
  std::mutex mutex_;
  std::map<std::string, MergedWindow> windows_;  // by window_start (ISO 8601, so ordered by time)
  natsConnection* connection_ = nullptr;
  natsSubscription* subscription_ = nullptr;
};

}  // namespace crowdlens::stream
