#include "text/stemmer_phrases.h"

namespace crowdlens::text {

size_t PhraseMatcher::Add(std::vector<std::string> words) {
  size_t index = phrases_.size();
  if (!words.empty()) by_first_word_[words.front()].push_back(index);
  phrases_.push_back(std::move(words));
  return index;
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(const std::vector<std::string>& words) const {
  std::vector<PhraseMatch> matches;
  for (size_t position = 0; position < words.size(); ++position) {
    auto candidates = by_first_word_.find(words[position]);
    if (candidates == by_first_word_.end()) continue;
    for (size_t phrase : candidates->second) {
      const std::vector<std::string>& wanted = phrases_[phrase];
      if (position + wanted.size() > words.size()) continue;
      bool all_equal = true;
      for (size_t offset = 1; offset < wanted.size() && all_equal; ++offset) {
        all_equal = words[position + offset] == wanted[offset];
      }
      if (all_equal) matches.push_back({.phrase = phrase, .position = position, .length = wanted.size()});
    }
  }
  return matches;
}

}  // namespace crowdlens::text
