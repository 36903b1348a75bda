// Everything the workspace holds about one person, for an access request
// (`crowdlens export-person`): named sections of rows, each row with every
// column of the table it comes from, so a column added later is exported too.
//
// An account's sections: accounts, account_handles, posts, post_hashtags,
// post_urls, edges (follows, interactions, mentions, replies, retweets and
// quotes, in and out, with the other side's handle), account_labels,
// lists_owned, list_memberships, contact_matches (address-book contacts that
// list its handle), quarantine and import_inputs. A contact's: contacts,
// contact_emails, contact_phones, contact_urls, contact_handles,
// account_matches (accounts with a handle the contact lists), quarantine and
// import_inputs.
//
//   Result<PersonData> data = CollectPersonData(workspace.db(), person);
//   for (const RecordSet& section : data->sections) ...
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/status.h"
#include "store/person_lookup.h"
#include "store/sqlite.h"

namespace crowdlens {

// One stored value as SQLite holds it: NULL, integer, real or text.
using StoredValue = std::variant<std::monostate, int64_t, double, std::string>;

// The rows of one query, with its column names.
struct RecordSet {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<StoredValue>> rows;
};

struct PersonData {
  std::vector<RecordSet> sections;
  // What the sections cannot say, in words (e.g. how import_inputs was chosen).
  std::vector<std::string> notes;
};

// Collects every section for the person FindPerson found.
Result<PersonData> CollectPersonData(Database& db, const Person& person);

// The section named `name`, or nullptr.
const RecordSet* FindSection(const PersonData& data, std::string_view name);

}  // namespace crowdlens
