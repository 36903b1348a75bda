// The owner's crowd as a network picture: the owner and the most influential
// members of its crowd (followers and follows, by crowdlens score), each
// with its relation to the owner, country and target-audience membership,
// and the edges of one graph layer among them. Two tables, "nodes" and
// "edges", which the dashboard draws with sigma.js.
//
//   Result<std::vector<Table>> tables = NetworkTables(workspace, analysis, {.layer = "retweet", .limit = 200});
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "analyses/influence.h"
#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens {

struct NetworkRequest {
  std::string handle;             // whose crowd; empty: the workspace owner
  std::string layer = "follow";   // follow, retweet, mention or reply
  size_t limit = 300;             // nodes drawn, the owner included
  bool refresh = false;           // classify every account again instead of reading stored labels
};

Result<std::vector<Table>> NetworkTables(Workspace& workspace, const InfluenceAnalysis& influence,
                                         const NetworkRequest& request);

}  // namespace crowdlens
