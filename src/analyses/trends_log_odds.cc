#include "analyses/trends_log_odds.h"

#include <algorithm>
#include <cmath>

namespace crowdlens {
namespace {

int64_t Total(const WordCounts& counts) {
  int64_t total = 0;
  for (const auto& [word, count] : counts) total += count;
  return total;
}

int64_t CountOf(const WordCounts& counts, const std::string& word) {
  auto found = counts.find(word);
  return found == counts.end() ? 0 : found->second;
}

}  // namespace

std::vector<DistinctiveWord> DistinctiveWords(const WordCounts& group, const WordCounts& rest,
                                              const WordCounts& prior, const LogOddsOptions& options) {
  std::vector<DistinctiveWord> words;
  double group_total = static_cast<double>(Total(group));
  double rest_total = static_cast<double>(Total(rest));
  double prior_total = static_cast<double>(Total(prior));
  if (group_total == 0 || prior_total == 0) return words;
  double a0 = options.prior_size;
  for (const auto& [word, count] : group) {
    if (count < options.min_count) continue;
    double a_w = a0 * static_cast<double>(CountOf(prior, word)) / prior_total;
    // A word the prior never saw gets the smallest pseudo-count of one word.
    if (a_w <= 0) a_w = a0 / prior_total;
    double y_i = static_cast<double>(count);
    double y_j = static_cast<double>(CountOf(rest, word));
    double delta = std::log((y_i + a_w) / (group_total + a0 - y_i - a_w)) -
                   std::log((y_j + a_w) / (rest_total + a0 - y_j - a_w));
    double variance = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w);
    double z = delta / std::sqrt(variance);
    if (z > 0) words.push_back({.word = word, .z = z, .delta = delta, .count = count});
  }
  std::sort(words.begin(), words.end(), [](const DistinctiveWord& a, const DistinctiveWord& b) {
    return a.z != b.z ? a.z > b.z : a.word < b.word;
  });
  if (words.size() > options.top) words.resize(options.top);
  return words;
}

}  // namespace crowdlens
