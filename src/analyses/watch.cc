#include "analyses/watch.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "text/entities.h"
#include "text/tokens.h"

namespace crowdlens {
namespace {

int64_t FloorDiv(int64_t value, int64_t divisor) {
  int64_t quotient = value / divisor;
  return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

uint64_t KeyOf(const std::string& item) { return std::hash<std::string>{}(item); }

}  // namespace

const char* WatchEventKindName(WatchEvent::Kind kind) {
  switch (kind) {
    case WatchEvent::Kind::kQueryAlert:
      return "query";
    case WatchEvent::Kind::kTermAlert:
      return "term";
    case WatchEvent::Kind::kWindow:
      return "window";
  }
  return "window";
}

Result<std::unique_ptr<Watcher>> Watcher::Create(WatchOptions options) {
  if (options.window_seconds <= 0) return InvalidArgument("the watch window must be at least one second");
  Result<QuerySet> set = QuerySet::Compile(options.queries);
  if (!set.ok()) return set.status();
  return std::unique_ptr<Watcher>(new Watcher(std::move(options), std::move(*set)));
}

Watcher::Watcher(WatchOptions options, QuerySet set)
    : options_(std::move(options)),
      set_(std::make_unique<QuerySet>(std::move(set))),
      matcher_(std::make_unique<QueryMatcher>(*set_)),
      sketch_(options_.sketch_capacity),
      query_baselines_(set_->size()),
      query_counts_(set_->size(), 0) {}

double Watcher::ZScore(double count, const Baseline& baseline) const {
  double spread = std::max({std::sqrt(baseline.variance), std::sqrt(baseline.mean), 1.0});
  return (count - baseline.mean) / spread;
}

void Watcher::Update(Baseline& baseline, double count) const {
  // Exponentially weighted mean and variance (West 1979's incremental form).
  double weight = options_.smoothing;
  double difference = count - baseline.mean;
  baseline.mean += weight * difference;
  baseline.variance = (1 - weight) * (baseline.variance + weight * difference * difference);
}

void Watcher::SkipEmptyWindows(int64_t windows) {
  if (windows <= 0) return;
  for (int64_t step = 0; step < std::min<int64_t>(windows, 64); ++step) {
    for (Baseline& baseline : query_baselines_) Update(baseline, 0);
    for (auto& [key, baseline] : term_baselines_) Update(baseline, 0);
  }
  windows_closed_ += windows;
}

void Watcher::Add(const Post& post, std::string_view author_handle, std::vector<WatchEvent>& events) {
  int64_t window = FloorDiv(post.created_at, options_.window_seconds);
  if (!open_) {
    window_ = window;
    open_ = true;
  } else if (window > window_) {
    CloseWindow(events);
    SkipEmptyWindows(window - window_ - 1);
    window_ = window;
  }
  // A post of an earlier window (late or out of order) counts in the open one.
  ++posts_;
  ++window_posts_;
  for (uint32_t index : matcher_->Match({.text = post.text, .author_handle = author_handle, .lang = post.lang.value_or(""),
                                         .country = post.country_code.value_or("")})) {
    ++query_counts_[index];
  }
  std::vector<std::string> items;
  std::string lower;
  for (const std::string& tag : ExtractHashtags(post.text)) {
    text::NormaliseForMatching(tag, lower);
    items.push_back("#" + lower);
  }
  for (std::string& term : text::ExtractTerms(post.text)) items.push_back(std::move(term));
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  for (std::string& item : items) {
    uint64_t key = KeyOf(item);
    uint64_t evicted = 0;
    bool took_over = sketch_.Add(key, &evicted);
    if (took_over) names_.erase(evicted);
    // Names are kept only for keys the sketch holds, so they are bounded by its capacity.
    names_.try_emplace(key, std::move(item));
  }
}

void Watcher::CloseWindow(std::vector<WatchEvent>& events) {
  int64_t start = window_ * options_.window_seconds;
  int64_t end = start + options_.window_seconds;
  bool warm = static_cast<size_t>(windows_closed_) >= options_.warmup_windows;
  for (size_t index = 0; index < query_counts_.size(); ++index) {
    double count = static_cast<double>(query_counts_[index]);
    Baseline& baseline = query_baselines_[index];
    double z = ZScore(count, baseline);
    if (warm && query_counts_[index] >= options_.min_alert_count && z >= options_.alert_z) {
      events.push_back({.kind = WatchEvent::Kind::kQueryAlert, .window_start = start, .window_end = end,
                        .subject = set_->query(index).name, .count = query_counts_[index],
                        .baseline = baseline.mean, .z = z});
    }
    Update(baseline, count);
    query_counts_[index] = 0;
  }
  // Terms: the window's heavy hitters against their own history.
  std::vector<SpaceSaving::Counter> top = sketch_.Top(sketch_.size());
  std::string summary;
  std::vector<WatchEvent> term_alerts;
  std::unordered_map<uint64_t, double> this_window;
  for (const SpaceSaving::Counter& counter : top) {
    // count - error is a guaranteed lower bound: alerts never rest on an overestimate.
    this_window[counter.key] = static_cast<double>(counter.count - counter.error);
  }
  for (size_t rank = 0; rank < top.size(); ++rank) {
    const SpaceSaving::Counter& counter = top[rank];
    auto name = names_.find(counter.key);
    if (name == names_.end()) continue;
    if (rank < options_.top_terms) summary += (summary.empty() ? "" : " ") + name->second;
    double count = this_window[counter.key];
    auto found = term_baselines_.find(counter.key);
    Baseline baseline = found == term_baselines_.end() ? Baseline{} : found->second;
    double z = ZScore(count, baseline);
    if (warm && static_cast<int64_t>(count) >= options_.min_alert_count && z >= options_.alert_z) {
      term_alerts.push_back({.kind = WatchEvent::Kind::kTermAlert, .window_start = start, .window_end = end,
                             .subject = name->second, .count = static_cast<int64_t>(count),
                             .baseline = baseline.mean, .z = z});
    }
  }
  // A burst lifts many words of the same posts at once: the strongest few say it.
  std::stable_sort(term_alerts.begin(), term_alerts.end(),
                   [](const WatchEvent& a, const WatchEvent& b) { return a.z > b.z; });
  if (term_alerts.size() > options_.max_term_alerts) term_alerts.resize(options_.max_term_alerts);
  events.insert(events.end(), term_alerts.begin(), term_alerts.end());
  // Every remembered term ages by this window (zero when absent); strong new ones join.
  for (auto& [key, baseline] : term_baselines_) {
    auto counted = this_window.find(key);
    Update(baseline, counted == this_window.end() ? 0.0 : counted->second);
  }
  for (const auto& [key, count] : this_window) {
    if (count >= 2 && !term_baselines_.count(key)) {
      Baseline baseline;
      Update(baseline, count);
      term_baselines_.emplace(key, baseline);
    }
  }
  if (term_baselines_.size() > options_.baseline_capacity) {
    std::vector<std::pair<double, uint64_t>> by_mean;
    for (const auto& [key, baseline] : term_baselines_) by_mean.emplace_back(baseline.mean, key);
    size_t excess = term_baselines_.size() - options_.baseline_capacity;
    std::nth_element(by_mean.begin(), by_mean.begin() + static_cast<long>(excess), by_mean.end());
    for (size_t index = 0; index < excess; ++index) term_baselines_.erase(by_mean[index].second);
  }
  events.push_back({.kind = WatchEvent::Kind::kWindow, .window_start = start, .window_end = end,
                    .subject = summary, .count = window_posts_});
  sketch_.Clear();
  names_.clear();
  window_posts_ = 0;
  ++windows_closed_;
}

void Watcher::Finish(std::vector<WatchEvent>& events) {
  if (!open_) return;
  CloseWindow(events);
  open_ = false;
}

}  // namespace crowdlens
