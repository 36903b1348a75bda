// The post stream `crowdlens watch` reads: a growing JSON-lines file (followed
// like `tail -f`, surviving truncation and rotation), standard input, or a
// finished file replayed at a chosen speed. Each line is read by the same
// readers as `crowdlens import` (ingest/read_input.h), the format sniffed on
// the first line that is social data and kept after.
//
// A line may carry embedded posts (a retweet holds its original): only the
// line's own posts are passed on (those no other post of the line retweets or
// quotes), and a post id seen among the last 100,000 is passed on once.
//
//   PostStream stream({.path = "live.jsonl", .follow = true});
//   Status status = stream.Run([&](const Post& post, std::string_view handle) { ... }, &stop_flag);
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/status.h"
#include "ingest/format.h"
#include "model/post.h"

namespace crowdlens {

struct PostStreamOptions {
  std::string path = "-";   // "-" reads standard input
  bool follow = false;      // at the end of a file, wait for more (tail -f)
  double speed = 0;         // replay: post time runs this many times faster than real time; 0 = no pacing
  double max_pause_seconds = 2.0;  // longest wait between two replayed posts
  int poll_milliseconds = 250;     // how often a followed file is checked for growth
  size_t max_line_bytes = size_t{16} << 20;  // longer lines are skipped (and counted)
};

struct PostStreamStats {
  int64_t lines = 0;
  int64_t posts = 0;
  int64_t skipped_lines = 0;  // not social data, unreadable or too long
  Format format = Format::kUnknown;
};

class PostStream {
 public:
  using Visitor = std::function<void(const Post& post, std::string_view author_handle)>;

  explicit PostStream(PostStreamOptions options) : options_(std::move(options)) {}

  // Reads until the end of the input (or, when following, until `stop` is set).
  Status Run(const Visitor& visit, const std::atomic<bool>* stop = nullptr);

  const PostStreamStats& stats() const { return stats_; }

 private:
  void HandleLine(std::string_view line, const Visitor& visit);
  Status FollowDescriptor(int descriptor, bool is_stdin, const Visitor& visit, const std::atomic<bool>* stop);

  PostStreamOptions options_;
  PostStreamStats stats_;
  std::unordered_set<std::string> recent_ids_;
  std::deque<std::string> recent_order_;
  int64_t previous_time_ = 0;
};

}  // namespace crowdlens
