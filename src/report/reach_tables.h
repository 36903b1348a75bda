// What `crowdlens reach` shows, as tables: how many followers, and how many
// of the target audience, are expected to see each post, "a target follower
// sees about one in N of your posts"; with `when`, the week's hours as a heat
// map of expected target reach, the best slots per segment and the hours
// whose past posts drew retweets and replies. The model is in docs/reach.md.
//
//   Result<std::vector<Table>> tables = ReachTables(workspace, {.top = 6});
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens {

struct ReachRequest {
  std::string handle;
  size_t top = 20;
  std::string since;
  std::string until;
  int64_t days = 0;  // 0: not given
  bool when = false;
  bool refresh = false;
};

Result<std::vector<Table>> ReachTables(Workspace& workspace, const ReachRequest& request);

}  // namespace crowdlens
