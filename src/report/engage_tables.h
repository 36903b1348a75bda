// What `crowdlens engage` shows, as tables: the engagement queue, posts of
// the last N hours by the target audience and the top prospects on the
// owner's topics, newest and most promising first, each with its link, score
// components and why it is there (analyses/engage.h; docs/prospects.md), and
// a summary of the window.
//
//   Result<std::vector<Table>> tables = EngageTables(workspace, {.hours = 48, .hashtag = "germanwings"});
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens {

struct EngageRequest {
  int64_t hours = 48;
  std::string topic;    // as prospects; none: the config's topics
  std::string hashtag;
  std::string query;
  std::string now;  // the reference time, a date; empty: the newest post of the workspace
  size_t prospects = 20;  // top prospects whose posts qualify
  size_t per_author = 1;  // posts listed per author
  std::string half_life = "30d";
  bool include_competitors = false;
  std::string owner;
  size_t top = 30;
};

Result<std::vector<Table>> EngageTables(Workspace& workspace, const EngageRequest& request);

}  // namespace crowdlens
