// Unicode normalisation for matching names: two spellings a reader would call
// the same ("ＬＯＮＤＯＮ", "London", "london"; "Zürich", "Zurich") become one
// string, so a gazetteer can be a plain hash table. Built on utf8proc.
//
//   NormalizeNfkc("ＬＯＮＤＯＮ");   // "LONDON" (compatibility forms folded, case kept)
//   FoldForMatching("Zürich");    // "zurich"
//   FoldForMatching("STRASSE");   // "strasse"; FoldForMatching("Straße") is the same
#pragma once

#include <string>
#include <string_view>

namespace crowdlens::text {

// NFKC (Unicode Standard Annex #15): fullwidth and other compatibility forms
// become their ordinary letters; case is kept. Bytes that are not valid UTF-8
// each become U+FFFD first, so any input normalises.
std::string NormalizeNfkc(std::string_view text);

// NFKC, Unicode full case folding, then combining marks removed (NFD, strip
// Mn/Mc/Me, NFC): the form used for every key of the gazetteer and every
// query, so accents written or omitted match alike.
std::string FoldForMatching(std::string_view text);

// `text` with each byte sequence that is not valid UTF-8 replaced by U+FFFD.
std::string ReplaceInvalidUtf8(std::string_view text);

}  // namespace crowdlens::text
