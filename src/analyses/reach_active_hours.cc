#include "analyses/reach_active_hours.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace crowdlens {
namespace {

// Relative activity per local hour, 0:00 to 23:00 (the shape described in the header; sums to 19.27).
constexpr std::array<double, 24> kDailyActivity = {
    0.70, 0.45, 0.30, 0.20, 0.15, 0.17, 0.30, 0.55, 0.80, 0.90, 0.95, 1.00,  // 0:00-11:59
    1.05, 1.00, 0.95, 0.95, 1.00, 1.05, 1.10, 1.15, 1.20, 1.25, 1.15, 0.95,  // 12:00-23:59
};

struct CountryOffset {
  std::string_view country;
  double hours;
};

// Standard time (no daylight saving), from the IANA time zone database. For
// countries with several zones, the zone of the largest population: AU
// Sydney/Melbourne, BR Sao Paulo, CA Toronto/Montreal, ID Jakarta, MX Mexico
// City, RU Moscow, US Eastern.
// clang-format off
constexpr CountryOffset kCountryOffsets[] = {
    {"AE", 4},  {"AR", -3}, {"AT", 1},   {"AU", 10}, {"BD", 6},  {"BE", 1},  {"BG", 2},  {"BR", -3},
    {"CA", -5}, {"CH", 1},  {"CL", -4},  {"CN", 8},  {"CO", -5}, {"CZ", 1},  {"DE", 1},  {"DK", 1},
    {"EG", 2},  {"ES", 1},  {"FI", 2},   {"FR", 1},  {"GB", 0},  {"GH", 0},  {"GR", 2},  {"HK", 8},
    {"HU", 1},  {"ID", 7},  {"IE", 0},   {"IL", 2},  {"IN", 5.5}, {"IT", 1}, {"JP", 9},  {"KE", 3},
    {"KR", 9},  {"MX", -6}, {"MY", 8},   {"NG", 1},  {"NL", 1},  {"NO", 1},  {"NZ", 12}, {"PE", -5},
    {"PH", 8},  {"PK", 5},  {"PL", 1},   {"PT", 0},  {"RO", 2},  {"RU", 3},  {"SA", 3},  {"SE", 1},
    {"SG", 8},  {"TH", 7},  {"TR", 3},   {"TW", 8},  {"UA", 2},  {"US", -5}, {"VE", -4}, {"VN", 7},
    {"ZA", 2},
};
// clang-format on

}  // namespace

const std::array<double, 24>& DailyActivityCurve() { return kDailyActivity; }

std::optional<double> CountryUtcOffsetHours(std::string_view country) {
  for (const CountryOffset& entry : kCountryOffsets) {
    if (entry.country == country) return entry.hours;
  }
  return std::nullopt;
}

ActiveHours ActiveHoursFromUtcOffset(double utc_offset_hours) {
  // UTC hour h is local hour h + offset; a half-hour offset takes half of each neighbouring local hour.
  std::array<double, kHoursPerWeek> weights{};
  for (int utc_hour = 0; utc_hour < kHoursPerWeek; ++utc_hour) {
    double local = std::fmod(utc_hour % 24 + utc_offset_hours + 48.0, 24.0);
    int lower = static_cast<int>(std::floor(local));
    double fraction = local - lower;
    weights[utc_hour] = (1 - fraction) * kDailyActivity[lower % 24] + fraction * kDailyActivity[(lower + 1) % 24];
  }
  return ActiveHours::FromWeights(weights);
}

ActiveHours ActiveHoursFromPosts(std::span<const int64_t> post_times, const ActiveHours& prior, double prior_posts) {
  std::array<double, kHoursPerWeek> weights{};
  for (int hour = 0; hour < kHoursPerWeek; ++hour) weights[hour] = prior_posts * prior.share(hour);
  for (int64_t time : post_times) {
    int hour = std::min(static_cast<int>(HourOfWeek(time)), kHoursPerWeek - 1);
    weights[hour] += 1;
  }
  return ActiveHours::FromWeights(weights);
}

}  // namespace crowdlens
