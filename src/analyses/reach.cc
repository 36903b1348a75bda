#include "analyses/reach.h"

#include <algorithm>

#include "analyses/reach_active_hours.h"
#include "analyses/reach_inputs.h"

namespace crowdlens {
namespace {

constexpr int64_t kDaySeconds = 86400;

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// The inflow from the follows whose rate is known, scaled up to all the follower's follows. The scale needs
// the profile's count of follows: the follows a workspace holds are often a fragment (those seen in a
// conversation's data). Following the owner says nothing of the rest of a timeline: with no other follow
// of known rate, the inflow is unknown.
void SetInflowFromFollows(const FollowerFacts& facts, const ReachInputs& inputs, int64_t owner_key,
                          ReachSources& sources, FollowerReach& follower) {
  double known_rate = 0;
  int64_t known = 0;
  int64_t known_besides_owner = 0;
  for (int64_t followee : facts.followees) {
    auto rate = inputs.rates.find(followee);
    if (rate == inputs.rates.end() || rate->second.source == RateSource::kUnknown) continue;
    known_rate += rate->second.per_hour;
    ++known;
    known_besides_owner += followee != owner_key;
  }
  follower.followees_with_rate = known;
  if (known_besides_owner == 0 || facts.following_count <= 0) return;
  const int64_t followed = std::max<int64_t>(static_cast<int64_t>(facts.followees.size()), facts.following_count);
  follower.inflow_per_hour = known_rate * static_cast<double>(followed) / static_cast<double>(known);
  follower.inflow_source = InflowSource::kFollows;
  ++sources.followers_inflow_from_follows;
}

void SetActiveHours(const FollowerFacts& facts, const CrowdMember& member, const ReachConfig& config,
                    ReachSources& sources, FollowerReach& follower) {
  std::optional<double> offset;
  if (member.segments != nullptr && !member.segments->country.empty()) {
    offset = CountryUtcOffsetHours(member.segments->country);
  }
  const ActiveHours prior = offset ? ActiveHoursFromUtcOffset(*offset) : ActiveHours::Flat();
  if (static_cast<int64_t>(facts.post_times.size()) >= config.min_posts_for_hours) {
    follower.hours = ActiveHoursFromPosts(facts.post_times, prior);
    follower.hours_source = HoursSource::kOwnPosts;
    ++sources.followers_hours_own_posts;
  } else if (offset) {
    follower.hours = prior;
    follower.hours_source = HoursSource::kCountry;
    ++sources.followers_hours_country;
  } else {
    follower.hours_source = HoursSource::kFlat;
    ++sources.followers_hours_flat;
  }
}

// The first [reach.segments] entry (in name order) the follower belongs to; "target" is the target rule.
void SetHabit(const ReachConfig& config, FollowerReach& follower) {
  follower.habit = config.habit;
  for (const auto& [name, habit] : config.segment_habits) {
    bool member = name == "target"
                      ? follower.in_target
                      : std::find(follower.segments.begin(), follower.segments.end(), name) != follower.segments.end();
    if (member) {
      follower.habit = habit;
      follower.habit_segment = name;
      return;
    }
  }
}

}  // namespace

double FollowerSeenProbability(const FollowerReach& follower, int64_t unix_seconds) {
  return SeenProbability(follower.hours, HourOfWeek(unix_seconds), follower.window_hours,
                         7 * follower.habit.sessions_per_day);
}

std::array<double, kHoursPerWeek> ExpectedReachByHour(const ReachAnalysis& analysis,
                                                      const std::function<bool(const FollowerReach&)>& include) {
  std::array<double, kHoursPerWeek> reach{};
  for (const FollowerReach& follower : analysis.follower_models) {
    if (!include(follower)) continue;
    for (int hour = 0; hour < kHoursPerWeek; ++hour) {
      reach[hour] +=
          SeenProbability(follower.hours, hour + 0.5, follower.window_hours, 7 * follower.habit.sessions_per_day);
    }
  }
  return reach;
}

Result<ReachAnalysis> AnalyseReach(Workspace& workspace, const ReachOptions& options, const ReachConfig& config,
                                   const AudienceRules& rules, const SegmentMap& segments) {
  for (const auto& [name, line] : config.segment_lines) {
    if (name != "target" && !rules.named.contains(name)) {
      return DataError(workspace.config_path() + " line " + std::to_string(line) + ": [reach.segments." + name +
                       "] names no rule; add " + name + " = \"...\" under [segments] or use 'target'");
    }
  }
  if (config.segment_habits.contains("target") && !rules.target) {
    return DataError(workspace.config_path() + " line " + std::to_string(config.segment_lines.at("target")) +
                     ": [reach.segments.target] needs a target rule: set target = \"...\" under [audience]");
  }
  if (options.days && (options.since || options.until)) {
    return InvalidArgument("give either --days or --since/--until, not both");
  }
  if (options.days && *options.days <= 0) return InvalidArgument("--days must be 1 or more");
  if (options.since && options.until && *options.since >= *options.until) {
    return InvalidArgument("--since must be before --until");
  }

  Result<AudienceReport> audience =
      AnalyseAudience(workspace, {.account_key = options.owner_key}, segments, rules.target ? &*rules.target : nullptr);
  if (!audience.ok()) return audience.status();
  ReachAnalysis analysis;
  analysis.owner_handle = audience->owner_handle;
  analysis.target_rule = audience->target_rule;
  std::vector<const CrowdMember*> members;
  std::vector<int64_t> follower_keys;
  for (const CrowdMember& member : audience->members) {
    if (!member.follower) continue;
    members.push_back(&member);
    follower_keys.push_back(member.account_key);
  }
  Result<ReachInputs> inputs = ReadReachInputs(workspace, options.owner_key, follower_keys, config);
  if (!inputs.ok()) return inputs.status();

  ReachSources& sources = analysis.sources;
  for (const auto& [followee_key, rate] : inputs->rates) {
    switch (rate.source) {
      case RateSource::kPosts:
        ++sources.followees_rate_from_posts;
        break;
      case RateSource::kProfile:
        ++sources.followees_rate_from_profile;
        break;
      case RateSource::kUnknown:
        ++sources.followees_rate_unknown;
        break;
    }
  }

  std::vector<double> known_inflows;
  for (const CrowdMember* member : members) {
    FollowerReach follower{
        .account_key = member->account_key, .handle = member->handle, .in_target = member->in_target};
    const AudienceSubject subject{.segments = member->segments,
                                  .followers = member->followers,
                                  .following = member->following,
                                  .posts = member->posts};
    for (const auto& [name, rule] : rules.named) {
      if (rule.Matches(subject)) follower.segments.push_back(name);
    }
    const FollowerFacts& facts = inputs->followers.at(member->account_key);
    SetInflowFromFollows(facts, *inputs, options.owner_key, sources, follower);
    if (follower.inflow_source == InflowSource::kFollows) known_inflows.push_back(follower.inflow_per_hour);
    SetActiveHours(facts, *member, config, sources, follower);
    SetHabit(config, follower);
    analysis.follower_models.push_back(std::move(follower));
  }
  sources.median_inflow_per_hour = Median(known_inflows);
  for (FollowerReach& follower : analysis.follower_models) {
    if (follower.inflow_source != InflowSource::kFollows) {
      if (known_inflows.empty()) {
        follower.inflow_per_hour = options.fallback_inflow_per_hour;
        follower.inflow_source = InflowSource::kFallback;
        ++sources.followers_inflow_fallback;
      } else {
        follower.inflow_per_hour = sources.median_inflow_per_hour;
        follower.inflow_source = InflowSource::kMedian;
        ++sources.followers_inflow_median;
      }
    }
    follower.window_hours =
        VisibilityWindowHours(follower.inflow_per_hour, follower.habit.posts_per_session, config.max_window_hours);
    ++analysis.followers;
    analysis.target_followers += follower.in_target;
  }

  // The period's posts.
  analysis.history = std::move(inputs->owner_posts);
  std::optional<int64_t> since = options.since;
  std::optional<int64_t> until = options.until;
  if (options.days && !analysis.history.empty()) {
    until = analysis.history.back().created_at + 1;
    since = *until - *options.days * kDaySeconds;
  }
  double seen_all = 0;
  double seen_target = 0;
  for (const OwnerPost& post : analysis.history) {
    if ((since && post.created_at < *since) || (until && post.created_at >= *until)) continue;
    PostReach reach{.platform_id = post.platform_id,
                    .created_at = post.created_at,
                    .text = post.text,
                    .retweets = post.retweets,
                    .replies = post.replies,
                    .impressions = post.impressions};
    for (const FollowerReach& follower : analysis.follower_models) {
      const double seen = FollowerSeenProbability(follower, post.created_at);
      reach.expected_followers += seen;
      if (follower.in_target) reach.expected_target += seen;
    }
    seen_all += reach.expected_followers;
    seen_target += reach.expected_target;
    analysis.posts.push_back(std::move(reach));
  }
  double post_count = static_cast<double>(analysis.posts.size());
  analysis.mean_from_posts = !analysis.posts.empty();
  if (!analysis.mean_from_posts) {
    // No post in the period: a post at each hour of the week stands in.
    for (double reached : ExpectedReachByHour(analysis, [](const FollowerReach&) { return true; })) seen_all += reached;
    for (double reached : ExpectedReachByHour(analysis, [](const FollowerReach& f) { return f.in_target; })) {
      seen_target += reached;
    }
    post_count = kHoursPerWeek;
  }
  if (analysis.followers > 0)
    analysis.mean_seen_all = seen_all / (post_count * static_cast<double>(analysis.followers));
  if (analysis.target_followers > 0) {
    analysis.mean_seen_target = seen_target / (post_count * static_cast<double>(analysis.target_followers));
  }
  return analysis;
}

}  // namespace crowdlens
