#include "analyses/bursts.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace crowdlens {
namespace {

// -ln(p^r (1-p)^(d-r)); the binomial coefficient is the same in both states and cancels.
double EmissionCost(double rate, int64_t relevant, int64_t total) {
  double cost = 0;
  if (relevant > 0) cost -= static_cast<double>(relevant) * std::log(rate);
  if (total > relevant) cost -= static_cast<double>(total - relevant) * std::log1p(-rate);
  return cost;
}

}  // namespace

std::vector<Burst> DetectBursts(std::span<const int64_t> relevant, std::span<const int64_t> totals,
                                const BurstOptions& options) {
  std::vector<Burst> bursts;
  size_t bins = std::min(relevant.size(), totals.size());
  int64_t relevant_sum = 0, total_sum = 0;
  for (size_t bin = 0; bin < bins; ++bin) {
    relevant_sum += relevant[bin];
    total_sum += totals[bin];
  }
  if (bins == 0 || relevant_sum == 0 || total_sum == 0) return bursts;
  double base_rate = static_cast<double>(relevant_sum) / static_cast<double>(total_sum);
  // The burst rate must stay below 1 for the cost of non-relevant posts to be finite.
  double burst_rate = std::min(options.s * base_rate, 0.9999);
  if (burst_rate <= base_rate) return bursts;
  double enter_cost = options.gamma * std::log(static_cast<double>(bins));

  // Viterbi over two states, starting in the base state as Kleinberg's automaton does.
  std::vector<uint8_t> came_from_burst_for_base(bins), came_from_burst_for_burst(bins);
  double base_cost = 0, burst_cost = enter_cost;  // before bin 0: in base; burst needs entering
  bool first = true;
  for (size_t bin = 0; bin < bins; ++bin) {
    double emit_base = EmissionCost(base_rate, relevant[bin], totals[bin]);
    double emit_burst = EmissionCost(burst_rate, relevant[bin], totals[bin]);
    double previous_base = base_cost, previous_burst = first ? std::numeric_limits<double>::infinity() : burst_cost;
    // Into base: from base (free) or from burst (leaving is free).
    bool base_from_burst = previous_burst < previous_base;
    double next_base = std::min(previous_base, previous_burst) + emit_base;
    // Into burst: from burst (free) or from base (pay enter_cost).
    double from_base = previous_base + enter_cost;
    bool burst_from_burst = previous_burst <= from_base;
    double next_burst = std::min(previous_burst, from_base) + emit_burst;
    came_from_burst_for_base[bin] = base_from_burst;
    came_from_burst_for_burst[bin] = burst_from_burst;
    base_cost = next_base;
    burst_cost = next_burst;
    first = false;
  }
  std::vector<uint8_t> in_burst(bins);
  bool state_burst = burst_cost < base_cost;
  for (size_t bin = bins; bin-- > 0;) {
    in_burst[bin] = state_burst;
    state_burst = state_burst ? came_from_burst_for_burst[bin] : came_from_burst_for_base[bin];
  }
  for (size_t bin = 0; bin < bins;) {
    if (!in_burst[bin]) {
      ++bin;
      continue;
    }
    Burst burst{.first_bin = bin};
    while (bin < bins && in_burst[bin]) {
      burst.strength += EmissionCost(base_rate, relevant[bin], totals[bin]) -
                        EmissionCost(burst_rate, relevant[bin], totals[bin]);
      burst.relevant += relevant[bin];
      burst.total += totals[bin];
      ++bin;
    }
    burst.last_bin = bin - 1;
    // Bins without posts cost nothing in either state, so a path may cross them
    // inside a burst; a burst starts and ends on bins that hold posts.
    while (burst.first_bin < burst.last_bin && totals[burst.first_bin] == 0) ++burst.first_bin;
    while (burst.last_bin > burst.first_bin && totals[burst.last_bin] == 0) --burst.last_bin;
    if (burst.strength > 0 && totals[burst.first_bin] > 0) bursts.push_back(burst);
  }
  return bursts;
}

std::vector<double> TrailingZScores(std::span<const int64_t> counts, const ZScoreOptions& options) {
  std::vector<double> scores(counts.size(), 0.0);
  for (size_t bin = 0; bin < counts.size(); ++bin) {
    size_t history = std::min(bin, options.window);
    if (history < options.min_history || history == 0) continue;
    double sum = 0, squares = 0;
    for (size_t back = bin - history; back < bin; ++back) {
      sum += static_cast<double>(counts[back]);
      squares += static_cast<double>(counts[back]) * static_cast<double>(counts[back]);
    }
    double mean = sum / static_cast<double>(history);
    double variance = std::max(0.0, squares / static_cast<double>(history) - mean * mean);
    scores[bin] = (static_cast<double>(counts[bin]) - mean) / std::max(std::sqrt(variance), 1.0);
  }
  return scores;
}

std::vector<Burst> DetectZScoreBursts(std::span<const int64_t> counts, const ZScoreOptions& options) {
  std::vector<double> scores = TrailingZScores(counts, options);
  std::vector<Burst> bursts;
  for (size_t bin = 0; bin < counts.size();) {
    if (scores[bin] < options.threshold) {
      ++bin;
      continue;
    }
    Burst burst{.first_bin = bin};
    while (bin < counts.size() && scores[bin] >= options.threshold) {
      burst.strength = std::max(burst.strength, scores[bin]);
      burst.relevant += counts[bin];
      ++bin;
    }
    burst.last_bin = bin - 1;
    bursts.push_back(burst);
  }
  return bursts;
}

}  // namespace crowdlens
