// What `crowdlens mix` shows, as tables: the account's posts against the rule
// of thirds (interaction, content, promotion) month by month, what travelled
// by class and feature, and each post's class with its evidence; with a
// draft, the draft's class and what posts like it drew. Rules: docs/mix.md.
//
//   Result<std::vector<Table>> tables = MixTables(workspace, {.posts = 5});
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens {

struct MixRequest {
  std::string handle;      // the account; empty: the workspace owner
  std::string draft;       // a draft to classify, when has_draft
  bool has_draft = false;
  size_t posts = 10;       // recent posts listed with their evidence (0: all)
  std::string since;       // only posts from this date
  std::string until;       // only posts before this date
  bool for_terminal = false;  // post texts on one line, for a terminal table
};

Result<std::vector<Table>> MixTables(Workspace& workspace, const MixRequest& request);

}  // namespace crowdlens
