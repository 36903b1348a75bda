// Code points: post text decoded once so scanners can look at characters, not
// bytes, and report positions the way twitter-text does (in code points).
//
// Bytes that are not valid UTF-8 each become one U+FFFD, so every input
// decodes and positions stay meaningful. Unicode categories come from
// utf8proc.
//
//   CodePoints text = DecodeUtf8("#café");
//   text.size();          // 5
//   text.Slice(1, 5);     // "café" (the original bytes)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crowdlens::text {

class CodePoints {
 public:
  explicit CodePoints(std::string_view utf8);

  size_t size() const { return points_.size(); }
  bool empty() const { return points_.empty(); }
  // The code point at `index`, or 0 past the end (callers test for "end of text").
  char32_t at(size_t index) const { return index < points_.size() ? points_[index] : 0; }
  // The original bytes of code points [begin, end).
  std::string_view Slice(size_t begin, size_t end) const;

 private:
  std::string_view source_;
  std::u32string points_;
  std::vector<uint32_t> byte_offsets_;  // one per code point, plus the end
};

// Unicode general categories L* and M* (letters and combining marks).
bool IsLetterOrMark(char32_t c);
// Unicode general category Nd (decimal digits of any script).
bool IsDecimalDigit(char32_t c);
// Simple lower-case mapping.
char32_t ToLower(char32_t c);
// Appends the UTF-8 bytes of `c`.
void AppendUtf8(char32_t c, std::string& out);

inline bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlnum(char32_t c) { return IsAsciiLetter(c) || IsAsciiDigit(c); }
// ASCII punctuation: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
inline bool IsAsciiPunct(char32_t c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
}

// twitter-text's space set: ASCII controls \t..\r, space, U+0085, U+00A0,
// U+1680, U+180E, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
bool IsTwitterSpace(char32_t c);
// What a JavaScript regular expression's \s matches (twitter-text's cashtags use it).
bool IsJsWhitespace(char32_t c);
// Bidirectional controls: U+202A..U+202E, U+061C, U+200E, U+200F, U+2066..U+2069.
bool IsDirectionalMarker(char32_t c);
// Characters twitter-text treats as never valid in text: U+FFFE, U+FEFF, U+FFFF.
inline bool IsInvalidChar(char32_t c) { return c == 0xFFFE || c == 0xFEFF || c == 0xFFFF; }
// twitter-text's Latin accented letters (U+00C0.., U+0100..U+024F, IPA and
// combining ranges, U+1E00..U+1EFF): they continue a word after an @mention.
bool IsLatinAccent(char32_t c);

}  // namespace crowdlens::text
