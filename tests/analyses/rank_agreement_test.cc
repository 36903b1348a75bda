// Average ranks, Spearman's rho with ties and the pairwise comparison of
// rankings, against hand computations written out in the comments.
#include "analyses/rank_agreement.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace crowdlens {
namespace {

TEST(AverageRanks, TiesShareTheMeanOfTheirRanks) {
  // Sorted: 5 (rank 1), 10 (2), 20 and 20 (ranks 3 and 4, mean 3.5), 40 (5).
  EXPECT_EQ(AverageRanks(std::vector<double>{10, 20, 20, 5, 40}), (std::vector<double>{2, 3.5, 3.5, 1, 5}));
  // All equal: every value has the mean rank (1 + 2 + 3) / 3 = 2.
  EXPECT_EQ(AverageRanks(std::vector<double>{7, 7, 7}), (std::vector<double>{2, 2, 2}));
  EXPECT_TRUE(AverageRanks(std::vector<double>{}).empty());
}

TEST(SpearmanRho, MatchesAHandComputationWithTies) {
  // followers {10, 20, 20, 5, 40} -> ranks {2, 3.5, 3.5, 1, 5}
  // retweets  {3, 1, 2, 0, 5}     -> ranks {4, 2, 3, 1, 5}
  // Both rank vectors have mean 3; offsets f = {-1, .5, .5, -2, 2}, r = {1, -1, 0, -2, 2}.
  // sum f*r = -1 - .5 + 0 + 4 + 4 = 6.5; sum f^2 = 9.5; sum r^2 = 10.
  // rho = 6.5 / sqrt(9.5 * 10) = 6.5 / sqrt(95) = 0.666886
  // (the no-ties shortcut 1 - 6 * sum d^2 / (n (n^2 - 1)) = 1 - 6 * 6.5 / 120 = 0.675 would be wrong here).
  std::optional<double> rho = SpearmanRho(std::vector<double>{10, 20, 20, 5, 40}, std::vector<double>{3, 1, 2, 0, 5});
  ASSERT_TRUE(rho.has_value());
  EXPECT_NEAR(*rho, 6.5 / std::sqrt(95.0), 1e-12);
  EXPECT_NEAR(*rho, 0.666886, 1e-6);
}

TEST(SpearmanRho, PerfectAgreementAndDisagreement) {
  EXPECT_NEAR(*SpearmanRho(std::vector<double>{1, 2, 3, 4}, std::vector<double>{10, 200, 3000, 40000}), 1.0, 1e-12);
  EXPECT_NEAR(*SpearmanRho(std::vector<double>{1, 2, 3, 4}, std::vector<double>{4, 3, 2, 1}), -1.0, 1e-12);
}

TEST(SpearmanRho, UndefinedForConstantOrTinySeries) {
  EXPECT_FALSE(SpearmanRho(std::vector<double>{1, 1, 1}, std::vector<double>{1, 2, 3}).has_value());
  EXPECT_FALSE(SpearmanRho(std::vector<double>{1}, std::vector<double>{2}).has_value());
  EXPECT_FALSE(SpearmanRho(std::vector<double>{1, 2}, std::vector<double>{1, 2, 3}).has_value());
}

TEST(CompareRankings, PairsTopOverlapAndDisagreementsByHand) {
  // Five accounts; "pagerank" is known for accounts 0, 1 and 4 only.
  std::vector<RankingMeasure> measures = {
      {.name = "followers", .values = {10, 20, 20, 5, 40}, .defined = {true, true, true, true, true}},
      {.name = "retweets", .values = {3, 1, 2, 0, 5}, .defined = {true, true, true, true, true}},
      {.name = "pagerank", .values = {0.5, 0.2, 0, 0, 0.3}, .defined = {true, true, false, false, true}},
  };
  RankAgreement agreement = CompareRankings(measures, {.top_k = 2, .disagreement_count = 10});
  ASSERT_EQ(agreement.pairs.size(), 3u);

  // followers-retweets: the series above, rho 0.666886. Top 2 by followers: accounts 4 (40) and 1 (20, tied
  // with account 2; the smaller index wins); by retweets: 4 (5) and 0 (3). Overlap: {4}.
  EXPECT_EQ(agreement.pairs[0].first, "followers");
  EXPECT_EQ(agreement.pairs[0].second, "retweets");
  EXPECT_EQ(agreement.pairs[0].accounts, 5u);
  EXPECT_NEAR(*agreement.pairs[0].rho, 0.666886, 1e-6);
  EXPECT_EQ(agreement.pairs[0].top_k, 2u);
  EXPECT_EQ(agreement.pairs[0].top_overlap, 1u);

  // followers-pagerank over accounts 0, 1, 4: followers {10, 20, 40} ranks {1, 2, 3}; pagerank {.5, .2, .3}
  // ranks {3, 1, 2}. Offsets {-1, 0, 1} and {1, -1, 0}: sum of products -1, sums of squares 2 and 2: rho = -0.5.
  // Top 2: followers {1, 4}, pagerank {0, 4}: overlap 1.
  EXPECT_EQ(agreement.pairs[1].second, "pagerank");
  EXPECT_EQ(agreement.pairs[1].accounts, 3u);
  EXPECT_NEAR(*agreement.pairs[1].rho, -0.5, 1e-12);
  EXPECT_EQ(agreement.pairs[1].top_overlap, 1u);

  // retweets-pagerank over accounts 0, 1, 4: retweets {3, 1, 5} ranks {2, 1, 3}; pagerank ranks {3, 1, 2}.
  // Offsets {0, -1, 1} and {1, -1, 0}: products sum to 1, squares to 2 and 2: rho = 0.5. Top 2 both {0, 4}.
  EXPECT_NEAR(*agreement.pairs[2].rho, 0.5, 1e-12);
  EXPECT_EQ(agreement.pairs[2].top_overlap, 2u);

  // Percentiles (100 * rank / n) and the widest gap per account:
  //   followers-retweets: followers {40, 70, 70, 20, 100}, retweets {80, 40, 60, 20, 100}: gaps {40, 30, 10, 0, 0}
  //   followers-pagerank (accounts 0, 1, 4): {33.3, 66.7, 100} vs {100, 33.3, 66.7}: gaps {66.7, 33.3, 33.3}
  //   retweets-pagerank  (accounts 0, 1, 4): {66.7, 33.3, 100} vs {100, 33.3, 66.7}: gaps {33.3, 0, 33.3}
  // Only gaps where the account is in the top 2 of the higher measure count: account 2's 10 (followers 70
  // over retweets 60) does not, as followers' top 2 are accounts 1 and 4; account 3 has no gap.
  // Widest: account 0 66.7 (pagerank 100 over followers 33.3), 1 and 4 33.3.
  ASSERT_EQ(agreement.disagreements.size(), 3u);
  const Disagreement& first = agreement.disagreements[0];
  EXPECT_EQ(first.account, 0u);
  EXPECT_EQ(first.high_measure, "pagerank");
  EXPECT_EQ(first.low_measure, "followers");
  EXPECT_NEAR(first.high_percentile, 100.0, 1e-9);
  EXPECT_NEAR(first.low_percentile, 100.0 / 3.0, 1e-9);
  EXPECT_DOUBLE_EQ(first.high_value, 0.5);
  EXPECT_DOUBLE_EQ(first.low_value, 10);
  std::vector<size_t> next = {agreement.disagreements[1].account, agreement.disagreements[2].account};
  std::sort(next.begin(), next.end());
  EXPECT_EQ(next, (std::vector<size_t>{1, 4}));
  for (const Disagreement& entry : agreement.disagreements) {
    if (entry.account == 1) {
      // followers 66.7 over pagerank 33.3 (wider than followers-retweets' 30).
      EXPECT_EQ(entry.high_measure, "followers");
      EXPECT_EQ(entry.low_measure, "pagerank");
    }
  }
}

}  // namespace
}  // namespace crowdlens
