// A small table of English given names and their short forms (Bill and
// William, Bob and Robert), compiled in from nicknames.tsv.inc, so that a
// contact card saying "Bob" and a profile saying "Robert" count as one name.
//
//   SameGivenName("bill", "william");  // true
//   SameGivenName("bill", "will");     // true: both short for William
//   SameGivenName("bill", "robert");   // false
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crowdlens::text {

// The formal names `folded_name` (lower case, no accents) stands for: itself
// when it is a formal name in the table, and each formal name it is a short
// form of. Empty when the name is not in the table.
const std::vector<std::string>& FormalGivenNames(std::string_view folded_name);

// True when the two folded names are the same name or share a formal name.
bool SameGivenName(std::string_view first, std::string_view second);

}  // namespace crowdlens::text
