// What `crowdlens status` shows, as tables: the workspace, rows per table,
// accounts and posts per platform, the recent imports. The CLI prints them;
// the server sends them as /api/v1/status; the HTML report opens with them.
//
//   Result<std::vector<Table>> tables = StatusTables(workspace, {.runs = 5});
#pragma once

#include <cstddef>
#include <vector>

#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens {

struct StatusRequest {
  size_t runs = 5;  // recent imports listed
};

Result<std::vector<Table>> StatusTables(Workspace& workspace, const StatusRequest& request);

}  // namespace crowdlens
