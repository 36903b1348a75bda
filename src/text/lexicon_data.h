// The vendored lexicon files (data/lexicons/, see its SOURCES.md), compiled
// into the binary by src/text/lexicon_data.cmake so no data file has to be
// found at run time. Parsed by sentiment_lexicon.h.
//
//   std::string_view lines = crowdlens::text::kVaderLexiconText;  // "word\tmean\tsd\t[ratings]\n..."
#pragma once

#include <string_view>

namespace crowdlens::text {

// data/lexicons/vader_lexicon.txt: token TAB mean valence TAB sd TAB raw ratings, one per line.
extern const std::string_view kVaderLexiconText;
// data/lexicons/emoji_utf8_lexicon.txt: emoji TAB CLDR short name, one per line.
extern const std::string_view kEmojiLexiconText;

}  // namespace crowdlens::text
