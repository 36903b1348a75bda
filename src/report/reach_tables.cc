#include "report/reach_tables.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

#include "analyses/reach.h"
#include "analyses/audience_inputs.h"
#include "core/time.h"
#include "store/account_lookup.h"
#include "store/reach_config.h"

namespace crowdlens {
namespace {

constexpr const char* kDayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

double Round(double value, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(value * scale) / scale;
}

std::string Slot(int hour_of_week) {
  char text[32];
  std::snprintf(text, sizeof text, "%s %02d:00 UTC", kDayNames[hour_of_week / 24], hour_of_week % 24);
  return text;
}

Cell Optional(const std::optional<int64_t>& value) { return value ? Cell{*value} : Cell{}; }

// "one in 9.4", or empty when nobody is expected to see anything.
Cell OneIn(double mean_seen) { return mean_seen > 0 ? Cell{Round(1.0 / mean_seen, 1)} : Cell{}; }

std::string Sentence(const std::string& who, double mean_seen) {
  if (!(mean_seen > 0)) return who + " is not expected to see any of your posts";
  const double one_in = 1.0 / mean_seen;
  char text[160];
  if (one_in < 1.05) {
    std::snprintf(text, sizeof text, "%s sees nearly all of your posts", who.c_str());
  } else {
    std::snprintf(text, sizeof text, "%s sees about one in %.*f of your posts", who.c_str(), one_in < 10 ? 1 : 0,
                  one_in);
  }
  return text;
}

Result<std::optional<int64_t>> ParseBound(const std::string& text, const char* option) {
  if (text.empty()) return std::optional<int64_t>();
  std::optional<int64_t> at = ParseTimestamp(text);
  if (!at) {
    return InvalidArgument(std::string(option) + " \"" + text +
                           "\" is not a date; write it as 2021-03-01 or 2021-03-01T12:00:00Z");
  }
  return at;
}

std::string Cut(const std::string& text, size_t limit) {
  std::string flat = text;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  if (flat.size() <= limit) return flat;
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(flat[end]) & 0xC0) == 0x80) --end;  // keep UTF-8 whole
  return flat.substr(0, end) + "...";
}

Table SummaryTable(const ReachAnalysis& analysis, const ReachConfig& config) {
  Table summary{.name = "reach",
                .title = "Reach of @" + analysis.owner_handle + "'s posts (model and defaults: docs/reach.md)",
                .columns = {"followers", "target_followers", "target_rule", "posts", "mean_seen_follower",
                            "one_in_follower", "mean_seen_target", "one_in_target", "summary_target",
                            "summary_followers", "posts_per_session", "sessions_per_day"},
                .single_record = true};
  summary.rows.push_back(
      {analysis.followers, analysis.target_followers,
       analysis.target_rule.empty() ? std::string("(none: set [audience] target in crowdlens.toml)")
                                    : analysis.target_rule,
       static_cast<int64_t>(analysis.posts.size()), Round(analysis.mean_seen_all, 4), OneIn(analysis.mean_seen_all),
       analysis.target_followers > 0 ? Cell{Round(analysis.mean_seen_target, 4)} : Cell{},
       analysis.target_followers > 0 ? OneIn(analysis.mean_seen_target) : Cell{},
       analysis.target_followers > 0 ? Cell{Sentence("a target follower", analysis.mean_seen_target)}
                                     : Cell{std::string("(no target followers)")},
       Sentence("a follower", analysis.mean_seen_all) + (analysis.mean_from_posts ? ""
                                                                                  : " (no post in the period: "
                                                                                    "a post at every hour)"),
       config.habit.posts_per_session, config.habit.sessions_per_day});
  return summary;
}

Table SourcesTable(const ReachAnalysis& analysis) {
  const ReachSources& s = analysis.sources;
  Table sources{.name = "sources", .title = "What the figures rest on", .columns = {"input", "source", "count"}};
  auto add = [&sources](const char* input, const char* source, int64_t count) {
    sources.rows.push_back({std::string(input), std::string(source), count});
  };
  add("follower inflow", "follows' posting rates", s.followers_inflow_from_follows);
  add("follower inflow", "median of followers with known follows", s.followers_inflow_median);
  add("follower inflow", "fallback 150 an hour (no follows known)", s.followers_inflow_fallback);
  add("posting rate of followed accounts", "their posts in the workspace", s.followees_rate_from_posts);
  add("posting rate of followed accounts", "profile post count over account age", s.followees_rate_from_profile);
  add("posting rate of followed accounts", "unknown (taken as the follower's average)", s.followees_rate_unknown);
  add("active hours", "the follower's own posting times", s.followers_hours_own_posts);
  add("active hours", "country time zone and daily curve", s.followers_hours_country);
  add("active hours", "unknown: every hour alike", s.followers_hours_flat);
  sources.rows.push_back({std::string("median inflow"), std::string("posts an hour, followers with known follows"),
                          Round(s.median_inflow_per_hour, 1)});
  return sources;
}

std::vector<Table> PostTables(const ReachAnalysis& analysis, size_t top) {
  Table posts{.name = "posts",
              .title = "Expected real audience per post (newest first)",
              .columns = {"published", "post_id", "text", "expected_followers", "share_of_followers", "expected_target",
                          "share_of_target", "retweets", "replies", "impressions"}};
  std::vector<const PostReach*> newest;
  for (const PostReach& post : analysis.posts) newest.push_back(&post);
  std::reverse(newest.begin(), newest.end());
  for (size_t index = 0; index < newest.size() && (top == 0 || index < top); ++index) {
    const PostReach& post = *newest[index];
    posts.rows.push_back(
        {FormatTimestamp(post.created_at), post.platform_id, Cut(post.text, 50), Round(post.expected_followers, 1),
         analysis.followers > 0 ? Cell{Round(post.expected_followers / analysis.followers, 3)} : Cell{},
         Round(post.expected_target, 1),
         analysis.target_followers > 0 ? Cell{Round(post.expected_target / analysis.target_followers, 3)} : Cell{},
         Optional(post.retweets), Optional(post.replies), Optional(post.impressions)});
  }

  // Calibration: impressions count every view (non-followers, repeats), so the ratio is an upper check.
  Table calibration{.name = "calibration",
                    .title = "Predicted follower views against the platform's impression_count",
                    .columns = {"posts_with_impressions", "median_observed_over_predicted",
                                "median_absolute_percentage_error", "note"},
                    .single_record = true};
  std::vector<double> ratios;
  std::vector<double> errors;
  for (const PostReach& post : analysis.posts) {
    if (!post.impressions || *post.impressions <= 0 || !(post.expected_followers > 0)) continue;
    const double observed = static_cast<double>(*post.impressions);
    ratios.push_back(observed / post.expected_followers);
    errors.push_back(std::abs(post.expected_followers - observed) / observed);
  }
  auto median = [](std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  };
  if (ratios.empty()) {
    calibration.rows.push_back({int64_t{0}, Cell{}, Cell{},
                                std::string("no post of the period carries impression_count (API v2 public_metrics); "
                                            "import v2 data with it to compare")});
  } else {
    calibration.rows.push_back({static_cast<int64_t>(ratios.size()), Round(median(ratios), 2), Round(median(errors), 3),
                                std::string("impressions also count non-followers and repeat views")});
  }
  return {posts, calibration};
}

std::vector<Table> WhenTables(const ReachAnalysis& analysis, const AudienceRules& rules) {
  const bool by_target = analysis.target_followers > 0;
  auto in_target = [](const FollowerReach& follower) { return follower.in_target; };
  auto everyone = [](const FollowerReach&) { return true; };
  const std::array<double, kHoursPerWeek> heat =
      by_target ? ExpectedReachByHour(analysis, in_target) : ExpectedReachByHour(analysis, everyone);

  Table week{.name = "week_hours",
             .title = std::string("Expected ") + (by_target ? "target followers" : "followers (no target set)") +
                      " reached by a post published in each hour (UTC; rows days, columns hours)",
             .columns = {"day"}};
  for (int hour = 0; hour < 24; ++hour) week.columns.push_back((hour < 10 ? "h0" : "h") + std::to_string(hour));
  for (int day = 0; day < 7; ++day) {
    std::vector<Cell> row(25);
    row[0] = std::string(kDayNames[day]);
    for (int hour = 0; hour < 24; ++hour) row[hour + 1] = Round(heat[day * 24 + hour], 1);
    week.rows.push_back(std::move(row));
  }

  Table best{.name = "best_slots",
             .title = "The three best posting slots per segment (each a different hour of the day)",
             .columns = {"segment", "members", "rank", "slot", "expected_reach", "share_of_segment"}};
  auto add_segment = [&](const std::string& name, const std::function<bool(const FollowerReach&)>& include) {
    int64_t members = 0;
    for (const FollowerReach& follower : analysis.follower_models) members += include(follower);
    if (members == 0) return;
    const std::array<double, kHoursPerWeek> reach = ExpectedReachByHour(analysis, include);
    std::array<int, kHoursPerWeek> order;
    for (int hour = 0; hour < kHoursPerWeek; ++hour) order[hour] = hour;
    std::stable_sort(order.begin(), order.end(), [&reach](int a, int b) { return reach[a] > reach[b]; });
    // Three different hours of the day: where every day is alike, the same hour on three days says nothing new.
    std::array<bool, 24> hour_taken{};
    int64_t rank = 0;
    for (int slot : order) {
      if (rank == 3) break;
      if (hour_taken[slot % 24]) continue;
      hour_taken[slot % 24] = true;
      best.rows.push_back({name, members, ++rank, Slot(slot), Round(reach[slot], 1),
                           Round(reach[slot] / static_cast<double>(members), 3)});
    }
  };
  add_segment("all followers", everyone);
  if (by_target) add_segment("target", in_target);
  for (const auto& named : rules.named) {
    const std::string& name = named.first;
    add_segment(name, [&name](const FollowerReach& follower) {
      return std::find(follower.segments.begin(), follower.segments.end(), name) != follower.segments.end();
    });
  }

  // What the owner's past posts drew, by hour of the week, beside what the model expects there.
  struct Drawn {
    int64_t posts = 0;
    int64_t retweets = 0;
    int64_t replies = 0;
  };
  std::map<int, Drawn> drawn;
  for (const OwnerPost& post : analysis.history) {
    Drawn& slot = drawn[std::min(static_cast<int>(HourOfWeek(post.created_at)), kHoursPerWeek - 1)];
    ++slot.posts;
    slot.retweets += post.retweets.value_or(0);
    slot.replies += post.replies.value_or(0);
  }
  std::vector<std::pair<int, Drawn>> observed(drawn.begin(), drawn.end());
  std::stable_sort(observed.begin(), observed.end(), [](const auto& a, const auto& b) {
    return (a.second.retweets + a.second.replies) * b.second.posts >
           (b.second.retweets + b.second.replies) * a.second.posts;
  });
  Table history{.name = "observed_hours",
                .title = "Hours whose past posts of the owner drew retweets and replies (all history, UTC)",
                .columns = {"slot", "posts", "retweets", "replies", "per_post", "model_expected_reach"}};
  for (size_t index = 0; index < observed.size() && index < 10; ++index) {
    const auto& [hour, slot] = observed[index];
    history.rows.push_back({Slot(hour), slot.posts, slot.retweets, slot.replies,
                            Round(static_cast<double>(slot.retweets + slot.replies) / slot.posts, 1),
                            Round(heat[hour], 1)});
  }
  return {week, best, history};
}

}  // namespace

Result<std::vector<Table>> ReachTables(Workspace& workspace, const ReachRequest& arguments) {
  Result<std::optional<int64_t>> since = ParseBound(arguments.since, "--since");
  if (!since.ok()) return since.status();
  Result<std::optional<int64_t>> until = ParseBound(arguments.until, "--until");
  if (!until.ok()) return until.status();

  Result<ReachConfig> reach_config = LoadReachConfig(workspace.config_path());
  if (!reach_config.ok()) return reach_config.status();
  Result<AudienceInputs> inputs = LoadAudienceInputs(workspace, {.refresh = arguments.refresh});
  if (!inputs.ok()) return inputs.status();
  Result<int64_t> owner = AccountOrOwner(workspace.db(), inputs->config, arguments.handle, "reach");
  if (!owner.ok()) return owner.status();

  ReachOptions options{.owner_key = *owner, .since = *since, .until = *until};
  if (arguments.days != 0) options.days = arguments.days;
  Result<ReachAnalysis> analysis = AnalyseReach(workspace, options, *reach_config, inputs->rules, inputs->segments);
  if (!analysis.ok()) return analysis.status();

  std::vector<Table> tables = {SummaryTable(*analysis, *reach_config)};
  if (arguments.when) {
    for (Table& table : WhenTables(*analysis, inputs->rules)) tables.push_back(std::move(table));
  } else {
    for (Table& table : PostTables(*analysis, arguments.top)) tables.push_back(std::move(table));
  }
  tables.push_back(SourcesTable(*analysis));
  return tables;
}


}  // namespace crowdlens
