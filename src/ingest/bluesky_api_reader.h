// Bluesky public API (XRPC) responses, as saved from the AppView:
//   app.bsky.actor.getProfile      a profileViewDetailed             -> the Account with its counts
//   app.bsky.graph.getFollowers    {"subject", "followers": [...]}  -> edges follower -> subject
//   app.bsky.graph.getFollows      {"subject", "follows": [...]}    -> edges subject -> follow
//   app.bsky.feed.getAuthorFeed    {"feed": [{"post", "reply"?, "reason"?}]}
//   app.bsky.feed.searchPosts      {"posts": [postView]}
// and a bare postView. A postView's counts become the post's metrics
// (replies, reposts as retweets, likes, quotes). A feed item whose reason is
// app.bsky.feed.defs#reasonRepost is also a repost: a Post by reason.by with
// retweet_of_id = the post's URI and platform_id = that URI + "#repost/" + by's
// DID (the response does not name the repost record). The full posts of a
// reply's root and parent that a feed item carries are kept too.
//
// A response names no fetch time, so its profiles and edges are dated by the
// import time, as the v1.1 reader dates user objects; posts by their
// createdAt (else indexedAt). One bad element of feed, posts, followers or
// follows is set aside for the quarantine and the rest of the page is kept.
#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/batch_emitter.h"
#include "ingest/bluesky_records.h"
#include "ingest/json_records.h"
#include "ingest/read_options.h"

namespace crowdlens::bluesky {

// The top-level fields of one response, read as they come; Finish() emits.
class ApiResponse {
 public:
  ApiResponse(const ReadOptions& options, BatchEmitter& emitter, std::vector<ElementFailure>& failures)
      : options_(options), emitter_(emitter), failures_(failures) {}

  // Reads one top-level field other than "did"; false when no response shape has it.
  bool ReadField(std::string_view key, simdjson::ondemand::value item);

  // Emits what the response held (`did` is its top-level "did", if any);
  // throws RecordError when it was none of the shapes above.
  void Finish(const std::optional<std::string>& did);

 private:
  struct PostView {
    std::optional<std::string> uri, indexed_at;
    std::optional<Account> author;
    std::optional<RecordFields> record;
    PostMetrics metrics;
  };

  bool ReadPostViewField(std::string_view key, simdjson::ondemand::value item, PostView& view);
  PostView ReadPostView(simdjson::ondemand::value item);
  void EmitPostView(const PostView& view);
  void ReadFeedItem(simdjson::ondemand::value item);
  void ReadProfileList(simdjson::ondemand::value list, std::vector<Account>& out);
  template <typename Body>
  void ReadElement(simdjson::ondemand::value element, Body body);

  const ReadOptions& options_;
  BatchEmitter& emitter_;
  std::vector<ElementFailure>& failures_;
  Account profile_;  // getProfile: the response is the profile
  bool has_profile_fields_ = false;
  PostView view_;  // a bare postView
  std::optional<Account> subject_;
  std::vector<Account> followers_, follows_;
  bool has_followers_ = false, has_follows_ = false, has_feed_ = false, has_posts_ = false;
  std::optional<std::string> error_;  // an XRPC error response {"error", "message"}
};

}  // namespace crowdlens::bluesky
