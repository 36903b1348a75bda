#include "text/person_name.h"

#include <algorithm>
#include <array>

#include "text/jaro_winkler.h"
#include "text/nicknames.h"
#include "text/transliterate.h"

namespace crowdlens::text {
namespace {

// Titles and suffixes that say nothing about who a person is.
constexpr std::array<std::string_view, 19> kIgnoredWords = {
    "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame",
    "jr", "sr", "ii", "iii", "phd", "md", "mba", "esq", "rev"};

// Score of a word pair that is a nickname pair (Bob, Robert): below an exact
// match so an exact spelling wins a tie, above any typo Jaro-Winkler allows.
constexpr double kNicknameScore = 0.97;
constexpr double kContactWeight = 0.75;

bool IsIgnored(std::string_view word) {
  return std::find(kIgnoredWords.begin(), kIgnoredWords.end(), word) != kIgnoredWords.end();
}

bool IsWordByte(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80; }

struct WordScore {
  double score = 0;
  bool nickname = false;
};

WordScore BestScore(const std::string& word, const std::vector<std::string>& others) {
  WordScore best;
  for (const std::string& other : others) {
    if (word == other) return {.score = 1.0};
    if (SameGivenName(word, other) && kNicknameScore > best.score) {
      best = {.score = kNicknameScore, .nickname = true};
      continue;
    }
    const double similarity = JaroWinkler(word, other);
    if (similarity > best.score) best = {.score = similarity};
  }
  return best;
}

}  // namespace

std::vector<std::string> NameWords(std::string_view name) {
  const std::string folded = FoldToAscii(name);
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (word.size() > 1 && !IsIgnored(word)) words.push_back(word);
    word.clear();
  };
  for (char c : folded) {
    if (IsWordByte(c)) {
      word.push_back(c);
    } else if (c != '\'') {  // O'Toole is one word
      flush();
    }
  }
  flush();
  return words;
}

std::string HandleAsName(std::string_view handle) {
  std::string_view bare = handle;
  if (!bare.empty() && bare.front() == '@') bare.remove_prefix(1);
  if (size_t at = bare.find('@'); at != std::string_view::npos) bare = bare.substr(0, at);
  if (size_t dot = bare.find('.'); dot != std::string_view::npos) bare = bare.substr(0, dot);
  std::string name;
  for (char c : FoldToAscii(bare)) {
    if (c >= 'a' && c <= 'z') name.push_back(c);
  }
  return name;
}

NameSimilarity CompareNames(const std::vector<std::string>& contact_words,
                            const std::vector<std::string>& account_words) {
  if (contact_words.empty() || account_words.empty()) return {};
  NameSimilarity result;
  double contact_sum = 0;
  for (const std::string& word : contact_words) {
    WordScore best = BestScore(word, account_words);
    contact_sum += best.score;
    result.nickname = result.nickname || best.nickname;
  }
  double account_sum = 0;
  for (const std::string& word : account_words) account_sum += BestScore(word, contact_words).score;
  result.similarity = kContactWeight * contact_sum / static_cast<double>(contact_words.size()) +
                      (1.0 - kContactWeight) * account_sum / static_cast<double>(account_words.size());
  return result;
}

}  // namespace crowdlens::text
