#include "analyses/influence_weekly.h"

#include <cmath>
#include <limits>
#include <set>

namespace crowdlens {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kWeek = 7 * kDay;
// 1970-01-01 was a Thursday: Mondays fall 4 days after each multiple of 7 days.
constexpr int64_t kFirstMonday = 4 * kDay;

int64_t FloorDiv(int64_t value, int64_t divisor) {
  int64_t quotient = value / divisor;
  return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

}  // namespace

int64_t WeekStart(int64_t at) { return FloorDiv(at - kFirstMonday, kWeek) * kWeek + kFirstMonday; }

std::string DescribeTrend(const std::vector<WeeklyScore>& weeks, int64_t quiet_weeks) {
  if (weeks.empty()) return "no weeks with activity in the range";
  const long first = std::lround(weeks.front().score.score);
  const long last = std::lround(weeks.back().score.score);
  const int64_t total = static_cast<int64_t>(weeks.size()) + quiet_weeks;
  std::string span = total == 1 ? "in 1 week" : "over " + std::to_string(total) + " weeks";
  if (quiet_weeks > 0) span += " (" + std::to_string(weeks.size()) + " with activity)";
  if (first == last) return "score held at " + std::to_string(first) + " " + span;
  return std::string("score ") + (last > first ? "rose" : "slid") + " from " + std::to_string(first) + " to " +
         std::to_string(last) + " " + span;
}

WeeklyTrend WeeklyScores(const InfluenceAnalysis& analysis, uint32_t account, TimeWindow range) {
  const WorkspaceActivity& activity = analysis.activity;
  if (range.since >= range.until) {
    range = {.since = std::numeric_limits<int64_t>::min() / 2, .until = std::numeric_limits<int64_t>::max() / 2};
  }
  // The weeks in which the account did or received something.
  std::set<int64_t> active_weeks;
  for (const PostRecord& post : activity.posts) {
    if (post.author == account && range.Contains(post.created_at)) active_weeks.insert(WeekStart(post.created_at));
  }
  std::set<int64_t> attended_weeks;
  for (const AttentionEvent& event : activity.events) {
    if (event.target == account && !event.imported && range.Contains(event.at)) {
      active_weeks.insert(WeekStart(event.at));
      attended_weeks.insert(WeekStart(event.at));
    }
  }
  WeeklyTrend trend;
  if (!active_weeks.empty()) {
    trend.quiet_weeks =
        (*active_weeks.rbegin() - *active_weeks.begin()) / kWeek + 1 - static_cast<int64_t>(active_weeks.size());
  }
  for (int64_t week : active_weeks) {
    WeeklyScore weekly{.week_start = week};
    TimeWindow window{.since = std::max(week, range.since), .until = std::min(week + kWeek, range.until)};
    std::vector<InfluenceCounts> counts = CountInWindow(activity, window);
    weekly.counts = counts[account];
    if (attended_weeks.count(week) > 0) {
      LayerRanks layers = RankWindowLayers(activity, window);
      std::vector<InfluenceScore> scores = ScorePopulation(ComponentValues(counts, layers), WindowComponents());
      weekly.score = scores[account];
      for (const InfluenceScore& score : scores) weekly.active_accounts += score.score > 0 ? 1 : 0;
    } else {
      // Nothing received: every window component is 0, and so is the score; only the weights are shown.
      ComponentMask in_use = WindowComponents();
      double weight_in_use = 0;
      for (const ScoreComponentSpec& spec : kScoreComponents) weight_in_use += in_use[spec.component] ? spec.weight : 0;
      for (const ScoreComponentSpec& spec : kScoreComponents) {
        weekly.score.components[spec.component].weight = in_use[spec.component] ? spec.weight / weight_in_use : 0;
      }
    }
    trend.weeks.push_back(std::move(weekly));
  }
  trend.summary = DescribeTrend(trend.weeks, trend.quiet_weeks);
  return trend;
}

}  // namespace crowdlens
