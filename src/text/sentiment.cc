#include "text/sentiment.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <unordered_map>

#include "text/code_points.h"

namespace crowdlens::text {
namespace {

// Empirical constants of the VADER paper (Hutto & Gilbert 2014, Table 3 and §3.3):
// a booster word adds 0.293 to a valence, ALL-CAPS emphasis 0.733, a negation
// multiplies by -0.74, each "!" adds 0.292 (up to 4) and 2-3 "?" add 0.18 each.
constexpr double kBoosterIncrement = 0.293;
constexpr double kBoosterDecrement = -0.293;
constexpr double kCapsIncrement = 0.733;
constexpr double kNegationScalar = -0.74;

constexpr std::array<std::string_view, 59> kNegations = {
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't",
    "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt",
    "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never",
    "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
    "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't",
    "wouldn't", "rarely", "seldom", "despite"};

// Degree adverbs ("boosters" and "dampeners") with the paper's mean effect.
const std::unordered_map<std::string_view, double>& Boosters() {
  static const std::unordered_map<std::string_view, double> boosters = [] {
    std::unordered_map<std::string_view, double> table;
    for (std::string_view word :
         {"absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
          "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
          "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
          "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
          "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
          "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous",
          "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very"}) {
      table[word] = kBoosterIncrement;
    }
    for (std::string_view word :
         {"almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little",
          "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight",
          "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of"}) {
      table[word] = kBoosterDecrement;
    }
    return table;
  }();
  return boosters;
}

// Idioms whose valence replaces that of the lexicon word inside them.
const std::unordered_map<std::string_view, double>& SpecialCases() {
  static const std::unordered_map<std::string_view, double> cases = {
      {"the shit", 3},         {"the bomb", 3},      {"bad ass", 1.5},       {"badass", 1.5},
      {"bus stop", 0.0},       {"yeah right", -2},   {"kiss of death", -1.5}, {"to die for", 3},
      {"beating heart", 3.1},  {"broken heart", -2.9}};
  return cases;
}

double BoosterOf(std::string_view lower) {
  const auto& boosters = Boosters();
  auto found = boosters.find(lower);
  return found == boosters.end() ? 0.0 : found->second;
}

bool IsBooster(std::string_view lower) { return Boosters().count(lower) > 0; }

// Python's str.split() separators.
bool IsPythonSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Python's str.isupper(): at least one cased character and none lower or title case.
bool IsAllCaps(std::string_view word) {
  CodePoints points(word);
  bool has_upper = false;
  for (size_t index = 0; index < points.size(); ++index) {
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(points.at(index)))) {
      case UTF8PROC_CATEGORY_LU:
        has_upper = true;
        break;
      case UTF8PROC_CATEGORY_LL:
      case UTF8PROC_CATEGORY_LT:
        return false;
      default:
        break;
    }
  }
  return has_upper;
}

std::string Lower(std::string_view word) {
  CodePoints points(word);
  std::string out;
  out.reserve(word.size());
  for (size_t index = 0; index < points.size(); ++index) AppendUtf8(ToLower(points.at(index)), out);
  return out;
}

bool IsNegation(std::string_view lower) {
  return std::find(kNegations.begin(), kNegations.end(), lower) != kNegations.end() ||
         lower.find("n't") != std::string_view::npos;
}

struct Token {
  std::string text;   // punctuation stripped unless that leaves 2 characters or fewer (an emoticon)
  std::string lower;
  bool all_caps = false;
};

// VADER's SentiText: split on whitespace, strip ASCII punctuation around words.
std::vector<Token> Tokenise(std::string_view text) {
  std::vector<Token> tokens;
  CodePoints points(text);
  size_t index = 0;
  while (index < points.size()) {
    while (index < points.size() && IsPythonSpace(points.at(index))) ++index;
    size_t begin = index;
    while (index < points.size() && !IsPythonSpace(points.at(index))) ++index;
    if (begin == index) break;
    size_t first = begin, last = index;
    while (first < last && IsAsciiPunct(points.at(first))) ++first;
    while (last > first && IsAsciiPunct(points.at(last - 1))) --last;
    Token token;
    token.text = std::string(last - first <= 2 ? points.Slice(begin, index) : points.Slice(first, last));
    token.lower = Lower(token.text);
    token.all_caps = IsAllCaps(token.text);
    tokens.push_back(std::move(token));
  }
  return tokens;
}

class Scorer {
 public:
  Scorer(const SentimentLexicon& lexicon, const std::vector<Token>& tokens) : lexicon_(lexicon), tokens_(tokens) {
    size_t caps = 0;
    for (const Token& token : tokens) caps += token.all_caps ? 1 : 0;
    // ALL CAPS is emphasis only when some words, not all, are in capitals.
    caps_differ_ = caps > 0 && caps < tokens.size();
  }

  double Valence(size_t i) const {
    std::optional<double> base = lexicon_.Valence(tokens_[i].lower);
    if (!base) return 0.0;
    double valence = *base;
    if (Word(i) == "no" && i + 1 < tokens_.size() && InLexicon(i + 1)) valence = 0.0;
    if ((i > 0 && Word(i - 1) == "no") || (i > 1 && Word(i - 2) == "no") ||
        (i > 2 && Word(i - 3) == "no" && (Word(i - 1) == "or" || Word(i - 1) == "nor"))) {
      valence = *base * kNegationScalar;
    }
    if (tokens_[i].all_caps && caps_differ_) valence += valence > 0 ? kCapsIncrement : -kCapsIncrement;
    for (size_t start = 0; start < 3; ++start) {
      // Modifiers up to three words back, dampened with distance; a lexicon word is no modifier.
      if (i > start && !InLexicon(i - (start + 1))) {
        double scalar = ScalarIncrement(tokens_[i - (start + 1)], valence);
        if (start == 1) scalar *= 0.95;
        if (start == 2) scalar *= 0.9;
        valence += scalar;
        valence = NegationCheck(valence, start, i);
        if (start == 2) valence = SpecialIdioms(valence, i);
      }
    }
    return LeastCheck(valence, i);
  }

  bool caps_differ() const { return caps_differ_; }

 private:
  std::string_view Word(size_t index) const { return tokens_[index].lower; }
  bool InLexicon(size_t index) const { return lexicon_.Contains(tokens_[index].lower); }

  double ScalarIncrement(const Token& token, double valence) const {
    double scalar = BoosterOf(token.lower);
    if (scalar == 0.0 && !IsBooster(token.lower)) return 0.0;
    if (valence < 0) scalar *= -1;
    if (token.all_caps && caps_differ_) scalar += valence > 0 ? kCapsIncrement : -kCapsIncrement;
    return scalar;
  }

  double NegationCheck(double valence, size_t start, size_t i) const {
    if (start == 0) {
      if (IsNegation(Word(i - 1))) valence *= kNegationScalar;
    } else if (start == 1) {
      if (Word(i - 2) == "never" && (Word(i - 1) == "so" || Word(i - 1) == "this")) {
        valence *= 1.25;
      } else if (Word(i - 2) == "without" && Word(i - 1) == "doubt") {
        // "without doubt" affirms.
      } else if (IsNegation(Word(i - 2))) {
        valence *= kNegationScalar;
      }
    } else {
      // Operator precedence as in vaderSentiment: (never AND (so|this)) OR (so|this just before).
      if ((Word(i - 3) == "never" && (Word(i - 2) == "so" || Word(i - 2) == "this")) ||
          (Word(i - 1) == "so" || Word(i - 1) == "this")) {
        valence *= 1.25;
      } else if (Word(i - 3) == "without" && (Word(i - 2) == "doubt" || Word(i - 1) == "doubt")) {
      } else if (IsNegation(Word(i - 3))) {
        valence *= kNegationScalar;
      }
    }
    return valence;
  }

  double SpecialIdioms(double valence, size_t i) const {
    const auto& cases = SpecialCases();
    auto join = [&](std::initializer_list<size_t> indices) {
      std::string out;
      for (size_t index : indices) out += (out.empty() ? "" : " ") + std::string(Word(index));
      return out;
    };
    std::string one_zero = join({i - 1, i}), two_one_zero = join({i - 2, i - 1, i}), two_one = join({i - 2, i - 1});
    std::string three_two_one = join({i - 3, i - 2, i - 1}), three_two = join({i - 3, i - 2});
    for (const std::string* sequence : {&one_zero, &two_one_zero, &two_one, &three_two_one, &three_two}) {
      auto found = cases.find(*sequence);
      if (found != cases.end()) {
        valence = found->second;
        break;
      }
    }
    if (tokens_.size() - 1 > i) {
      auto found = cases.find(join({i, i + 1}));
      if (found != cases.end()) valence = found->second;
    }
    if (tokens_.size() - 1 > i + 1) {
      auto found = cases.find(join({i, i + 1, i + 2}));
      if (found != cases.end()) valence = found->second;
    }
    // Two-word degree modifiers: "kind of", "sort of", "just enough".
    for (const std::string* ngram : {&three_two_one, &three_two, &two_one}) valence += BoosterOf(*ngram);
    return valence;
  }

  double LeastCheck(double valence, size_t i) const {
    // "least" negates, except in "at least" and "very least".
    if (i > 1 && !InLexicon(i - 1) && Word(i - 1) == "least") {
      if (Word(i - 2) != "at" && Word(i - 2) != "very") valence *= kNegationScalar;
    } else if (i > 0 && !InLexicon(i - 1) && Word(i - 1) == "least") {
      valence *= kNegationScalar;
    }
    return valence;
  }

  const SentimentLexicon& lexicon_;
  const std::vector<Token>& tokens_;
  bool caps_differ_ = false;
};

// "!" up to four, and "?" when there are two or more, amplify the sum.
double PunctuationEmphasis(std::string_view text) {
  double exclamations = static_cast<double>(std::min<size_t>(std::count(text.begin(), text.end(), '!'), 4));
  size_t questions = static_cast<size_t>(std::count(text.begin(), text.end(), '?'));
  double question_emphasis = questions <= 1 ? 0.0 : questions <= 3 ? static_cast<double>(questions) * 0.18 : 0.96;
  return exclamations * 0.292 + question_emphasis;
}

}  // namespace

const char* SentimentLabelName(SentimentLabel label) {
  switch (label) {
    case SentimentLabel::kNegative:
      return "negative";
    case SentimentLabel::kNeutral:
      return "neutral";
    case SentimentLabel::kPositive:
      return "positive";
  }
  return "neutral";
}

SentimentLabel SentimentScore::label() const {
  if (compound >= 0.05) return SentimentLabel::kPositive;
  if (compound <= -0.05) return SentimentLabel::kNegative;
  return SentimentLabel::kNeutral;
}

std::string SentimentScore::Explain(size_t max_words) const {
  std::vector<const WordValence*> strongest;
  for (const WordValence& word : words) strongest.push_back(&word);
  std::stable_sort(strongest.begin(), strongest.end(), [](const WordValence* a, const WordValence* b) {
    return std::fabs(a->valence) > std::fabs(b->valence);
  });
  if (strongest.size() > max_words) strongest.resize(max_words);
  std::string out;
  for (const WordValence* word : strongest) {
    char number[32];
    std::snprintf(number, sizeof number, "%+.2f", word->valence);
    out += (out.empty() ? "" : " ") + word->word + "(" + number + ")";
  }
  return out;
}

double NormaliseValence(double sum, double alpha) {
  double normalised = sum / std::sqrt(sum * sum + alpha);
  return std::clamp(normalised, -1.0, 1.0);
}

SentimentScore SentimentAnalyzer::Score(std::string_view utf8_text) const {
  // Emoji become their names, set off by a space as vaderSentiment does.
  CodePoints points(utf8_text);
  std::string text;
  text.reserve(utf8_text.size());
  bool previous_space = true;
  for (size_t index = 0; index < points.size(); ++index) {
    char32_t point = points.at(index);
    if (const std::string* name = lexicon_.EmojiName(point)) {
      if (!previous_space) text += ' ';
      text += *name;
      previous_space = false;
    } else {
      text += points.Slice(index, index + 1);
      previous_space = point == U' ';
    }
  }
  std::vector<Token> tokens = Tokenise(text);
  Scorer scorer(lexicon_, tokens);
  std::vector<double> sentiments;
  sentiments.reserve(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    bool modifier = IsBooster(tokens[i].lower) ||
                    (i + 1 < tokens.size() && tokens[i].lower == "kind" && tokens[i + 1].lower == "of");
    sentiments.push_back(modifier ? 0.0 : scorer.Valence(i));
  }

  // "but": the words before it count half, the words after it one and a half.
  // vaderSentiment finds each value with list.index(), so of equal values the
  // first is the one changed; that is kept here so scores match its own.
  auto but = std::find_if(tokens.begin(), tokens.end(), [](const Token& token) { return token.lower == "but"; });
  if (but != tokens.end()) {
    size_t but_index = static_cast<size_t>(but - tokens.begin());
    for (size_t position = 0; position < sentiments.size(); ++position) {
      double sentiment = sentiments[position];
      size_t first = static_cast<size_t>(std::find(sentiments.begin(), sentiments.end(), sentiment) - sentiments.begin());
      if (first < but_index) sentiments[first] = sentiment * 0.5;
      else if (first > but_index) sentiments[first] = sentiment * 1.5;
    }
  }

  SentimentScore score;
  if (sentiments.empty()) return score;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (sentiments[i] != 0.0) score.words.push_back({.word = tokens[i].text, .valence = sentiments[i]});
  }
  double sum = 0;
  for (double sentiment : sentiments) sum += sentiment;
  double emphasis = PunctuationEmphasis(text);
  if (sum > 0) sum += emphasis;
  else if (sum < 0) sum -= emphasis;
  score.compound = NormaliseValence(sum);

  double positive_sum = 0, negative_sum = 0, neutral_count = 0;
  for (double sentiment : sentiments) {
    // +1 and -1 compensate for neutral words counting 1 each.
    if (sentiment > 0) positive_sum += sentiment + 1;
    if (sentiment < 0) negative_sum += sentiment - 1;
    if (sentiment == 0) neutral_count += 1;
  }
  if (positive_sum > std::fabs(negative_sum)) positive_sum += emphasis;
  else if (positive_sum < std::fabs(negative_sum)) negative_sum -= emphasis;
  double total = positive_sum + std::fabs(negative_sum) + neutral_count;
  score.positive = std::fabs(positive_sum / total);
  score.negative = std::fabs(negative_sum / total);
  score.neutral = std::fabs(neutral_count / total);
  return score;
}

}  // namespace crowdlens::text
