// Words and their stems: the tokens topic and role classifiers compare.
//
// Text is cut into lower-case words (letters, marks and digits; an apostrophe
// inside a word stays, hyphens and other punctuation split), URLs are left
// out, and each word can be reduced to its Snowball stem (libstemmer; the
// English algorithm is Porter2, https://snowballstem.org/algorithms/english/
// stemmer.html) so that "journalists", "vaccines" and "vaccinated" meet
// "journalist", "vaccine" and "vaccination" written in a config.
//
//   text::Stemmer stemmer;                                   // English
//   stemmer.Stem("vaccinations");                            // "vaccin"
//   text::LowercaseWords("Head of #CustomerService at ACME")  // {"head","of","customerservice","at","acme"}
//   stemmer.StemWords(text::LowercaseWords("Call centres"))  // {"call", "centr"}
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

struct sb_stemmer;

namespace crowdlens::text {

// What LowercaseWords keeps.
struct WordOptions {
  // false: a word right after '#' or U+FF03 (a hashtag) is left out, for
  // callers that match hashtags on their own.
  bool keep_hashtags = true;
};

// The lower-case words of `utf8_text`, in order. URLs (as twitter-text finds
// them) are skipped; '#' and '@' are dropped so "#CustomerService" gives
// "customerservice" and "@BBCNews" gives "bbcnews"; U+2019 becomes "'".
std::vector<std::string> LowercaseWords(std::string_view utf8_text, WordOptions options = {});

// One Snowball stemmer. Not thread-safe (libstemmer keeps its working buffer
// in the stemmer): use one per thread.
class Stemmer {
 public:
  // English (Porter2).
  Stemmer();
  // `language` is a Snowball algorithm name ("english", "german", "porter")
  // or its ISO 639 code; unknown names are an InvalidArgument.
  static Result<Stemmer> ForLanguage(const std::string& language);

  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;
  ~Stemmer();

  // The stem of one lower-case word (a word libstemmer cannot stem, for want
  // of memory, comes back as it is).
  std::string Stem(std::string_view word) const;
  // Stems each word of `words`.
  std::vector<std::string> StemWords(const std::vector<std::string>& words) const;

 private:
  struct Deleter {
    void operator()(sb_stemmer* stemmer) const;
  };
  explicit Stemmer(sb_stemmer* stemmer);
  std::unique_ptr<sb_stemmer, Deleter> stemmer_;
};

}  // namespace crowdlens::text
