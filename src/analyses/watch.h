// Live watch: windowed counts over a stream of posts, with alerts when a
// saved query's volume or a term bursts, in memory that stays bounded however
// long the stream runs.
//
// Time is the posts' own (event time): windows of `window_seconds` close when
// a post of a later window arrives (or at the end of the input). Per window:
// - each saved query's count (one pass of the compiled QuerySet);
// - the window's heavy-hitter terms and hashtags in a Space-Saving sketch
//   (sketch.h) of fixed capacity, so no per-term table grows with the stream.
// A count alerts when it reaches `min_alert_count` and its z-score against an
// exponentially weighted mean and variance of the previous windows reaches
// `alert_z` (sd floored at sqrt(mean) and 1, the Poisson spread). Term
// baselines are kept for at most `baseline_capacity` terms, the weakest
// forgotten first. Alerts start after `warmup_windows` windows of history.
//
//   Result<std::unique_ptr<Watcher>> watcher = Watcher::Create({.queries = saved});
//   std::vector<WatchEvent> events;
//   (*watcher)->Add(post, "bob", events);   // events of the windows this post closed
//   (*watcher)->Finish(events);      // closes the last window
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyses/query_matcher.h"
#include "analyses/sketch.h"
#include "core/status.h"
#include "model/post.h"

namespace crowdlens {

struct WatchOptions {
  std::vector<NamedQuery> queries;  // the saved queries to watch
  int64_t window_seconds = 600;
  size_t sketch_capacity = 2000;    // Space-Saving counters per window
  size_t baseline_capacity = 5000;  // terms whose history is kept
  double alert_z = 4.0;
  int64_t min_alert_count = 5;
  double smoothing = 0.3;           // weight of the newest window in the moving mean
  size_t warmup_windows = 3;
  size_t top_terms = 5;             // terms named in each window summary
  size_t max_term_alerts = 5;       // term alerts per window, strongest first
};

struct WatchEvent {
  enum class Kind { kQueryAlert, kTermAlert, kWindow };
  Kind kind = Kind::kWindow;
  int64_t window_start = 0;
  int64_t window_end = 0;
  std::string subject;     // query name, term, or (window) the top terms
  int64_t count = 0;       // posts in the window (query, window) or term count (lower bound)
  double baseline = 0;     // moving mean of previous windows
  double z = 0;
};

const char* WatchEventKindName(WatchEvent::Kind kind);  // "query", "term", "window"

class Watcher {
 public:
  static Result<std::unique_ptr<Watcher>> Create(WatchOptions options);

  // Counts a post by `author_handle` (lower case, for from: fields); appends
  // the events of any window it closed.
  void Add(const Post& post, std::string_view author_handle, std::vector<WatchEvent>& events);
  // Closes the open window (end of input).
  void Finish(std::vector<WatchEvent>& events);

  int64_t posts() const { return posts_; }
  int64_t windows() const { return windows_closed_; }
  // What is held in memory, for checking that it stays bounded.
  size_t term_names_held() const { return names_.size(); }
  size_t baselines_held() const { return term_baselines_.size(); }
  const SpaceSaving& sketch() const { return sketch_; }

 private:
  struct Baseline {
    double mean = 0;
    double variance = 0;
  };

  explicit Watcher(WatchOptions options, QuerySet set);
  void CloseWindow(std::vector<WatchEvent>& events);
  // Ages every baseline by `windows` empty windows.
  void SkipEmptyWindows(int64_t windows);
  double ZScore(double count, const Baseline& baseline) const;
  void Update(Baseline& baseline, double count) const;

  WatchOptions options_;
  std::unique_ptr<QuerySet> set_;
  std::unique_ptr<QueryMatcher> matcher_;
  SpaceSaving sketch_;
  std::unordered_map<uint64_t, std::string> names_;  // only the keys the sketch holds
  std::unordered_map<uint64_t, Baseline> term_baselines_;
  std::vector<Baseline> query_baselines_;
  std::vector<int64_t> query_counts_;
  int64_t window_ = 0;  // index of the open window (start / window_seconds)
  bool open_ = false;
  int64_t window_posts_ = 0;
  int64_t posts_ = 0;
  int64_t windows_closed_ = 0;
};

}  // namespace crowdlens
