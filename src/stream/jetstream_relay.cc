#include "stream/jetstream_relay.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <thread>
#include <vector>

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/bluesky_reader.h"
#include "stream/cursor_file.h"
#include "stream/partition.h"
#include "stream/websocket_client.h"

namespace crowdlens::stream {
namespace {

std::optional<int64_t> TimeUs(const std::string& event) {
  nlohmann::json object = nlohmann::json::parse(event, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) return std::nullopt;
  auto found = object.find("time_us");
  if (found == object.end() || !found->is_number_integer()) return std::nullopt;
  return found->get<int64_t>();
}

// The event's records, through the same reader `crowdlens import` uses. What
// the reader quarantines, and an event that is not one, is published too, so
// the worker keeps it in the workspace's quarantine with its reason.
Status PublishEvent(StreamPublisher& publisher, const std::string& event, std::optional<int64_t> time_us,
                    RelayCounts& counts) {
  // Named by the event's time, or by a hash of an unreadable one, so each keeps its own quarantine row.
  InputSource source{.name = time_us ? fmt::format("jetstream time_us={}", *time_us)
                                     : fmt::format("jetstream event {:016x}", Fnv1a64(event))};
  InputBuffer buffer = InputBuffer::FromString(event);
  Status sent = Status::Ok();
  auto sink = [&](Batch&& batch) -> Status {
    counts.records += batch.accounts.size() + batch.posts.size() + batch.edges.size() + batch.deletions.size();
    counts.quarantined += batch.quarantined.size();
    return publisher.AddBatch(std::move(batch));
  };
  BatchEmitter emitter(sink);
  if (!time_us) {
    emitter.Quarantine(source.name, 0, 0,
                       "not a Jetstream event: expected a JSON object with an integer time_us; "
                       "is the URL a Jetstream /subscribe endpoint?",
                       event);
    return emitter.Finish();
  }
  return ReadBluesky(source, buffer, ReadOptions{}, emitter);
}

}  // namespace

Result<RelayCounts> RunJetstreamRelay(StreamPublisher& publisher, const RelayOptions& options,
                                      const std::atomic<bool>* stop) {
  if (options.cursor_file.empty()) return InvalidArgument("--jetstream needs --cursor-file FILE to resume from");
  RelayCounts counts;
  Result<std::optional<int64_t>> saved = ReadCursor(options.cursor_file);
  if (!saved.ok()) return saved.status();
  std::optional<int64_t> cursor = *saved;
  auto stopped = [&] { return stop != nullptr && stop->load(); };
  auto limit_reached = [&] { return options.max_events > 0 && counts.events >= static_cast<uint64_t>(options.max_events); };

  while (!stopped() && !limit_reached()) {
    std::string url = cursor ? WithCursor(options.url, *cursor) : options.url;
    if (counts.connections == 0) counts.first_url = url;
    ++counts.connections;
    Result<std::unique_ptr<WebSocketClient>> socket = WebSocketClient::Connect(url);
    if (!socket.ok()) return socket.status();
    std::vector<std::string> messages;
    std::optional<int64_t> unsaved;  // time_us of the newest event published but not yet acknowledged
    size_t unsaved_events = 0;
    auto save = [&]() -> Status {
      if (!unsaved) return Status::Ok();
      CROWDLENS_RETURN_IF_ERROR(publisher.Flush());
      CROWDLENS_RETURN_IF_ERROR(SaveCursor(options.cursor_file, *unsaved));
      cursor = unsaved;
      counts.cursor = *unsaved;
      unsaved.reset();
      unsaved_events = 0;
      return Status::Ok();
    };
    bool open = true;
    while (open && !stopped() && !limit_reached()) {
      open = (*socket)->Poll(messages, 100);
      for (const std::string& event : messages) {
        if (limit_reached()) break;
        std::optional<int64_t> time_us = TimeUs(event);
        CROWDLENS_RETURN_IF_ERROR(PublishEvent(publisher, event, time_us, counts));
        if (!time_us) {
          ++counts.unreadable_events;
          continue;
        }
        ++counts.events;
        ++unsaved_events;
        unsaved = time_us;
      }
      bool drained = messages.empty();
      messages.clear();
      // Acknowledge and save when the chunk is full or the socket has nothing more for now.
      if (unsaved_events >= options.chunk_events || drained) CROWDLENS_RETURN_IF_ERROR(save());
    }
    CROWDLENS_RETURN_IF_ERROR(save());
    if (!open) {
      if (!(*socket)->established() && counts.events == 0 && options.stop_at_close) {
        return IoError("cannot connect to Jetstream at " + url + ": " + (*socket)->error());
      }
      if (options.stop_at_close) break;
      std::this_thread::sleep_for(std::chrono::seconds(options.reconnect_seconds));
    }
  }
  return counts;
}

}  // namespace crowdlens::stream
