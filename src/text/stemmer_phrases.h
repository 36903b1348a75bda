// Phrases found in a sequence of words: the keyword matching that topics and
// roles share. A phrase is a sequence of words ("customer service", "head of");
// it matches where the same words follow one another in a text. Callers give
// words as LowercaseWords makes them, stemmed or not (topics compare stems,
// roles compare words: see topic_classifier.h and role_classifier.h).
//
//   text::PhraseMatcher matcher;
//   size_t cs = matcher.Add(stemmer.StemWords(text::LowercaseWords("customer service")));
//   for (const text::PhraseMatch& match : matcher.FindAll(stemmer.StemWords(words))) { ... match.phrase == cs ... }
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace crowdlens::text {

// One occurrence: which phrase, and where in the words it starts.
struct PhraseMatch {
  size_t phrase = 0;    // the index Add returned
  size_t position = 0;  // index of its first word
  size_t length = 0;    // its number of words
};

class PhraseMatcher {
 public:
  // Adds a phrase and returns its index (indices count up from 0). A phrase
  // with no words is kept (so indices stay aligned with the caller's list)
  // but never matches.
  size_t Add(std::vector<std::string> words);

  // Every occurrence of every phrase in `words`, by position; phrases that
  // overlap are all reported.
  std::vector<PhraseMatch> FindAll(const std::vector<std::string>& words) const;

  size_t size() const { return phrases_.size(); }

 private:
  std::vector<std::vector<std::string>> phrases_;
  std::unordered_map<std::string, std::vector<size_t>> by_first_word_;
};

}  // namespace crowdlens::text
