// What `crowdlens match` shows: the address-book contacts matched to social
// accounts (best confidence first, each with its evidence) and the contacts
// left unmatched with the reason. Running it stores the matches
// (contact_matches) for other commands. Method and weights: docs/match.md.
//
//   Result<std::vector<Table>> tables = MatchTables(workspace, {.min_confidence = 0.6});
#pragma once

#include <vector>

#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens {

struct MatchRequest {
  double min_confidence = 0.6;  // name matches below this are listed as unmatched
  bool store = true;            // replace the stored matches with these
};

Result<std::vector<Table>> MatchTables(Workspace& workspace, const MatchRequest& request);

}  // namespace crowdlens
