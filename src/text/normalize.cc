#include "text/normalize.h"

#include <utf8proc.h>

#include <cstdlib>

namespace crowdlens::text {
namespace {

bool IsAscii(std::string_view text) {
  for (char byte : text) {
    if (static_cast<unsigned char>(byte) >= 0x80) return false;
  }
  return true;
}

// utf8proc_map with `options`, on text already known to be valid UTF-8.
std::string Map(std::string_view text, int options) {
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &mapped, static_cast<utf8proc_option_t>(options));
  if (length < 0) {
    // Only an allocation failure is left once the input is valid: keep the text as it is.
    return std::string(text);
  }
  std::string result(reinterpret_cast<const char*>(mapped), static_cast<size_t>(length));
  std::free(mapped);
  return result;
}

}  // namespace

std::string ReplaceInvalidUtf8(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  std::string result;
  result.reserve(text.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t position = 0;
  while (position < text.size()) {
    utf8proc_int32_t point = 0;
    utf8proc_ssize_t length =
        utf8proc_iterate(bytes + position, static_cast<utf8proc_ssize_t>(text.size() - position), &point);
    if (length <= 0) {
      result += "\xEF\xBF\xBD";
      position += 1;
    } else {
      result.append(text.substr(position, static_cast<size_t>(length)));
      position += static_cast<size_t>(length);
    }
  }
  return result;
}

std::string NormalizeNfkc(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  return Map(ReplaceInvalidUtf8(text), UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
}

std::string FoldForMatching(std::string_view text) {
  if (IsAscii(text)) {
    std::string result(text);
    for (char& byte : result) {
      if (byte >= 'A' && byte <= 'Z') byte = static_cast<char>(byte - 'A' + 'a');
    }
    return result;
  }
  return Map(ReplaceInvalidUtf8(text),
             UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
}

}  // namespace crowdlens::text
