// People met at an event, matched to accounts (`crowdlens event --met FILE`):
// each name of a list is matched the way `crowdlens match` matches a
// contact's name (account_name_index.h, ScoreNameCandidate), an account that
// posted with the event's tags counting more (it was there); the owner then
// learns whom to follow.
//
//   Result<std::vector<MetPerson>> met = MatchPeopleMet(workspace, {"Dan Sandford"}, event);
#pragma once

#include <string>
#include <vector>

#include "analyses/event.h"
#include "core/status.h"
#include "store/workspace.h"

namespace crowdlens {

struct MetPerson {
  std::string met_name;  // as written in the list
  int64_t account_key = 0;  // 0: no account found
  std::string handle;
  std::string name;
  bool at_event = false;       // posted with the event's tags in its window
  bool followed_by_owner = false;
  double confidence = 0;
  std::vector<std::string> why;
};

// Confidence added when the account posted with the event's tags (docs/event.md).
inline constexpr double kMetAtEventBonus = 0.15;

// One entry per name (blank lines and lines starting with '#' are skipped by the caller).
Result<std::vector<MetPerson>> MatchPeopleMet(Workspace& workspace, const std::vector<std::string>& names,
                                              const EventAnalysis& event, double min_confidence = 0.6);

}  // namespace crowdlens
