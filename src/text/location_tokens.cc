#include "text/location_tokens.h"

#include <utf8proc.h>

#include "text/code_points.h"
#include "text/normalize.h"

namespace crowdlens::text {
namespace {

enum class CharRole { kWord, kJoiner, kPeriod, kWordBreak, kSegmentBreak };

bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u02BC' || c == U'\u2018'; }

CharRole RoleOf(char32_t c) {
  if (IsLetterOrMark(c) || IsDecimalDigit(c)) return CharRole::kWord;
  if (IsApostrophe(c)) return CharRole::kJoiner;
  if (c == U'.') return CharRole::kPeriod;
  if (IsJsWhitespace(c) || c == U'-' || c == U'\u2010' || c == U'\u2011' || c == U'_' || c == U'&' || c == U'+' ||
      c == U'\u200D' || (c >= U'\uFE00' && c <= U'\uFE0F')) {
    // Zero-width joiners and variation selectors sit inside emoji sequences.
    return CharRole::kWordBreak;
  }
  return CharRole::kSegmentBreak;
}

enum class LetterCase { kNone, kUpper, kLower };

LetterCase CaseOf(char32_t c) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return LetterCase::kUpper;
    case UTF8PROC_CATEGORY_LL:
      return LetterCase::kLower;
    default:
      return LetterCase::kNone;
  }
}

// Builds one word from its code points, then folds it.
class WordBuilder {
 public:
  bool empty() const { return raw_.empty(); }
  // Letters since the start of the word or its last joined period ("U.S.A." has pieces of one).
  int piece_letters() const { return piece_letters_; }

  void Add(char32_t c) {
    AppendUtf8(c, raw_);
    ++piece_letters_;
    LetterCase letter_case = CaseOf(c);
    if (letter_case == LetterCase::kNone) return;
    if (!seen_letter_) capitalized_ = letter_case == LetterCase::kUpper;
    seen_letter_ = true;
    if (letter_case == LetterCase::kLower) has_lower_ = true;
  }
  void StartPiece() { piece_letters_ = 0; }

  void Finish(uint32_t segment, std::vector<LocationToken>& out) {
    if (raw_.empty()) return;
    out.push_back({.folded = FoldForMatching(raw_), .segment = segment, .capitalized = capitalized_,
                   .all_capitals = seen_letter_ && !has_lower_});
    *this = WordBuilder();
  }

 private:
  std::string raw_;
  int piece_letters_ = 0;
  bool seen_letter_ = false;
  bool capitalized_ = false;
  bool has_lower_ = false;
};

}  // namespace

std::vector<LocationToken> TokenizeLocation(std::string_view text) {
  std::string normalized = NormalizeNfkc(text);
  CodePoints points(normalized);
  std::vector<LocationToken> tokens;
  WordBuilder word;
  uint32_t segment = 0;
  bool segment_has_words = false;
  for (size_t index = 0; index < points.size(); ++index) {
    char32_t c = points.at(index);
    switch (RoleOf(c)) {
      case CharRole::kWord:
        word.Add(c);
        segment_has_words = true;
        break;
      case CharRole::kJoiner:
        // "John's" is one word; a quote around a word is not part of it.
        if (word.empty() || RoleOf(points.at(index + 1)) != CharRole::kWord) word.Finish(segment, tokens);
        break;
      case CharRole::kPeriod:
        // Abbreviations join ("D.C.", "U.S.A."); a period after a longer word ends it.
        if (!word.empty() && word.piece_letters() <= 2 && RoleOf(points.at(index + 1)) == CharRole::kWord) {
          word.StartPiece();
        } else {
          word.Finish(segment, tokens);
        }
        break;
      case CharRole::kWordBreak:
        word.Finish(segment, tokens);
        break;
      case CharRole::kSegmentBreak:
        word.Finish(segment, tokens);
        if (segment_has_words) ++segment;
        segment_has_words = false;
        break;
    }
  }
  word.Finish(segment, tokens);
  return tokens;
}

std::string LocationKey(std::string_view text) {
  std::string key;
  for (const LocationToken& token : TokenizeLocation(text)) {
    if (!key.empty()) key += ' ';
    key += token.folded;
  }
  return key;
}

std::vector<FlagEmoji> FindFlagEmoji(std::string_view text) {
  constexpr char32_t kRegionalIndicatorA = 0x1F1E6;
  constexpr char32_t kRegionalIndicatorZ = 0x1F1FF;
  constexpr char32_t kBlackFlag = 0x1F3F4;
  constexpr char32_t kTagA = 0xE0061;
  constexpr char32_t kTagZ = 0xE007A;
  constexpr char32_t kTagDigitZero = 0xE0030;
  constexpr char32_t kTagDigitNine = 0xE0039;
  constexpr char32_t kCancelTag = 0xE007F;
  std::vector<FlagEmoji> flags;
  std::string valid = ReplaceInvalidUtf8(text);
  CodePoints points(valid);
  auto is_indicator = [](char32_t c) { return c >= kRegionalIndicatorA && c <= kRegionalIndicatorZ; };
  for (size_t index = 0; index < points.size(); ++index) {
    char32_t c = points.at(index);
    if (is_indicator(c) && is_indicator(points.at(index + 1))) {
      std::string code{static_cast<char>('A' + (c - kRegionalIndicatorA)),
                       static_cast<char>('A' + (points.at(index + 1) - kRegionalIndicatorA))};
      flags.push_back({.country = code, .subdivision = {}});
      ++index;
    } else if (c == kBlackFlag) {
      std::string tag;
      size_t next = index + 1;
      for (; next < points.size(); ++next) {
        char32_t t = points.at(next);
        if (t >= kTagA && t <= kTagZ) {
          tag += static_cast<char>('A' + (t - kTagA));
        } else if (t >= kTagDigitZero && t <= kTagDigitNine) {
          tag += static_cast<char>('0' + (t - kTagDigitZero));
        } else {
          break;
        }
      }
      // A valid tag sequence is a country code, a subdivision suffix and CANCEL TAG.
      if (points.at(next) == kCancelTag && tag.size() >= 3 && tag.size() <= 6) {
        flags.push_back({.country = tag.substr(0, 2), .subdivision = tag.substr(0, 2) + "-" + tag.substr(2)});
        index = next;
      }
    }
  }
  return flags;
}

}  // namespace crowdlens::text
