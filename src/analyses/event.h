// Who was at an event on social media (`crowdlens event`): the accounts that
// posted with the event's hashtags before it (by default the 14 days before
// its first day), during it and after it (the 14 days after its last day);
// each classed as organiser, speaker, exhibitor/supplier, journalist or
// visitor/prospect by documented cues; which of them are in the owner's crowd
// (followers, follows) or address book (contact_matches, `crowdlens match`);
// and a ranked meeting shortlist with reasons. docs/event.md gives every cue,
// weight and default.
//
//   Result<EventAnalysis> event = AnalyseEvent(workspace, {.tags = {"germanwings"},
//       .from = 1427155200, .to = 1427241600});
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/workspace.h"

namespace crowdlens {

struct EventOptions {
  std::vector<std::string> tags;  // without '#', any case
  int64_t from = 0;               // the event's start, Unix seconds
  int64_t to = 0;                 // the event's end, exclusive
  int64_t before_seconds = 14 * 86400;
  int64_t after_seconds = 14 * 86400;
  std::string owner;  // whose crowd; empty: the config's first owner (none: no crowd columns)
};

struct EventPhaseCount {
  std::string phase;  // "before", "during", "after"
  int64_t from = 0;
  int64_t to = 0;  // exclusive
  int64_t posts = 0;
  int64_t accounts = 0;
};

struct EventAccount {
  int64_t account_key = 0;
  std::string platform;
  std::string handle;
  std::string name;
  int64_t followers = 0;
  int64_t posts_before = 0;
  int64_t posts_during = 0;
  int64_t posts_after = 0;
  int64_t first_post = 0;
  std::string role;  // organiser, speaker, exhibitor, journalist, visitor
  std::vector<std::string> role_why;
  bool follows_owner = false;
  bool followed_by_owner = false;
  std::string contact_name;  // the matched address-book contact, if any
  double score = 0;
  std::vector<std::string> why;
};

struct EventAnalysis {
  std::vector<std::string> tags;  // lower case, without '#'
  std::vector<EventPhaseCount> phases;
  std::vector<EventAccount> accounts;  // best score first
  int64_t owner_key = 0;               // 0: no owner
};

// The role cues and score weights (docs/event.md).
inline constexpr const char* kEventRoles[] = {"organiser", "speaker", "exhibitor", "journalist", "visitor"};

Result<EventAnalysis> AnalyseEvent(Workspace& workspace, const EventOptions& options);

}  // namespace crowdlens
