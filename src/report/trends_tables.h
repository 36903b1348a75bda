// What `crowdlens trends` shows, as tables: what burst (Kleinberg's automaton
// over hashtags and terms), who rose with it, and what set a recurring tag's
// years or months apart.
//
//   Result<std::vector<Table>> tables = TrendsTables(workspace, {.top = 10});
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens {

struct TrendsRequest {
  std::string from, to, bin, tag, per = "year";
  double s = 2.0, gamma = 1.0;
  int64_t min_count = 10;
  size_t top = 15;
  bool no_retweets = false;
};

Result<std::vector<Table>> TrendsTables(Workspace& workspace, const TrendsRequest& request);

}  // namespace crowdlens
