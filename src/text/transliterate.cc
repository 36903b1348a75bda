#include "text/transliterate.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "text/normalize.h"

namespace crowdlens::text {
namespace {

// One transliterator per thread: ICU transliterators keep no state between
// calls, but sharing one across threads is not documented as safe. Null when
// ICU has no data for the transform; folding alone is then used.
icu::Transliterator* ToLatinAscii() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> created(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) created.reset();
    return created;
  }();
  return transliterator.get();
}

}  // namespace

std::string FoldToAscii(std::string_view utf8_text) {
  const bool ascii = std::all_of(utf8_text.begin(), utf8_text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return FoldForMatching(utf8_text);  // nothing to transliterate
  const std::string valid = ReplaceInvalidUtf8(utf8_text);
  icu::Transliterator* transliterator = ToLatinAscii();
  if (transliterator == nullptr) return FoldForMatching(valid);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(valid);
  transliterator->transliterate(text);
  std::string latin;
  text.toUTF8String(latin);
  return FoldForMatching(latin);
}

}  // namespace crowdlens::text
