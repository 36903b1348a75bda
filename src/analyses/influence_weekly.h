// Influence over time: an account's crowdlens score week by week, each week
// scored from that week's posts alone against every account active in it.
//
// A week runs Monday 00:00 to Monday 00:00 UTC. Its score uses the window
// components of analyses/influence_score.h (amplification, substantive
// mentions, replies, PageRank on the week's retweet, mention and reply
// graphs); followers and the follow graph carry no dates and are left out,
// their weights shared out over the rest. Only weeks in which the account
// posted or received attention are listed; the quiet weeks between them
// score 0 and are counted, not listed. A week in which nobody retweeted,
// mentioned or replied to the account scores 0 without being computed.
//
//   WeeklyTrend trend = WeeklyScores(analysis, account, {.since = a, .until = b});
//   trend.summary;  // "score slid from 19 to 13 over 6 weeks"
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyses/influence.h"

namespace crowdlens {

struct WeeklyScore {
  int64_t week_start = 0;  // Monday 00:00 UTC
  InfluenceCounts counts;  // what happened in the week
  InfluenceScore score;
  uint32_t active_accounts = 0;  // accounts that received attention in the week
};

struct WeeklyTrend {
  std::vector<WeeklyScore> weeks;  // oldest first, the weeks with activity
  int64_t quiet_weeks = 0;         // weeks between the first and the last with no activity
  std::string summary;             // "score slid from 19 to 13 over 6 weeks" (rounded scores)
};

// Monday 00:00 UTC of the week holding `at`.
int64_t WeekStart(int64_t at);

// Scores `account` for every week of `range` in which it posted or received
// attention. An empty range (since >= until) means all time.
WeeklyTrend WeeklyScores(const InfluenceAnalysis& analysis, uint32_t account, TimeWindow range);

// "score rose from 4 to 11 over 3 weeks", "score slid from 19 to 13 over 40 weeks (6 with activity)",
// "score held at 7 in 1 week": the first and last active weeks' scores, rounded.
std::string DescribeTrend(const std::vector<WeeklyScore>& weeks, int64_t quiet_weeks);

}  // namespace crowdlens
