#include "server/live_watch.h"

#include <nlohmann/json.hpp>

#include <memory>

#include "analyses/watch.h"
#include "analyses/watch_stream.h"

namespace crowdlens::server {

Status LiveWatch::Start(LiveWatchOptions options) {
  Result<std::unique_ptr<Watcher>> watcher =
      Watcher::Create({.queries = options.queries, .window_seconds = options.window_seconds});
  if (!watcher.ok()) return watcher.status();
  thread_ = std::thread([this, options = std::move(options), watcher = std::move(*watcher)]() mutable {
    PostStream stream({.path = options.path, .follow = !options.replay, .speed = options.speed});
    std::vector<WatchEvent> found;
    auto publish = [&] {
      for (const WatchEvent& event : found) events_.PublishWatchEvent(event);
      found.clear();
    };
    Status status = stream.Run(
        [&](const Post& post, std::string_view handle) {
          watcher->Add(post, handle, found);
          publish();
        },
        &stop_);
    watcher->Finish(found);
    publish();
    nlohmann::json state = {{"state", status.ok() ? "finished" : "failed"},
                            {"posts", stream.stats().posts},
                            {"windows", watcher->windows()}};
    if (!status.ok()) state["message"] = status.message();
    events_.Publish("status", state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  });
  return Status::Ok();
}

void LiveWatch::Stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

}  // namespace crowdlens::server
