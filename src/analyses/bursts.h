// Burst detection over counts per time bin.
//
// Kleinberg's two-state automaton (J. Kleinberg, "Bursty and Hierarchical
// Structure in Streams", KDD 2002 / Data Mining and Knowledge Discovery 7,
// 2003, §4 "enumerating bursts" for batched arrivals): in bin t, r_t of d_t
// posts are relevant (carry a hashtag, a term, an author...). The base state
// emits relevant posts at the overall rate p0 = R/D, the burst state at
// p1 = s * p0; a bin costs -ln(p_i^r (1-p_i)^(d-r)) in state i, entering the
// burst state costs gamma * ln(n) for n bins. The cheapest state sequence
// (Viterbi) marks the bursts; a burst's strength is Kleinberg's weight, the
// sum over its bins of cost(base) - cost(burst).
//
// A baseline to compare with: a trailing z-score of r_t against the mean and
// standard deviation of the previous `window` bins.
//
//   std::vector<Burst> bursts = DetectBursts(relevant, totals, {.s = 2, .gamma = 1});
//   for (const Burst& b : bursts) ... b.first_bin, b.last_bin, b.strength ...
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace crowdlens {

struct BurstOptions {
  double s = 2.0;      // burst rate as a multiple of the base rate (Kleinberg's s > 1)
  double gamma = 1.0;  // cost of entering a burst, in units of ln(n) (Kleinberg's gamma)
};

struct Burst {
  size_t first_bin = 0;  // index into the counts
  size_t last_bin = 0;   // inclusive
  double strength = 0;   // Kleinberg's burst weight, > 0
  int64_t relevant = 0;  // sum of r_t over the burst
  int64_t total = 0;     // sum of d_t over the burst
};

// The bursts of r_t among d_t (same length, r_t <= d_t), in time order.
// Bins with d_t = 0 carry no information and cost nothing in either state.
std::vector<Burst> DetectBursts(std::span<const int64_t> relevant, std::span<const int64_t> totals,
                                const BurstOptions& options = {});

struct ZScoreOptions {
  size_t window = 24;      // bins of history
  size_t min_history = 3;  // bins needed before a z-score is given
  double threshold = 3.0;  // z at or above which a bin is flagged
};

// The trailing z-score of each bin: (x_t - mean) / max(sd, 1) over the
// previous `window` bins; 0 while there is too little history.
std::vector<double> TrailingZScores(std::span<const int64_t> counts, const ZScoreOptions& options = {});

// Runs of consecutive bins whose z-score reaches the threshold; strength is the peak z.
std::vector<Burst> DetectZScoreBursts(std::span<const int64_t> counts, const ZScoreOptions& options = {});

}  // namespace crowdlens
