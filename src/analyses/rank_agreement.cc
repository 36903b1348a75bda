#include "analyses/rank_agreement.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>

namespace crowdlens {
namespace {

// The k indices with the largest values; ties go to the smaller index so the list is reproducible.
std::vector<size_t> TopIndices(std::span<const double> values, size_t k) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), size_t{0});
  k = std::min(k, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                    [&](size_t left, size_t right) {
                      if (values[left] != values[right]) return values[left] > values[right];
                      return left < right;
                    });
  order.resize(k);
  std::sort(order.begin(), order.end());
  return order;
}

}  // namespace

std::vector<double> AverageRanks(std::span<const double> values) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t left, size_t right) { return values[left] < values[right]; });
  std::vector<double> ranks(values.size());
  size_t group_start = 0;
  while (group_start < order.size()) {
    size_t group_end = group_start + 1;
    while (group_end < order.size() && values[order[group_end]] == values[order[group_start]]) ++group_end;
    // Positions group_start..group_end-1 hold ranks group_start+1..group_end; their mean:
    double shared_rank = (static_cast<double>(group_start + 1) + static_cast<double>(group_end)) / 2.0;
    for (size_t position = group_start; position < group_end; ++position) ranks[order[position]] = shared_rank;
    group_start = group_end;
  }
  return ranks;
}

std::optional<double> SpearmanRho(std::span<const double> first, std::span<const double> second) {
  if (first.size() != second.size() || first.size() < 2) return std::nullopt;
  std::vector<double> first_ranks = AverageRanks(first);
  std::vector<double> second_ranks = AverageRanks(second);
  // Both rank vectors have mean (n + 1) / 2.
  const double mean = (static_cast<double>(first.size()) + 1.0) / 2.0;
  double covariance = 0, first_spread = 0, second_spread = 0;
  for (size_t index = 0; index < first.size(); ++index) {
    double first_offset = first_ranks[index] - mean;
    double second_offset = second_ranks[index] - mean;
    covariance += first_offset * second_offset;
    first_spread += first_offset * first_offset;
    second_spread += second_offset * second_offset;
  }
  if (first_spread == 0 || second_spread == 0) return std::nullopt;
  return covariance / std::sqrt(first_spread * second_spread);
}

RankAgreement CompareRankings(const std::vector<RankingMeasure>& measures, const RankAgreementOptions& options) {
  RankAgreement agreement;
  const size_t account_count = measures.empty() ? 0 : measures.front().values.size();
  // Per account, its widest gap so far.
  std::vector<Disagreement> widest(account_count);
  std::vector<double> widest_gap(account_count, -1.0);
  for (size_t first = 0; first < measures.size(); ++first) {
    for (size_t second = first + 1; second < measures.size(); ++second) {
      const RankingMeasure& a = measures[first];
      const RankingMeasure& b = measures[second];
      std::vector<size_t> members;
      for (size_t account = 0; account < account_count; ++account) {
        if (a.defined[account] && b.defined[account]) members.push_back(account);
      }
      std::vector<double> a_values, b_values;
      for (size_t account : members) {
        a_values.push_back(a.values[account]);
        b_values.push_back(b.values[account]);
      }
      PairAgreement pair{
          .first = a.name, .second = b.name, .accounts = members.size(), .rho = SpearmanRho(a_values, b_values)};
      pair.top_k = std::min(options.top_k, members.size());
      std::vector<size_t> a_top = TopIndices(a_values, pair.top_k);
      std::vector<size_t> b_top = TopIndices(b_values, pair.top_k);
      std::vector<size_t> common;
      std::set_intersection(a_top.begin(), a_top.end(), b_top.begin(), b_top.end(), std::back_inserter(common));
      pair.top_overlap = common.size();
      agreement.pairs.push_back(pair);

      const double count = static_cast<double>(members.size());
      std::vector<double> a_ranks = AverageRanks(a_values);
      std::vector<double> b_ranks = AverageRanks(b_values);
      for (size_t position = 0; position < members.size(); ++position) {
        double a_percentile = 100.0 * a_ranks[position] / count;
        double b_percentile = 100.0 * b_ranks[position] / count;
        double gap = std::abs(a_percentile - b_percentile);
        size_t account = members[position];
        bool a_high = a_percentile >= b_percentile;
        // Only a top account of the measure that ranks it high is a disagreement worth naming:
        // an account with 2 followers and 15 retweets disagrees too, but says nothing.
        const std::vector<size_t>& high_top = a_high ? a_top : b_top;
        if (!std::binary_search(high_top.begin(), high_top.end(), position)) continue;
        if (gap <= widest_gap[account]) continue;
        widest_gap[account] = gap;
        widest[account] = Disagreement{.account = account,
                                       .high_measure = a_high ? a.name : b.name,
                                       .low_measure = a_high ? b.name : a.name,
                                       .high_percentile = a_high ? a_percentile : b_percentile,
                                       .low_percentile = a_high ? b_percentile : a_percentile,
                                       .high_value = a_high ? a_values[position] : b_values[position],
                                       .low_value = a_high ? b_values[position] : a_values[position]};
      }
    }
  }
  std::vector<size_t> candidates;
  for (size_t account = 0; account < account_count; ++account) {
    if (widest_gap[account] > 0) candidates.push_back(account);
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](size_t left, size_t right) { return widest_gap[left] > widest_gap[right]; });
  candidates.resize(std::min(candidates.size(), options.disagreement_count));
  for (size_t account : candidates) agreement.disagreements.push_back(widest[account]);
  return agreement;
}

}  // namespace crowdlens
