// Splits a free-text location ("St. Louis, MO 🇺🇸", "ＬＯＮＤＯＮ/Paris") into the
// words a gazetteer is keyed by, and finds flag emoji. Gazetteer names go through
// the same tokeniser, so a query and a name can only differ where the words do.
//
// Words are NFKC-normalised, case-folded and stripped of accents (normalize.h);
// each keeps whether it was written capitalised or in capitals, since "LA" and
// "la" are not the same evidence. Periods inside abbreviations and apostrophes
// inside words join ("D.C." -> "dc", "St. John's" -> "st", "johns"); spaces,
// hyphens, '&' and '+' separate words; other punctuation (',', '/', '|', '(',
// dashes, emoji) also starts a new segment, and a name never spans two segments.
//
//   std::vector<LocationToken> words = TokenizeLocation("Paris, Texas");
//   // {"paris", segment 0, capitalised}, {"texas", segment 1, capitalised}
//   std::vector<FlagEmoji> flags = FindFlagEmoji("🇬🇧 and 🏴󠁧󠁢󠁳󠁣󠁴󠁿");
//   // {"GB", ""}, {"GB", "GB-SCT"}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crowdlens::text {

// One word of a location text.
struct LocationToken {
  std::string folded;         // NFKC, case-folded, without accents, periods or apostrophes
  uint32_t segment = 0;       // words in different segments never form one name
  bool capitalized = false;   // its first letter was upper or title case
  bool all_capitals = false;  // it had letters and none of them was lower case
};

// The words of `text`, in order. Never fails: invalid UTF-8 becomes U+FFFD.
std::vector<LocationToken> TokenizeLocation(std::string_view text);

// The words of `text` joined by single spaces: the key a name is stored under.
std::string LocationKey(std::string_view text);

// A flag emoji: a pair of regional indicator symbols ("🇬🇧" -> country "GB") or
// a tag sequence naming a subdivision (England's flag -> country "GB",
// subdivision "GB-ENG"; Unicode Technical Standard #51, annex B).
struct FlagEmoji {
  std::string country;      // ISO 3166-1 alpha-2, upper case
  std::string subdivision;  // ISO 3166-2 code ("GB-ENG"), empty for a country flag
};

// The flag emoji in `text`, in order. Codes are not checked against any list.
std::vector<FlagEmoji> FindFlagEmoji(std::string_view text);

}  // namespace crowdlens::text
