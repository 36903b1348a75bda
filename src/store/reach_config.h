// The reach part of crowdlens.toml: how followers read (posts per sitting,
// sittings a day), overridable per segment, and the thresholds the reach
// model uses to decide which evidence it trusts. Every default is explained
// in docs/reach.md.
//
//   [reach]
//   posts_per_session = 200
//   sessions_per_day = 2
//
//   [reach.segments.target]        # "target" or a name under [segments]
//   sessions_per_day = 4
//
//   Result<ReachConfig> reach = LoadReachConfig(workspace.config_path());
#pragma once

#include <map>
#include <string>

#include "core/status.h"

namespace crowdlens {

// How one follower reads their home timeline.
struct ReadingHabit {
  // Posts read in one sitting before stopping: the "about 200 posts a sitting" of a typical reader.
  double posts_per_session = 200;
  // Sittings a day. Two sittings of 200 posts against 150 arriving an hour read 400 of 3,600 a day, the
  // "one in ten" social-media managers quote (docs/reach.md).
  double sessions_per_day = 2;
};

struct ReachConfig {
  ReadingHabit habit;  // everyone's, unless a segment overrides it
  // Per segment: "target" (the [audience] target rule) or a [segments] name. A follower in several takes
  // the first in name order.
  std::map<std::string, ReadingHabit> segment_habits;
  std::map<std::string, int> segment_lines;  // where each was written, for error messages
  // An account's posting rate comes from its posts in the workspace only with at least this many of them
  // spanning at least a day; else from its profile's post count over its age.
  int min_posts_for_rate = 5;
  // A follower's reading hours come from their own posting hours with at least this many posts; else
  // from their country's time zone and the daily curve.
  int min_posts_for_hours = 20;
  // A post is taken as gone from a timeline after this many hours even when little arrives: Pfeffer et
  // al. 2023 found no relevant impressions after 24 hours for about 95% of tweets.
  double max_window_hours = 24;
};

// Reads the [reach] table; a missing file or table gives the defaults.
// Wrong types, non-positive numbers and unknown keys are errors naming the line.
Result<ReachConfig> LoadReachConfig(const std::string& path);

}  // namespace crowdlens
