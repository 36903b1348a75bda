// Activity over a period: what an account sent and received between two
// dates ("in the last 90 days: 79 posts, 16 mentions, 18 retweets"), and its
// engagement style (analyses/engagement_style.h) from the same posts.
//
// A period is --since/--until (either may be left open), or --days N ending
// at the workspace's last post (the data's "now", which may be years ago),
// or, with neither, the whole span of the workspace's posts. Only what is
// dated counts: posts sent, and retweets, quotes, replies and mentions
// received through posts of the period. New followers are follows first
// observed in the period, leaving out those of the account's first snapshot
// (a snapshot says who follows, not since when).
//
//   Result<ActivityPeriod> period = ResolvePeriod(activity, {.days = 90});
//   ActivitySummary summary = SummariseActivity(activity, account, *period);
//   summary.sentence;  // "in the last 90 days (to 2023-01-07): 79 posts, 16 mentions (3 courtesy), 18 retweets, ..."
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "analyses/engagement_style.h"
#include "analyses/influence_counts.h"
#include "analyses/influence_events.h"

namespace crowdlens {

// The period as the user gave it.
struct PeriodRequest {
  std::string since;            // a date or time ParseTimestamp reads, or "YYYY-MM-DD"; empty: open
  std::string until;            // exclusive; a bare date means the start of that day
  std::optional<int64_t> days;  // --days N; not with since/until
};

struct ActivityPeriod {
  TimeWindow window;
  int64_t days = 0;   // the window's length, rounded up to whole days
  std::string label;  // "in the last 90 days (to 2023-01-07)", "from 2021-01-01 to 2021-04-01"
};

// Checks and resolves a request; InvalidArgument on an unreadable date, a
// non-positive --days, --days with --since/--until, or since after until.
Result<ActivityPeriod> ResolvePeriod(const WorkspaceActivity& activity, const PeriodRequest& request);

struct ActivitySummary {
  ActivityPeriod period;
  InfluenceCounts counts;  // the period's counts for the account
  EngagementMix mix;
  EngagementVerdict style;
  std::string sentence;
};

ActivitySummary SummariseActivity(const WorkspaceActivity& activity, uint32_t account, const ActivityPeriod& period);

}  // namespace crowdlens
