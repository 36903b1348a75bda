// Words of post text for listening and trends: the normal form queries match
// against, and the content terms (no stopwords, links or mentions) that
// co-occurrence tables and burst detection count.
//
//   std::string normal;
//   NormaliseForMatching("Great  SERVICE ＃Acme", normal);   // "great service #acme"
//   std::vector<std::string> terms = ExtractTerms("RT @bob: The vaccine rollout is slow https://t.co/x");
//   // {"vaccine", "rollout", "slow"}
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crowdlens::text {

// Lower-cases (Unicode simple mapping), turns every run of whitespace into one
// space and full-width '＃' and '＠' into '#' and '@'. Queries and posts pass
// through it alike, so matching needs no case or spacing rules of its own.
void NormaliseForMatching(std::string_view utf8_text, std::string& out);

// Letters, combining marks, decimal digits and '_': what continues a word.
bool IsWordChar(char32_t c);

// Decodes the code point that starts at byte `offset` (U+FFFD when invalid).
char32_t CodePointAt(std::string_view utf8, size_t offset);
// Decodes the code point that ends just before byte `offset` (0 at the start).
char32_t CodePointBefore(std::string_view utf8, size_t offset);

// Content words, lower-cased, in text order (repeats kept): URLs, @mentions,
// #hashtags and $cashtags are left out (hashtags are counted on their own),
// as are English and German stopwords, "rt", "amp", numbers and words of
// fewer than three letters.
std::vector<std::string> ExtractTerms(std::string_view utf8_text);

// True for the stopwords ExtractTerms leaves out (lower-case input).
bool IsStopword(std::string_view lower_word);

}  // namespace crowdlens::text
