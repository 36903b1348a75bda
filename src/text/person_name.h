// Comparing people's and organisations' names as an address book and a
// social profile write them: "Dr. José A. Delgado" and "Jose Delgado",
// "Bill Gates" and "William H. Gates", "Julia MacFarlene" (a typo) and
// "Julia Macfarlane". Names are folded to lower-case ASCII
// (transliterate.h), split into words, stripped of titles, suffixes and
// initials; words are compared with Jaro-Winkler (jaro_winkler.h), given
// names also through the nickname table (nicknames.h). docs/match.md gives
// the rules and weights.
//
//   std::vector<std::string> words = NameWords("Dr. José A. Delgado");  // {"jose", "delgado"}
//   NameSimilarity match = CompareNames(NameWords("Bob Smith"), NameWords("Robert Smith"));
//   match.similarity;  // 0.985; match.nickname == true
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crowdlens::text {

// The words of a name, folded; titles (dr, mr, ms, prof, sir, ...), suffixes
// (jr, sr, phd, md, ...) and one-letter initials are dropped.
std::vector<std::string> NameWords(std::string_view name);

// A handle as a name: folded, with digits, '_', '.' and '-' removed and the
// platform's domain ("alice.bsky.social", "alice@mastodon.social") cut off.
std::string HandleAsName(std::string_view handle);

struct NameSimilarity {
  double similarity = 0;  // 0..1
  bool nickname = false;  // a given name matched through the nickname table
};

// Word-by-word similarity: each word of either name is paired with its most
// similar word in the other (1 for equal words, 0.97 for a nickname pair,
// else Jaro-Winkler); the contact's words weigh 0.75 and the account's 0.25,
// so words a profile adds ("BBC News (UK)") cost less than words it lacks.
NameSimilarity CompareNames(const std::vector<std::string>& contact_words,
                            const std::vector<std::string>& account_words);

}  // namespace crowdlens::text
