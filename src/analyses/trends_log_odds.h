// Distinctive words of one group of posts against another: the log-odds
// ratio with an informative Dirichlet prior (B. Monroe, M. Colaresi, K. Quinn,
// "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying
// the Content of Political Conflict", Political Analysis 16(4), 2008, §3.5).
//
// For word w with counts y_i (group i, n_i words) and y_j (the rest, n_j)
// and prior pseudo-counts a_w = a_0 * (share of w in the prior corpus):
//   delta_w = log((y_i + a_w) / (n_i + a_0 - y_i - a_w)) - log((y_j + a_w) / (n_j + a_0 - y_j - a_w))
//   var_w  ~= 1 / (y_i + a_w) + 1 / (y_j + a_w)
// and words rank by the z-score delta_w / sqrt(var_w): frequent words shrink
// toward the prior, so a word is distinctive only with enough evidence.
//
//   std::vector<DistinctiveWord> words = DistinctiveWords(this_year, other_years, all_years, {.prior_size = 1000});
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace crowdlens {

using WordCounts = std::unordered_map<std::string, int64_t>;

struct LogOddsOptions {
  double prior_size = 1000;  // a_0: how many words the prior is worth
  int64_t min_count = 3;     // a word must occur this often in the group
  size_t top = 10;
};

struct DistinctiveWord {
  std::string word;
  double z = 0;      // delta / sqrt(var)
  double delta = 0;  // the log-odds ratio
  int64_t count = 0; // in the group
};

// The group's words with the largest positive z against `rest`, the prior
// estimated from `prior` (often group + rest).
std::vector<DistinctiveWord> DistinctiveWords(const WordCounts& group, const WordCounts& rest,
                                              const WordCounts& prior, const LogOddsOptions& options = {});

}  // namespace crowdlens
