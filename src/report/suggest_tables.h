// What `crowdlens suggest` shows, as tables: whom an account may be
// interested in (SALSA authorities of its circle of trust), accounts similar
// to it (SALSA hubs), and with key accounts named, whom they follow. Every
// row says why it is listed. The method is in docs/suggest.md.
//
//   Result<std::vector<Table>> tables = SuggestTables(workspace, {.handle = "BBCBreaking", .top = 10});
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens {

struct SuggestRequest {
  std::string handle;               // whom the suggestions are for; empty: the workspace owner
  size_t top = 20;                  // rows per list
  size_t circle = 500;              // members of the circle of trust
  uint64_t walks = 20000;           // Monte-Carlo walks from the account
  bool target = false;              // keep only accounts in the target audience
  uint32_t min_mutual = 0;          // keep only accounts followed by at least this many of the account's follows
  std::vector<std::string> from;    // key accounts whose follows to mine
};

Result<std::vector<Table>> SuggestTables(Workspace& workspace, const SuggestRequest& request);

}  // namespace crowdlens
