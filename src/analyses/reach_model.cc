#include "analyses/reach_model.h"

#include <algorithm>
#include <cmath>

namespace crowdlens {

double HourOfWeek(int64_t unix_seconds) {
  constexpr int64_t kWeek = int64_t{kHoursPerWeek} * 3600;
  // 1970-01-01 was a Thursday, so Monday 00:00 UTC is 3 days after the epoch's week start.
  constexpr int64_t kMondayOffset = 4 * 86400;
  int64_t into_week = ((unix_seconds - kMondayOffset) % kWeek + kWeek) % kWeek;
  return static_cast<double>(into_week) / 3600.0;
}

ActiveHours ActiveHours::Flat() {
  std::array<double, kHoursPerWeek> ones;
  ones.fill(1.0);
  return FromWeights(ones);
}

ActiveHours ActiveHours::FromWeights(std::span<const double> weights) {
  double total = 0;
  for (size_t hour = 0; hour < kHoursPerWeek && hour < weights.size(); ++hour) total += std::max(0.0, weights[hour]);
  ActiveHours hours;
  for (int hour = 0; hour < kHoursPerWeek; ++hour) {
    double weight = static_cast<size_t>(hour) < weights.size() ? std::max(0.0, weights[hour]) : 0.0;
    hours.share_[hour] = total > 0 ? weight / total : 1.0 / kHoursPerWeek;
    hours.cumulative_[hour + 1] = hours.cumulative_[hour] + hours.share_[hour];
  }
  return hours;
}

double ActiveHours::ShareBetween(double from, double hours) const {
  hours = std::clamp(hours, 0.0, static_cast<double>(kHoursPerWeek));
  from = std::fmod(from, kHoursPerWeek);
  if (from < 0) from += kHoursPerWeek;
  // The cumulative share up to hour x of the week (0 <= x <= 168), linear within an hour.
  auto up_to = [this](double x) {
    int whole = std::min(static_cast<int>(x), kHoursPerWeek - 1);
    return cumulative_[whole] + (x - whole) * share_[whole];
  };
  double to = from + hours;
  if (to <= kHoursPerWeek) return up_to(to) - up_to(from);
  return (cumulative_[kHoursPerWeek] - up_to(from)) + up_to(to - kHoursPerWeek);
}

double VisibilityWindowHours(double inflow_per_hour, double posts_per_session, double max_hours) {
  if (!(inflow_per_hour > 0)) return max_hours;
  return std::min(posts_per_session / inflow_per_hour, max_hours);
}

double SeenProbability(const ActiveHours& hours, double hour_of_week, double window_hours, double sessions_per_week) {
  double catch_share = std::clamp(hours.ShareBetween(hour_of_week, window_hours), 0.0, 1.0);
  return 1.0 - std::pow(1.0 - catch_share, sessions_per_week);
}

}  // namespace crowdlens
