// The sentiment lexicon VADER scores with: token valences (-4..+4) and the
// emoji it replaces by their names before scoring.
//
// The lexicon is parsed once from the copy compiled into the binary
// (lexicon_data.h); tests may build one from their own text.
//
//   const SentimentLexicon& lexicon = SentimentLexicon::Vader();
//   std::optional<double> good = lexicon.Valence("good");   // 1.9
//   const std::string* name = lexicon.EmojiName(U'😁');     // "beaming face with smiling eyes"
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace crowdlens::text {

class SentimentLexicon {
 public:
  // The vendored VADER lexicon and emoji lexicon (data/lexicons/), parsed on first use.
  static const SentimentLexicon& Vader();

  // Parses "token TAB valence [TAB ...]" lines and "emoji TAB name" lines; a
  // malformed line is an error naming its number.
  static Result<SentimentLexicon> Parse(std::string_view valence_lines, std::string_view emoji_lines);

  // The valence of a lower-cased token, nullopt when the lexicon lacks it.
  std::optional<double> Valence(std::string_view lower_token) const;
  bool Contains(std::string_view lower_token) const { return valences_.find(lower_token) != valences_.end(); }
  // The name VADER reads in place of an emoji. Only single code points are
  // looked up, as VADER does (it walks the text one code point at a time).
  const std::string* EmojiName(char32_t code_point) const;

  size_t size() const { return valences_.size(); }
  size_t emoji_count() const { return emoji_names_.size(); }

 private:
  // Lets lookups take a string_view without building a std::string.
  struct TransparentHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, double, TransparentHash, std::equal_to<>> valences_;
  std::unordered_map<char32_t, std::string> emoji_names_;
};

}  // namespace crowdlens::text
