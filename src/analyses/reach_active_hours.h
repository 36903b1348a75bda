// When a follower reads: their week of active hours (analyses/reach_model.h)
// from the best evidence there is, in this order:
//   1. their own posting times, when they have posted enough: an hour-of-week
//      histogram, smoothed with the daily curve below so an hour they never
//      posted in is unlikely, not impossible;
//   2. their country's UTC offset (the location resolver's country) with the
//      daily curve of tweeting read in local time;
//   3. nothing known: every hour alike.
//
// The daily curve is a hand-shaped approximation of the daily rhythm of
// tweeting seen in large Twitter samples, such as Golder & Macy 2011
// ("Diurnal and seasonal mood vary with work, sleep, and daylength across
// diverse cultures", Science 333:1878-1881, 509 million tweets by local hour):
// few posts in the small hours (lowest at 4-5 a.m.), a rise through the
// morning, a plateau through the working day and a peak in the late evening.
// It is the same on every day of the week. The country table gives one
// standard offset per country (the most populous zone where a country has
// several; no daylight saving time), so a reader's hours may be an hour off in
// summer, well within the width of the curve.
//
//   std::optional<double> offset = CountryUtcOffsetHours("GB");   // 0
//   ActiveHours hours = ActiveHoursFromUtcOffset(*offset);
//   ActiveHours own = ActiveHoursFromPosts(post_times, *offset);
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "analyses/reach_model.h"

namespace crowdlens {

// The relative activity of each local hour (0 = midnight to 1 a.m.); see above.
const std::array<double, 24>& DailyActivityCurve();

// The standard UTC offset in hours of a country (ISO 3166-1 alpha-2, upper case); nullopt when the
// table does not hold it.
std::optional<double> CountryUtcOffsetHours(std::string_view country);

// The daily curve in the local time of `utc_offset_hours`, as shares of the week in UTC.
ActiveHours ActiveHoursFromUtcOffset(double utc_offset_hours);

// An hour-of-week histogram of `post_times` (Unix seconds), each hour also given
// `prior_posts` posts spread as `prior` spreads them, so that a few posts do not rule hours out.
ActiveHours ActiveHoursFromPosts(std::span<const int64_t> post_times, const ActiveHours& prior,
                                 double prior_posts = 24);

}  // namespace crowdlens
