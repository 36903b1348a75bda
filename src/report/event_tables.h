// What `crowdlens event HASHTAG... --from DATE --to DATE` shows: posts and
// accounts before, during and after the event; every account that posted with
// its tags, with its role, activity, place in the owner's crowd and address
// book, ranked with reasons; the meeting shortlist with suggested 30-minute
// slots; with `met`, the people met matched to accounts and whom to follow.
// With `ics_path` the shortlist is also written as an iCalendar file.
// Cues, weights and the slot rule: docs/event.md.
//
//   Result<std::vector<Table>> tables = EventTables(workspace, {.tags = {"#germanwings"},
//       .from = "2015-03-24", .to = "2015-03-26"});
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens {

struct EventRequest {
  std::vector<std::string> tags;
  std::string from;  // a date (the event's first day) or a time
  std::string to;    // a date (the event's last day, included) or a time (exclusive)
  int64_t before_days = 14;
  int64_t after_days = 14;
  std::string owner;     // whose crowd; empty: the config's owner
  size_t top = 50;       // accounts listed
  size_t meetings = 10;  // meetings on the shortlist
  std::string ics_path;  // write the shortlist as an iCalendar file here
  bool ics_table = false;  // add a table "ics" whose one cell is the iCalendar text (the HTTP API's event.ics)
  std::string met_path;  // a text file of names met, one per line
  int64_t now = 0;       // DTSTAMP; 0: the current time
};

Result<std::vector<Table>> EventTables(Workspace& workspace, const EventRequest& request);

// Start times of `count` 30-minute meeting slots over the days of [from, to):
// 09:00-12:30 and 13:30-17:00 UTC (14 slots a day), the first slot of each day
// before any day's second, so meetings spread over the event.
std::vector<int64_t> MeetingSlots(int64_t from, int64_t to, size_t count);

}  // namespace crowdlens
