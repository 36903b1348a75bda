#include "text/code_points.h"

#include <utf8proc.h>

namespace crowdlens::text {

CodePoints::CodePoints(std::string_view utf8) : source_(utf8) {
  points_.reserve(utf8.size());
  byte_offsets_.reserve(utf8.size() + 1);
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  size_t pos = 0;
  while (pos < utf8.size()) {
    utf8proc_int32_t point = 0;
    utf8proc_ssize_t length =
        utf8proc_iterate(bytes + pos, static_cast<utf8proc_ssize_t>(utf8.size() - pos), &point);
    byte_offsets_.push_back(static_cast<uint32_t>(pos));
    if (length <= 0) {
      points_.push_back(0xFFFD);
      pos += 1;
    } else {
      points_.push_back(static_cast<char32_t>(point));
      pos += static_cast<size_t>(length);
    }
  }
  byte_offsets_.push_back(static_cast<uint32_t>(utf8.size()));
}

std::string_view CodePoints::Slice(size_t begin, size_t end) const {
  if (end > points_.size()) end = points_.size();
  if (begin >= end) return {};
  return source_.substr(byte_offsets_[begin], byte_offsets_[end] - byte_offsets_[begin]);
}

bool IsLetterOrMark(char32_t c) {
  if (c < 0x80) return IsAsciiLetter(c);
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return true;
    default:
      return false;
  }
}

bool IsDecimalDigit(char32_t c) {
  if (c < 0x80) return IsAsciiDigit(c);
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ND;
}

char32_t ToLower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
  return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
}

void AppendUtf8(char32_t c, std::string& out) {
  utf8proc_uint8_t buffer[4];
  utf8proc_ssize_t length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buffer);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(length));
}

bool IsTwitterSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 || c == 0x180E ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool IsJsWhitespace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool IsDirectionalMarker(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x2066 && c <= 0x2069);
}

bool IsLatinAccent(char32_t c) {
  return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x24F) || c == 0x253 ||
         c == 0x254 || c == 0x256 || c == 0x257 || c == 0x259 || c == 0x25B || c == 0x263 || c == 0x268 ||
         c == 0x26F || c == 0x272 || c == 0x289 || c == 0x28B || c == 0x2BB || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x1E00 && c <= 0x1EFF);
}

}  // namespace crowdlens::text
