// Jaro-Winkler similarity of two strings, compared code point by code point:
// the string comparator of record linkage (Jaro 1989; Winkler 1990), used to
// match a contact's name to an account's display name despite typos.
//
// Jaro counts the characters that agree within a window of half the longer
// length (less one) and the transpositions among them; Winkler adds a bonus of
// 0.1 per agreeing leading character, at most four. Both are 1 for identical
// strings and 0 when nothing agrees (or one string is empty and the other not).
//
//   JaroWinkler("MARTHA", "MARHTA");   // 0.9611...
//   Jaro("DWAYNE", "DUANE");            // 0.8222...
#pragma once

#include <string_view>

namespace crowdlens::text {

// Jaro similarity in [0, 1] of two UTF-8 strings.
double Jaro(std::string_view first, std::string_view second);

// Jaro-Winkler similarity in [0, 1]: Jaro plus prefix_scale (0.1, Winkler's
// value; at most 0.25) per agreeing leading code point, up to four.
double JaroWinkler(std::string_view first, std::string_view second, double prefix_scale = 0.1);

}  // namespace crowdlens::text
