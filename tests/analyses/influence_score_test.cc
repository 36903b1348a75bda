// The crowdlens score formula on populations small enough to compute by hand.
#include "analyses/influence_score.h"

#include <gtest/gtest.h>

#include <cmath>

namespace crowdlens {
namespace {

std::array<std::vector<double>, kComponentCount> Zeros(size_t accounts) {
  std::array<std::vector<double>, kComponentCount> values;
  for (std::vector<double>& column : values) column.assign(accounts, 0.0);
  return values;
}

TEST(InfluenceScore, WeightsSumToOne) {
  double total = 0;
  for (const ScoreComponentSpec& spec : kScoreComponents) total += spec.weight;
  EXPECT_NEAR(total, 1.0, 1e-12);
}

TEST(InfluenceScore, PercentilesRankOnlyPositiveValues) {
  // Positive values {5, 3, 3}: 3 and 3 share ranks 1 and 2 (1.5), 5 has rank 3; n = 3.
  EXPECT_EQ(PositivePercentiles(std::vector<double>{5, 3, 3, 0}), (std::vector<double>{100, 50, 50, 0}));
}

TEST(InfluenceScore, TwoComponentsByHand) {
  auto values = Zeros(4);
  values[kAmplification] = {5, 3, 3, 0};
  values[kMentions] = {0, 10, 1, 1};
  std::vector<InfluenceScore> scores = ScorePopulation(values, AllComponents());
  ASSERT_EQ(scores.size(), 4u);
  // Amplification: percentiles {100, 50, 50, 0}; log-scaled 100 * log1p(x) / log1p(5):
  // {100, 77.370561, 77.370561, 0}; component = mean: {100, 63.685281, 63.685281, 0}.
  EXPECT_NEAR(scores[1].components[kAmplification].log_scaled, 100 * std::log(4.0) / std::log(6.0), 1e-9);
  EXPECT_NEAR(scores[1].components[kAmplification].log_scaled, 77.370561, 1e-6);
  EXPECT_NEAR(scores[1].components[kAmplification].score, 63.685281, 1e-6);
  EXPECT_DOUBLE_EQ(scores[0].components[kAmplification].score, 100);
  // Mentions: positive {10, 1, 1}: percentiles {0, 100, 50, 50}; log-scaled log1p(1) / log1p(10) = 28.906483;
  // component {0, 100, 39.453241, 39.453241}.
  EXPECT_NEAR(scores[2].components[kMentions].score, 39.453241, 1e-6);
  EXPECT_DOUBLE_EQ(scores[0].components[kMentions].score, 0);
  // Score: 0.2 * amplification + 0.2 * mentions (every other component is 0):
  //   account 0: 0.2 * 100                     = 20
  //   account 1: 0.2 * 63.685281 + 0.2 * 100   = 32.737056
  //   account 2: 0.2 * 63.685281 + 0.2 * 39.453241 = 20.627704
  //   account 3: 0.2 * 39.453241               = 7.890648
  EXPECT_NEAR(scores[0].score, 20.0, 1e-9);
  EXPECT_NEAR(scores[1].score, 32.737056, 1e-6);
  EXPECT_NEAR(scores[2].score, 20.627704, 1e-6);
  EXPECT_NEAR(scores[3].score, 7.890648, 1e-6);
  // Points are weight times component, and they add up to the score.
  EXPECT_NEAR(scores[1].components[kMentions].points, 20.0, 1e-9);
  double sum = 0;
  for (const ComponentScore& part : scores[2].components) sum += part.points;
  EXPECT_NEAR(sum, scores[2].score, 1e-12);
}

TEST(InfluenceScore, WindowScoresShareOutTheUndatedWeights) {
  // The same population without followers and the follow graph (0.2 of the weight):
  // weights become 0.2 / 0.8 = 0.25 for amplification and mentions.
  auto values = Zeros(4);
  values[kAmplification] = {5, 3, 3, 0};
  values[kMentions] = {0, 10, 1, 1};
  values[kFollowers] = {1000000, 0, 0, 0};  // ignored
  std::vector<InfluenceScore> scores = ScorePopulation(values, WindowComponents());
  EXPECT_NEAR(scores[0].score, 25.0, 1e-9);
  EXPECT_NEAR(scores[1].score, 40.921320, 1e-6);
  EXPECT_NEAR(scores[2].score, 25.784631, 1e-6);
  EXPECT_NEAR(scores[3].score, 9.863310, 1e-6);
  EXPECT_DOUBLE_EQ(scores[0].components[kFollowers].points, 0);
  EXPECT_DOUBLE_EQ(scores[0].components[kAmplification].weight, 0.25);
}

TEST(InfluenceScore, BestAtEverythingScoresOneHundred) {
  auto values = Zeros(3);
  for (std::vector<double>& column : values) column = {1, 7, 3};
  std::vector<InfluenceScore> scores = ScorePopulation(values, AllComponents());
  EXPECT_NEAR(scores[1].score, 100.0, 1e-9);
  EXPECT_LT(scores[2].score, 100.0);
  EXPECT_GT(scores[2].score, scores[0].score);
}

TEST(InfluenceScore, NoEvidenceNoPoints) {
  auto values = Zeros(3);
  std::vector<InfluenceScore> scores = ScorePopulation(values, AllComponents());
  for (const InfluenceScore& score : scores) EXPECT_EQ(score.score, 0);
}

}  // namespace
}  // namespace crowdlens
