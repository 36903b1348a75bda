// TwitterRank on a three-account follow graph solved by hand, and its verifier.
#include "graph/twitter_rank.h"

#include <gtest/gtest.h>

#include <vector>

#include "graph/graph_builder.h"

namespace crowdlens::graph {
namespace {

// a(1) follows b(2) and c(3); b follows c; c follows no one. Dense ids 0, 1, 2.
// Topic shares (row-normalised DT'): a (1, 0), b (1/2, 1/2), c (0, 1); posts |T|: a 2, b 4, c 2.
Graph FollowGraph() {
  GraphBuilder builder;
  builder.AddEdge(1, 2);
  builder.AddEdge(1, 3);
  builder.AddEdge(2, 3);
  return std::move(builder).Build();
}

TopicShares Shares() { return {.topic_count = 2, .shares = {1.0, 0.0, 0.5, 0.5, 0.0, 1.0}, .post_counts = {2, 4, 2}}; }

TEST(TwitterRank, MatchesTheHandSolutionForBothTopics) {
  // Edge weights |T_followee| * (1 - |DT'_follower - DT'_followee|):
  //   topic 0: a->b 4(1 - 1/2) = 2, a->c 2(1 - 1) = 0, b->c 2(1 - 1/2) = 1
  //   topic 1: a->b 4(1 - 1/2) = 2, a->c 2(1 - 1) = 0, b->c 2(1 - 1/2) = 1
  // so a moves to b with probability 1 and b to c; c is dangling.
  // Teleport E_t = DT''[:, t] with DT = shares * posts:
  //   topic 0: (2, 2, 0)/4 = (1/2, 1/2, 0);  topic 1: (0, 2, 2)/4 = (0, 1/2, 1/2).
  // With d = 1/2, arriving mass m = 1/2 + x_c/2 spreads by E_t.
  //   topic 0: x_a = m/2, x_b = m/2 + x_a/2 = 3m/4, x_c = x_b/2 = 3m/8;
  //            sum 13m/8 = 1, m = 8/13: x = (4, 6, 3)/13 (m = 1/2 + 3/26 = 8/13 checks).
  //   topic 1: x_a = 0, x_b = m/2, x_c = m/2 + x_b/2 = 3m/4;
  //            sum 5m/4 = 1, m = 4/5: x = (0, 2/5, 3/5) (m = 1/2 + 3/10 = 4/5 checks).
  Graph graph = FollowGraph();
  TopicShares shares = Shares();
  ASSERT_TRUE(ValidateTopicShares(graph, shares).ok());
  PageRankOptions options{.damping = 0.5, .max_iterations = 500, .tolerance = 1e-15};
  std::vector<std::vector<double>> ranks = TwitterRank(graph, shares, options);
  ASSERT_EQ(ranks.size(), 2u);
  EXPECT_NEAR(ranks[0][0], 4.0 / 13, 1e-12);
  EXPECT_NEAR(ranks[0][1], 6.0 / 13, 1e-12);
  EXPECT_NEAR(ranks[0][2], 3.0 / 13, 1e-12);
  EXPECT_NEAR(ranks[1][0], 0.0, 1e-12);
  EXPECT_NEAR(ranks[1][1], 0.4, 1e-12);
  EXPECT_NEAR(ranks[1][2], 0.6, 1e-12);
  EXPECT_TRUE(VerifyTwitterRank(graph, shares, options, ranks, 1e-10).ok());
}

TEST(TwitterRank, SimilarityDecidesWhereAFollowerSendsItsRank) {
  // Give a the same shares as c, so that a -> c (similarity 1) now carries rank
  // alongside a -> b, instead of nothing as in the first case.
  Graph graph = FollowGraph();
  TopicShares shares{.topic_count = 2, .shares = {0.2, 0.8, 0.5, 0.5, 0.2, 0.8}, .post_counts = {2, 4, 2}};
  PageRankOptions options{.damping = 0.5, .max_iterations = 500, .tolerance = 1e-15};
  std::vector<std::vector<double>> ranks = TwitterRank(graph, shares, options);
  // Edge weights are floats, as in every Graph: 2.8 and 1.4 are rounded by up
  // to 6e-8 of their size, so the scores agree with exact arithmetic to about 1e-9.
  EXPECT_TRUE(VerifyTwitterRank(graph, shares, options, ranks, 1e-7).ok());
  // Topic 0 by hand: weights a->b 2.8, a->c 2, b->c 2(1 - 0.3) = 1.4; a sends 7/12 to b, 5/12 to c.
  // E_0 = (0.4, 2, 0.4)/2.8 = (1/7, 5/7, 1/7). m = 1/2 + x_c/2:
  //   x_a = m/7, x_b = 5m/7 + (1/2)(7/12)(m/7) = 5m/7 + m/24,
  //   x_c = m/7 + (1/2)(5/12)(m/7) + x_b/2 = m/7 + 5m/168 + 5m/14 + m/48.
  // In 336ths of m: x_a = 48, x_b = 240 + 14 = 254, x_c = 48 + 10 + 120 + 7 = 185; sum 487.
  EXPECT_NEAR(ranks[0][0], 48.0 / 487, 1e-8);
  EXPECT_NEAR(ranks[0][1], 254.0 / 487, 1e-8);
  EXPECT_NEAR(ranks[0][2], 185.0 / 487, 1e-8);
}

TEST(TwitterRank, ATopicNoOneCoversTeleportsUniformly) {
  // Topic 1 has no share anywhere: E_1 is uniform, and every pair is fully
  // similar on it (1 - |0 - 0| = 1), so the walk follows post counts alone.
  Graph graph = FollowGraph();
  TopicShares shares{.topic_count = 2, .shares = {1, 0, 1, 0, 1, 0}, .post_counts = {2, 4, 2}};
  PageRankOptions options{.damping = 0.5, .max_iterations = 500, .tolerance = 1e-15};
  std::vector<std::vector<double>> ranks = TwitterRank(graph, shares, options);
  EXPECT_TRUE(VerifyTwitterRank(graph, shares, options, ranks, 1e-10).ok());
  // Topic 1: a -> b weighs 4, a -> c 2 (a sends 2/3, 1/3); b -> c. m = 1/2 + x_c/2 over 3 nodes:
  //   x_a = m/3, x_b = m/3 + (1/2)(2/3)(m/3) = 4m/9, x_c = m/3 + (1/2)(1/3)(m/3) + x_b/2 = m/3 + m/18 + 2m/9;
  // in 18ths of m: 6, 8, 11; sum 25, so x = (6, 8, 11)/25.
  EXPECT_NEAR(ranks[1][0], 6.0 / 25, 1e-12);
  EXPECT_NEAR(ranks[1][1], 8.0 / 25, 1e-12);
  EXPECT_NEAR(ranks[1][2], 11.0 / 25, 1e-12);
}

TEST(TwitterRank, ValidationAndVerifierCatchMistakes) {
  Graph graph = FollowGraph();
  EXPECT_FALSE(ValidateTopicShares(graph, {.topic_count = 2, .shares = {1, 0}, .post_counts = {1, 1, 1}}).ok());
  EXPECT_FALSE(ValidateTopicShares(graph, {.topic_count = 1, .shares = {1, 2, 0}, .post_counts = {1, 1, 1}}).ok());
  EXPECT_FALSE(ValidateTopicShares(graph, {.topic_count = 1, .shares = {1, 1, 0}, .post_counts = {1, -1, 1}}).ok());
  EXPECT_FALSE(ValidateTopicShares(graph, {.topic_count = 0}).ok());

  TopicShares shares = Shares();
  PageRankOptions options{.damping = 0.5, .max_iterations = 500, .tolerance = 1e-15};
  std::vector<std::vector<double>> ranks = TwitterRank(graph, shares, options);
  std::swap(ranks[0], ranks[1]);  // each vector answers the other topic
  EXPECT_FALSE(VerifyTwitterRank(graph, shares, options, ranks, 1e-6).ok());
}

}  // namespace
}  // namespace crowdlens::graph
