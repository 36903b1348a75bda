// What `crowdlens influence` shows, as tables: the top accounts by crowdlens
// score with its breakdown and PageRank per layer; per account its
// components, mentions by kind, activity and engagement style; or one of the
// views --weekly HANDLE, --topics and --agreement. The formula is in
// docs/influence.md.
//
//   Result<std::vector<Table>> tables = InfluenceTables(workspace, {.top = 10});
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyses/activity.h"
#include "analyses/influence.h"
#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens {

struct InfluenceRequest {
  std::vector<std::string> handles;  // accounts to report; empty: the top accounts
  std::optional<size_t> top;         // accounts listed (per topic with topics); default 20, 10 per topic
  bool topics = false;               // top accounts per topic (TwitterRank over hashtags); implied by topic_tags
  std::vector<std::string> topic_tags;
  size_t topic_count = 5;  // top hashtags that become topics without topic_tags
  std::string weekly;      // the score of this account week by week
  bool agreement = false;  // rank agreement between the measures
  PeriodRequest period;    // the activity period
  int64_t days = 0;        // the last N days up to the last post; 0: not given
};

Result<std::vector<Table>> InfluenceTables(Workspace& workspace, const InfluenceRequest& request);

// The same over an analysis already made (the server keeps one per workspace state).
Result<std::vector<Table>> InfluenceTables(Workspace& workspace, const InfluenceAnalysis& analysis,
                                           const InfluenceRequest& request);

}  // namespace crowdlens
