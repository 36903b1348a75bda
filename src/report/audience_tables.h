// What `crowdlens audience` shows, as tables: the crowd by country, topic and
// role, the target audience's share, growth and unfollows; or, with a
// segment, the crowd members matching it.
//
//   Result<std::vector<Table>> tables = AudienceTables(workspace, {.segment = "target"});
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens {

struct AudienceRequest {
  std::string handle;   // whose crowd; empty: the workspace's owner
  std::string segment;  // a rule, the name of a [segments] rule, or "target": list the members instead
  std::string period = "week";  // growth per day, week or month
  size_t top = 10;        // segments shown per kind (0: all)
  size_t unfollows = 20;  // unfollows listed (0: all)
  bool refresh = false;   // classify every account again instead of reading stored labels
};

Result<std::vector<Table>> AudienceTables(Workspace& workspace, const AudienceRequest& request);

}  // namespace crowdlens
