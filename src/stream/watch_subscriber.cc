#include "stream/watch_subscriber.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "stream/jetstream_connection.h"

namespace crowdlens::stream {
namespace {

constexpr size_t kMergedTerms = 8;

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream stream(text);
  for (std::string word; stream >> word;) words.push_back(word);
  return words;
}

}  // namespace

Result<std::unique_ptr<WatchSubscriber>> WatchSubscriber::Start(const std::string& urls, const std::string& subject,
                                                                Sink sink) {
  std::unique_ptr<WatchSubscriber> subscriber(new WatchSubscriber(std::move(sink)));
  natsOptions* options = nullptr;
  natsStatus status = natsOptions_Create(&options);
  if (status == NATS_OK) status = natsOptions_SetURL(options, urls.c_str());
  if (status == NATS_OK) status = natsOptions_SetMaxReconnect(options, -1);
  if (status == NATS_OK) status = natsOptions_SetReconnectWait(options, 250);
  if (status == NATS_OK) status = natsConnection_Connect(&subscriber->connection_, options);
  natsOptions_Destroy(options);
  if (status != NATS_OK) {
    return IoError("cannot connect to NATS at " + urls + " for the workers' live windows (" + NatsErrorText(status) +
                   "); is nats-server running?");
  }
  status = natsConnection_Subscribe(&subscriber->subscription_, subscriber->connection_, subject.c_str(),
                                    &WatchSubscriber::OnMessage, subscriber.get());
  if (status != NATS_OK) return IoError("cannot subscribe to " + subject + ": " + NatsErrorText(status));
  natsConnection_Flush(subscriber->connection_);
  return subscriber;
}

WatchSubscriber::~WatchSubscriber() {
  if (subscription_ != nullptr) {
    natsSubscription_Unsubscribe(subscription_);
    natsSubscription_Destroy(subscription_);
  }
  natsConnection_Destroy(connection_);
}

void WatchSubscriber::OnMessage(natsConnection*, natsSubscription*, natsMsg* message, void* closure) {
  static_cast<WatchSubscriber*>(closure)->Receive(
      std::string_view(natsMsg_GetData(message), static_cast<size_t>(natsMsg_GetDataLength(message))));
  natsMsg_Destroy(message);
}

void WatchSubscriber::Receive(std::string_view message) {
  nlohmann::json event = nlohmann::json::parse(message, nullptr, /*allow_exceptions=*/false);
  if (!event.is_object() || !event.contains("event") || !event["event"].is_string()) return;  // not a worker's
  std::string kind = event["event"].get<std::string>();
  auto text = [&](const char* key) {
    return event.contains(key) && event[key].is_string() ? event[key].get<std::string>() : std::string();
  };
  if (kind == "alert") {
    event.erase("event");
    event.erase("worker");
    sink_("alert", event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  if (kind != "window" || !event.contains("posts") || !event["posts"].is_number_integer()) return;
  std::string start = text("window_start");
  nlohmann::json merged_event;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    MergedWindow& merged = windows_[start];
    merged.window_end = text("window_end");
    // A worker reports a window once; a repeat (a restarted worker of the same id) replaces its count.
    int64_t& worker_posts = merged.posts_by_worker[text("worker")];
    merged.posts += event["posts"].get<int64_t>() - worker_posts;
    worker_posts = event["posts"].get<int64_t>();
    for (std::string& term : Words(text("top_terms"))) {
      if (merged.top_terms.size() < kMergedTerms &&
          std::find(merged.top_terms.begin(), merged.top_terms.end(), term) == merged.top_terms.end()) {
        merged.top_terms.push_back(std::move(term));
      }
    }
    std::string terms;
    for (const std::string& term : merged.top_terms) terms += (terms.empty() ? "" : " ") + term;
    merged_event = {{"window_start", start}, {"window_end", merged.window_end}, {"posts", merged.posts},
                    {"top_terms", terms}, {"workers", merged.posts_by_worker.size()}};
    while (windows_.size() > kWindowsKept) windows_.erase(windows_.begin());
  }
  sink_("window", merged_event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace crowdlens::stream
