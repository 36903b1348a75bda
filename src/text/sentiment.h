// Sentiment of short social text with VADER (Hutto & Gilbert 2014, "VADER: A
// Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text",
// ICWSM-14): lexicon valences adjusted by booster words, negation within three
// words, "but", ALL-CAPS emphasis, "!" and "?", and emoji read as their names.
//
// The rules follow vaderSentiment 3.3.2 (its Python reference), including its
// quirks, so that scores equal the published ones (tests/text/sentiment_test.cc
// checks the examples of its README). English only: other languages score as
// whatever English words they happen to share.
//
//   SentimentAnalyzer analyzer;  // the vendored lexicon
//   SentimentScore score = analyzer.Score("Not bad at all");
//   score.compound;        // 0.431
//   score.label();         // SentimentLabel::kPositive
//   score.words;           // {{"bad", 1.85}}: "Not" flipped bad's -2.5
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/sentiment_lexicon.h"

namespace crowdlens::text {

enum class SentimentLabel { kNegative, kNeutral, kPositive };

// "negative", "neutral", "positive".
const char* SentimentLabelName(SentimentLabel label);

// A word that moved the score, with its valence after every rule.
struct WordValence {
  std::string word;  // as written (punctuation around it removed)
  double valence = 0;
};

struct SentimentScore {
  double negative = 0;  // share of the text's weight that is negative (0..1)
  double neutral = 0;
  double positive = 0;
  double compound = 0;  // the normalised sum, -1..+1
  std::vector<WordValence> words;  // the words that decided it, in text order

  // VADER's usual thresholds: compound >= 0.05 positive, <= -0.05 negative.
  SentimentLabel label() const;
  // "bad(+1.85) great(-1.37)": the deciding words for a report column.
  std::string Explain(size_t max_words = 4) const;
};

class SentimentAnalyzer {
 public:
  SentimentAnalyzer() : lexicon_(SentimentLexicon::Vader()) {}
  explicit SentimentAnalyzer(const SentimentLexicon& lexicon) : lexicon_(lexicon) {}

  SentimentScore Score(std::string_view utf8_text) const;

 private:
  const SentimentLexicon& lexicon_;
};

// VADER's normalisation of a valence sum into -1..+1: x / sqrt(x^2 + alpha),
// alpha = 15 approximating the largest expected sum.
double NormaliseValence(double sum, double alpha = 15.0);

}  // namespace crowdlens::text
