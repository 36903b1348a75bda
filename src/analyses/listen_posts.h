// Reading posts out of the workspace for listening and trends: one streaming
// pass in time order with the author's handle, so a large workspace is never
// held in memory.
//
//   Status status = ForEachPost(db, {.from = start, .to = end}, [&](const PostRecord& post) {
//     ... post.text, post.author_handle ...
//     return Status::Ok();
//   });
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/status.h"
#include "store/sqlite.h"

namespace crowdlens {

struct PostRecord {
  int64_t post_key = 0;
  std::string platform;
  std::string platform_id;
  int64_t created_at = 0;
  std::string text;
  std::string lang;     // empty when unknown
  std::string country;  // empty when not geotagged
  bool is_retweet = false;
  int64_t author_key = 0;
  std::string author_handle;  // lower case; empty when unknown
  std::string author_display; // the handle as written, else the profile name, else the platform id
  std::optional<int64_t> reply_to_account_key;
  int64_t retweet_count = 0;  // as the platform reported it (0 when unknown)
};

struct PostScan {
  std::optional<int64_t> from;  // inclusive, Unix seconds
  std::optional<int64_t> to;    // exclusive
  bool include_retweets = true;
};

// Calls `visit` for each post of the period in created_at order; stops at the first failed Status.
Status ForEachPost(Database& db, const PostScan& scan, const std::function<Status(const PostRecord&)>& visit);

// The earliest and latest created_at of the period's posts; nullopt when it has none.
Result<std::optional<std::pair<int64_t, int64_t>>> PostSpan(Database& db, const PostScan& scan);

}  // namespace crowdlens
