#include "analyses/influence_score.h"

#include <algorithm>
#include <cmath>

#include "analyses/rank_agreement.h"

namespace crowdlens {

ComponentMask AllComponents() {
  ComponentMask mask;
  mask.fill(true);
  return mask;
}

ComponentMask WindowComponents() {
  ComponentMask mask = AllComponents();
  mask[kFollowers] = false;
  mask[kPageRankFollow] = false;
  return mask;
}

std::vector<double> PositivePercentiles(std::span<const double> values) {
  std::vector<size_t> positive;
  std::vector<double> positive_values;
  for (size_t index = 0; index < values.size(); ++index) {
    if (values[index] > 0) {
      positive.push_back(index);
      positive_values.push_back(values[index]);
    }
  }
  std::vector<double> ranks = AverageRanks(positive_values);
  std::vector<double> percentiles(values.size(), 0.0);
  for (size_t position = 0; position < positive.size(); ++position) {
    percentiles[positive[position]] = 100.0 * ranks[position] / static_cast<double>(positive.size());
  }
  return percentiles;
}

std::vector<InfluenceScore> ScorePopulation(const std::array<std::vector<double>, kComponentCount>& values,
                                            const ComponentMask& in_use) {
  const size_t account_count = values[0].size();
  std::vector<InfluenceScore> scores(account_count);
  double weight_in_use = 0;
  for (const ScoreComponentSpec& spec : kScoreComponents) {
    if (in_use[spec.component]) weight_in_use += spec.weight;
  }
  for (const ScoreComponentSpec& spec : kScoreComponents) {
    const std::vector<double>& column = values[spec.component];
    const double weight = in_use[spec.component] && weight_in_use > 0 ? spec.weight / weight_in_use : 0.0;
    std::vector<double> percentiles = PositivePercentiles(column);
    double largest = 0;
    for (double value : column) largest = std::max(largest, value);
    const double log_largest = std::log1p(largest);
    for (size_t account = 0; account < account_count; ++account) {
      ComponentScore& part = scores[account].components[spec.component];
      part.value = column[account];
      part.weight = weight;
      if (part.value <= 0) continue;
      part.percentile = percentiles[account];
      part.log_scaled = log_largest > 0 ? 100.0 * std::log1p(part.value) / log_largest : 0.0;
      part.score = (part.percentile + part.log_scaled) / 2.0;
      part.points = weight * part.score;
      scores[account].score += part.points;
    }
  }
  return scores;
}

}  // namespace crowdlens
