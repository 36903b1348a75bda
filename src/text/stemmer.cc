#include "text/stemmer.h"

#include <libstemmer.h>

#include "text/code_points.h"
#include "text/urls.h"

namespace crowdlens::text {
namespace {

bool IsWordChar(char32_t c) { return IsAsciiAlnum(c) || (c >= 0x80 && (IsLetterOrMark(c) || IsDecimalDigit(c))); }

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

}  // namespace

std::vector<std::string> LowercaseWords(std::string_view utf8_text, WordOptions options) {
  CodePoints points(utf8_text);
  std::vector<TextEntity> urls = FindUrls(points);
  std::vector<std::string> words;
  std::string word;
  size_t next_url = 0;
  auto finish_word = [&] {
    // An apostrophe that ends a word ("students'") is quotation, not part of it.
    while (!word.empty() && word.back() == '\'') word.pop_back();
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (size_t index = 0; index < points.size(); ++index) {
    if (next_url < urls.size() && index == urls[next_url].start) {
      finish_word();
      index = urls[next_url].end - 1;
      ++next_url;
      continue;
    }
    char32_t c = points.at(index);
    if (!options.keep_hashtags && word.empty() && (c == '#' || c == 0xFF03) && IsWordChar(points.at(index + 1))) {
      finish_word();
      // A hashtag runs on through underscores (#covid_19).
      while (index + 1 < points.size() && (IsWordChar(points.at(index + 1)) || points.at(index + 1) == '_')) ++index;
      continue;
    }
    if (IsWordChar(c)) {
      AppendUtf8(ToLower(c), word);
    } else if (IsApostrophe(c) && !word.empty() && IsWordChar(points.at(index + 1))) {
      word += '\'';
    } else {
      finish_word();
    }
  }
  finish_word();
  return words;
}

void Stemmer::Deleter::operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")) {}

Stemmer::Stemmer(sb_stemmer* stemmer) : stemmer_(stemmer) {}

Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;
Stemmer::~Stemmer() = default;

Result<Stemmer> Stemmer::ForLanguage(const std::string& language) {
  sb_stemmer* stemmer = sb_stemmer_new(language.c_str(), "UTF_8");
  if (stemmer == nullptr) {
    std::string known;
    for (const char** name = sb_stemmer_list(); *name != nullptr; ++name) {
      known += (known.empty() ? "" : ", ") + std::string(*name);
    }
    return InvalidArgument("no Snowball stemmer for language '" + language + "'; known: " + known);
  }
  return Stemmer(stemmer);
}

std::string Stemmer::Stem(std::string_view word) const {
  if (!stemmer_ || word.empty()) return std::string(word);
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (stem == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(stem), static_cast<size_t>(sb_stemmer_length(stemmer_.get())));
}

std::vector<std::string> Stemmer::StemWords(const std::vector<std::string>& words) const {
  std::vector<std::string> stems;
  stems.reserve(words.size());
  for (const std::string& word : words) stems.push_back(Stem(word));
  return stems;
}

}  // namespace crowdlens::text
