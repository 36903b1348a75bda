// The reach model: the chance that one follower sees one post.
//
// A post sits in a follower's home timeline until R newer posts have arrived
// above it (R = posts read in a sitting); with r posts arriving an hour that
// takes W = R / r hours, the visibility window of Hodas & Lerman 2012 ("How
// visibility and divided attention constrain social contagion", SocialCom
// 2012, arXiv:1205.2736). The follower opens the timeline S times a week, each
// sitting starting at an hour drawn from their week of active hours a(h). A
// sitting catches the post when it starts inside the window, which happens
// with p = the share of a(h) inside [t, t + W); so
//
//   P(seen) = 1 - (1 - p)^S,  which is S x p (the sum over sittings) while p is small.
//
// The window is capped (24 hours by default): Pfeffer, Matter & Sargsyan 2023
// ("The Half-Life of a Tweet", ICWSM 17:1163-1167) found a median half-life of
// about 80 minutes and no relevant impressions after 24 hours for about 95% of
// tweets, the check that W = R / r of an hour or so is the right scale.
//
//   ActiveHours hours = ActiveHours::Flat();
//   double window = VisibilityWindowHours(150, 200, 24);                       // 1.33 hours
//   double seen = SeenProbability(hours, HourOfWeek(post_time), window, 14);   // about 0.106
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace crowdlens {

inline constexpr int kHoursPerWeek = 168;

// Hours since Monday 00:00 UTC of a Unix time, with the fraction of the hour (0 <= h < 168).
double HourOfWeek(int64_t unix_seconds);

// When in the week (UTC) a follower starts reading: a density over the 168
// hours of the week (Monday 00:00 UTC first) that sums to 1, constant within
// each hour.
class ActiveHours {
 public:
  // Every hour alike: what is assumed when nothing is known of a follower.
  static ActiveHours Flat();
  // Shares proportional to `weights` (168 non-negative values, not all 0); Flat() when all are 0.
  static ActiveHours FromWeights(std::span<const double> weights);

  // The share of sittings that start in hour `hour` (0..167).
  double share(int hour) const { return share_[hour]; }
  // The share of sittings that start in [from, from + hours), wrapping past the end of the week;
  // `hours` is at most a week.
  double ShareBetween(double from, double hours) const;

 private:
  std::array<double, kHoursPerWeek> share_{};
  std::array<double, kHoursPerWeek + 1> cumulative_{};  // cumulative_[h] = shares of hours before h
};

// How long a post stays within the top `posts_per_session` of a timeline that
// receives `inflow_per_hour` posts an hour: R / r hours, at most `max_hours`.
double VisibilityWindowHours(double inflow_per_hour, double posts_per_session, double max_hours);

// The chance that at least one of `sessions_per_week` sittings, each starting
// at an hour drawn from `hours`, starts within `window_hours` after a post
// published at `hour_of_week`: 1 - (1 - p)^S.
double SeenProbability(const ActiveHours& hours, double hour_of_week, double window_hours, double sessions_per_week);

}  // namespace crowdlens
