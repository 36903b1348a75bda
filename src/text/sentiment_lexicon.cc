#include "text/sentiment_lexicon.h"

#include <charconv>
#include <cstdlib>

#include "text/code_points.h"
#include "text/lexicon_data.h"

namespace crowdlens::text {
namespace {

// Calls `line_handler(line, line_number)` for each non-empty line.
template <typename Handler>
Status ForEachLine(std::string_view text, Handler line_handler) {
  size_t line_number = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    CROWDLENS_RETURN_IF_ERROR(line_handler(line, line_number));
  }
  return Status::Ok();
}

}  // namespace

const SentimentLexicon& SentimentLexicon::Vader() {
  // The compiled-in files are checked by the tests; a parse failure here is a build defect.
  static const SentimentLexicon lexicon = [] {
    Result<SentimentLexicon> parsed = Parse(kVaderLexiconText, kEmojiLexiconText);
    if (!parsed.ok()) std::abort();
    return std::move(parsed).value();
  }();
  return lexicon;
}

Result<SentimentLexicon> SentimentLexicon::Parse(std::string_view valence_lines, std::string_view emoji_lines) {
  SentimentLexicon lexicon;
  Status status = ForEachLine(valence_lines, [&](std::string_view line, size_t number) -> Status {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) {
      return DataError("sentiment lexicon line " + std::to_string(number) + ": expected TOKEN<TAB>VALENCE");
    }
    std::string_view value = line.substr(tab + 1);
    value = value.substr(0, value.find('\t'));
    double valence = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), valence);
    if (error != std::errc() || end != value.data() + value.size()) {
      return DataError("sentiment lexicon line " + std::to_string(number) + ": valence '" + std::string(value) +
                       "' is not a number");
    }
    lexicon.valences_[std::string(line.substr(0, tab))] = valence;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  status = ForEachLine(emoji_lines, [&](std::string_view line, size_t number) -> Status {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) {
      return DataError("emoji lexicon line " + std::to_string(number) + ": expected EMOJI<TAB>NAME");
    }
    CodePoints emoji(line.substr(0, tab));
    if (emoji.size() == 1) lexicon.emoji_names_.emplace(emoji.at(0), std::string(line.substr(tab + 1)));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return lexicon;
}

std::optional<double> SentimentLexicon::Valence(std::string_view lower_token) const {
  auto found = valences_.find(lower_token);
  if (found == valences_.end()) return std::nullopt;
  return found->second;
}

const std::string* SentimentLexicon::EmojiName(char32_t code_point) const {
  auto found = emoji_names_.find(code_point);
  return found == emoji_names_.end() ? nullptr : &found->second;
}

}  // namespace crowdlens::text
