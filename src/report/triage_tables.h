// What `crowdlens triage` shows, as tables: a summary of the rules applied,
// the followers not followed back with a follow_back / ignore recommendation,
// and the follows that could be dropped, every row with its reasons. The
// rules and the score are in docs/triage.md.
//
//   Result<std::vector<Table>> tables = TriageTables(workspace, {.handle = "tagesschau", .inactive_days = 30});
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens {

struct TriageRequest {
  std::string handle;          // whose crowd; empty: the workspace's owner
  int64_t inactive_days = 90;  // silent longer than this before the owner's (else the crowd's) newest post: inactive
  std::optional<int64_t> celebrity_followers;  // default: [roles] celebrity_min_followers (100000)
  size_t top = 0;                              // rows per list (0: all)
  bool refresh = false;                        // classify every account again instead of reading stored labels
};

Result<std::vector<Table>> TriageTables(Workspace& workspace, const TriageRequest& request);

}  // namespace crowdlens
