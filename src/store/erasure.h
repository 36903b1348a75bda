// Erasing a person from the workspace (`crowdlens forget`): one account or
// one address-book contact and everything derived from it, in one
// transaction, then VACUUM and a WAL checkpoint so no deleted page keeps the
// data on disk, then the cached graph files go (they are rebuilt on demand).
//
// For an account, these go: its account rows and past handles, its posts with
// their hashtags, URLs and mentions, retweets of its posts (their text is its
// words; so is any post starting "RT @handle:"), follows and interactions from
// and to it, mentions of it, lists it owns and its list memberships, its
// labels, contacts' links to its handles and matches to it (contact_matches),
// and quarantined records naming it.
// Others' posts that reply to or quote it lose only that link
// (reply_to_account_key, reply_to_post_id, quote_of_id are cleared): their
// text is the other author's data and stays, "@handle" included, as do other
// accounts' bios. For a contact: the contact in every address book holding
// the address, its emails, phones, URLs, handles and matches to accounts, and quarantined records
// holding any of its addresses. Both: the handle or address is replaced by "[erased]" in
// the import log's arguments, file names and messages.
//
// The erasures table records that an erasure happened: when, of what kind and
// how many rows; never whom.
//
//   Result<Person> person = FindPerson(db, "@alice", "");
//   Result<ErasureCounts> would = PlanErasure(workspace, *person);  // changes nothing
//   Result<ErasureCounts> done = Erase(workspace, *person);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/person_lookup.h"
#include "store/workspace.h"

namespace crowdlens {

// What one step of an erasure does to one table.
struct ErasureStepCount {
  std::string table;
  std::string action;  // "remove" (rows deleted) or "clear" (columns of kept rows emptied)
  std::string what;    // the rows, in words
  int64_t rows = 0;
};

struct ErasureCounts {
  std::vector<ErasureStepCount> steps;  // every step, zero rows included
  int64_t rows_removed = 0;
  int64_t rows_cleared = 0;
  std::vector<std::string> graph_files;  // files in <workspace>/graphs/ removed (or to remove)
  // Erase only: false when another process's connection kept the WAL from
  // being truncated; SQLite empties it when the last connection closes.
  bool wal_truncated = false;
};

// What Erase would do, counted in the database as it is; changes nothing.
Result<ErasureCounts> PlanErasure(Workspace& workspace, const Person& person);

// Erases the person, logs the erasure, compacts the database and removes the
// graph cache. On failure nothing is erased.
Result<ErasureCounts> Erase(Workspace& workspace, const Person& person);

}  // namespace crowdlens
