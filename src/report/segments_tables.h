// What `crowdlens segments` shows, as tables: each account's topics, roles,
// spam score and place with the evidence for each label; or, for named
// accounts, every label with its score.
//
//   Result<std::vector<Table>> tables = SegmentsTables(workspace, {.handles = {"BBCBreaking"}});
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens {

struct SegmentsRequest {
  std::vector<std::string> handles;
  bool refresh = false;
  bool all = false;
  std::string topic;
  std::string role;
  size_t limit = 20;
};

Result<std::vector<Table>> SegmentsTables(Workspace& workspace, const SegmentsRequest& request);

}  // namespace crowdlens
