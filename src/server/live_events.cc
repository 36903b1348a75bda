#include "server/live_events.h"

#include <nlohmann/json.hpp>

#include <cmath>

#include "core/time.h"

namespace crowdlens::server {

void LiveEvents::Publish(std::string name, std::string json) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    backlog_.push_back({.id = next_id_++, .name = std::move(name), .json = std::move(json)});
    if (backlog_.size() > kBacklog) backlog_.pop_front();
  }
  changed_.notify_all();
}

void LiveEvents::PublishWatchEvent(const WatchEvent& event) {
  nlohmann::json body;
  body["window_start"] = FormatTimestamp(event.window_start);
  body["window_end"] = FormatTimestamp(event.window_end);
  if (event.kind == WatchEvent::Kind::kWindow) {
    body["posts"] = event.count;
    body["top_terms"] = event.subject;
    Publish("window", body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  body["kind"] = WatchEventKindName(event.kind);
  body["item"] = event.subject;
  body["count"] = event.count;
  // Three decimals, as `crowdlens watch` prints them: a moving mean can be 1e-16 after quiet windows.
  body["baseline"] = std::round(event.baseline * 1000) / 1000;
  body["z"] = std::round(event.z * 1000) / 1000;
  Publish("alert", body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::vector<LiveEvent> LiveEvents::Next(uint64_t after_id, std::chrono::milliseconds wait) {
  std::unique_lock<std::mutex> lock(mutex_);
  auto has_newer = [&] { return closed_ || (!backlog_.empty() && backlog_.back().id > after_id); };
  changed_.wait_for(lock, wait, has_newer);
  std::vector<LiveEvent> events;
  if (closed_) return events;
  for (const LiveEvent& event : backlog_) {
    if (event.id > after_id) events.push_back(event);
  }
  return events;
}

void LiveEvents::Close() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool LiveEvents::closed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return closed_;
}

std::string FormatServerSentEvent(const LiveEvent& event) {
  return "event: " + event.name + "\nid: " + std::to_string(event.id) + "\ndata: " + event.json + "\n\n";
}

}  // namespace crowdlens::server
