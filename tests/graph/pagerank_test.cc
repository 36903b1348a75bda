// PageRank on graphs small enough to solve by hand, and its verifier.
#include "graph/pagerank.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "graph/edge_list_file.h"
#include "graph/graph_builder.h"
#include "test_data.h"

namespace crowdlens::graph {
namespace {

// 1 -> 2, 1 -> 3, 2 -> 3; node 3 has no out-edges (dangling). Dense ids 0, 1, 2.
Graph ChainWithDanglingEnd(bool weighted = false) {
  GraphBuilder builder({.weighted = weighted});
  builder.AddEdge(1, 2, 3.0f);
  builder.AddEdge(1, 3, 1.0f);
  builder.AddEdge(2, 3, 1.0f);
  return std::move(builder).Build();
}

TEST(PageRank, UniformTeleportWithADanglingNodeMatchesTheHandSolution) {
  // With d = 1/2 and x3's mass spread uniformly, every node receives
  // c = (1 - d)/3 + d*x3/3 = 1/6 + x3/6 by teleport, so
  //   x1 = c,  x2 = c + d*x1/2 = 1.25c,  x3 = c + d*x1/2 + d*x2 = 1.875c,
  // the sum 4.125c = 1 gives c = 8/33: x = (8, 10, 15)/33
  // (and c = 1/6 + 1.875c/6 checks).
  Graph graph = ChainWithDanglingEnd();
  PageRankOptions options{.damping = 0.5, .max_iterations = 200, .tolerance = 1e-14};
  PageRankResult result = PageRank(graph, options);
  EXPECT_TRUE(result.converged);
  ASSERT_EQ(result.scores.size(), 3u);
  EXPECT_NEAR(result.scores[0], 8.0 / 33, 1e-12);
  EXPECT_NEAR(result.scores[1], 10.0 / 33, 1e-12);
  EXPECT_NEAR(result.scores[2], 15.0 / 33, 1e-12);
  EXPECT_TRUE(VerifyPageRank(graph, options, result, 1e-12).ok());
}

TEST(PageRank, WeightsSplitASourcesScoreByWeight) {
  // 1 -> 2 weighs 3 and 1 -> 3 weighs 1, so node 1 sends 3/4 to 2 and 1/4 to 3:
  //   x1 = c,  x2 = c + (1/2)(3/4)c = 1.375c,  x3 = c + (1/2)(1/4)c + (1/2)(1.375c) = 1.8125c,
  // the sum 4.1875c = 1 gives c = 16/67: x = (16, 22, 29)/67.
  Graph graph = ChainWithDanglingEnd(/*weighted=*/true);
  PageRankOptions options{.damping = 0.5, .max_iterations = 200, .tolerance = 1e-14};
  PageRankResult result = PageRank(graph, options);
  EXPECT_NEAR(result.scores[0], 16.0 / 67, 1e-12);
  EXPECT_NEAR(result.scores[1], 22.0 / 67, 1e-12);
  EXPECT_NEAR(result.scores[2], 29.0 / 67, 1e-12);
  EXPECT_TRUE(VerifyPageRank(graph, options, result, 1e-12).ok());

  // Ignoring the weights gives back the unweighted solution.
  options.use_weights = false;
  PageRankResult unweighted = PageRank(graph, options);
  EXPECT_NEAR(unweighted.scores[0], 8.0 / 33, 1e-12);
  EXPECT_NEAR(unweighted.scores[2], 15.0 / 33, 1e-12);
  EXPECT_TRUE(VerifyPageRank(graph, options, unweighted, 1e-12).ok());
}

TEST(PageRank, PersonalisedTeleportAndDanglingMassGoToTheSeed) {
  // Teleport only to node 1; x3's dangling mass follows the teleport:
  //   x1 = 1/2 + x3/2,  x2 = x1/4,  x3 = x1/4 + x2/2 = 3x1/8,
  // the sum 13x1/8 = 1 gives x = (8, 2, 3)/13 (and 1/2 + 3/26 = 8/13 checks).
  Graph graph = ChainWithDanglingEnd();
  std::vector<double> teleport{5.0, 0.0, 0.0};  // normalised by the kernel
  PageRankOptions options{.damping = 0.5, .max_iterations = 200, .tolerance = 1e-14, .personalization = teleport};
  ASSERT_TRUE(ValidatePageRankOptions(graph, options).ok());
  PageRankResult result = PageRank(graph, options);
  EXPECT_NEAR(result.scores[0], 8.0 / 13, 1e-12);
  EXPECT_NEAR(result.scores[1], 2.0 / 13, 1e-12);
  EXPECT_NEAR(result.scores[2], 3.0 / 13, 1e-12);
  EXPECT_TRUE(VerifyPageRank(graph, options, result, 1e-12).ok());
}

TEST(PageRank, ZeroToleranceRunsExactlyTheIterationsAsked) {
  // One iteration from the uniform 1/3: dangling mass 1/3, so every node gets
  // (1/2 + 1/6)/3 = 2/9 by teleport; x2 adds (1/2)(1/3)/2 = 1/12, x3 adds 1/12 + 1/6.
  // L1 change: |2/9 - 1/3| + |11/36 - 1/3| + |17/36 - 1/3| = (4 + 1 + 5)/36 = 5/18.
  Graph graph = ChainWithDanglingEnd();
  PageRankResult one = PageRank(graph, {.damping = 0.5, .max_iterations = 1, .tolerance = 0});
  EXPECT_EQ(one.iterations, 1);
  EXPECT_FALSE(one.converged);
  EXPECT_NEAR(one.scores[0], 2.0 / 9, 1e-15);
  EXPECT_NEAR(one.scores[1], 11.0 / 36, 1e-15);
  EXPECT_NEAR(one.scores[2], 17.0 / 36, 1e-15);
  EXPECT_NEAR(one.l1_change, 5.0 / 18, 1e-15);

  PageRankResult twenty = PageRank(graph, {.damping = 0.5, .max_iterations = 20, .tolerance = 0});
  EXPECT_EQ(twenty.iterations, 20);
}

TEST(PageRank, ASymmetricCycleStaysUniform) {
  // Every node of an undirected cycle has degree 2: the uniform vector is the fixed point.
  GraphBuilder builder({.undirected = true});
  for (uint64_t node = 0; node < 5; ++node) builder.AddEdge(node, (node + 1) % 5);
  Graph graph = std::move(builder).Build();
  PageRankResult result = PageRank(graph, {});
  for (double score : result.scores) EXPECT_NEAR(score, 0.2, 1e-15);
  EXPECT_TRUE(result.converged);
  EXPECT_EQ(result.iterations, 1);
}

TEST(PageRank, EmptyGraphGivesNoScores) {
  Graph graph = GraphBuilder().Build();
  PageRankResult result = PageRank(graph, {});
  EXPECT_TRUE(result.scores.empty());
  EXPECT_TRUE(VerifyPageRank(graph, {}, result, 1e-12).ok());
}

TEST(PageRank, ValidationNamesTheProblem) {
  Graph graph = ChainWithDanglingEnd();
  EXPECT_EQ(ValidatePageRankOptions(graph, {.damping = 1.0}).code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ValidatePageRankOptions(graph, {.max_iterations = 0}).code(), ErrorCode::kInvalidArgument);
  std::vector<double> short_teleport{1.0, 1.0};
  Status wrong_size = ValidatePageRankOptions(graph, {.personalization = short_teleport});
  EXPECT_NE(wrong_size.message().find("2 entries for a graph of 3 nodes"), std::string::npos) << wrong_size.message();
  std::vector<double> nothing{0.0, 0.0, 0.0};
  EXPECT_FALSE(ValidatePageRankOptions(graph, {.personalization = nothing}).ok());
  std::vector<double> negative{1.0, -1.0, 1.0};
  EXPECT_FALSE(ValidatePageRankOptions(graph, {.personalization = negative}).ok());
  EXPECT_TRUE(ValidatePageRankOptions(graph, {}).ok());
}

TEST(PageRank, VerifierRejectsAPerturbedVector) {
  Graph graph = ChainWithDanglingEnd();
  PageRankOptions options{.damping = 0.5, .tolerance = 1e-14};
  PageRankResult result = PageRank(graph, options);
  result.scores[0] += 1e-4;
  result.scores[2] -= 1e-4;  // still sums to 1, no longer a fixed point
  EXPECT_FALSE(VerifyPageRank(graph, options, result, 1e-6).ok());
  result.scores.pop_back();
  EXPECT_FALSE(VerifyPageRank(graph, options, result, 1e-6).ok());
}

TEST(PageRank, EdgeBalancedBlocksCoverEveryNodeOnce) {
  // A star: node 0 receives 100000 edges, so it must sit in a block of its own.
  GraphBuilder builder;
  for (uint64_t leaf = 1; leaf <= 100000; ++leaf) builder.AddEdge(leaf, 0);
  Graph graph = std::move(builder).Build();
  std::vector<NodeId> blocks = EdgeBalancedBlocks(graph.in(), 16);
  ASSERT_GE(blocks.size(), 3u);
  EXPECT_EQ(blocks.front(), 0u);
  EXPECT_EQ(blocks[1], 1u);
  EXPECT_EQ(blocks.back(), graph.node_count());
  for (size_t block = 1; block < blocks.size(); ++block) EXPECT_LT(blocks[block - 1], blocks[block]);
}

TEST(PageRank, SameScoresOnOneOrTwoThreadsOnARealGraph) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  // The Higgs mention network: weighted, directed, 116,408 nodes, 150,818 edges
  // (large enough that the kernel does split it between threads).
  Result<EdgeListLoad> load = LoadEdgeList(testing::SharedPath("snap-higgs/higgs-mention_network.edgelist"), {});
  ASSERT_TRUE(load.ok()) << load.status().message();
  const Graph& graph = load->graph;
  ASSERT_TRUE(graph.weighted());
  ASSERT_EQ(graph.node_count(), 116408u);
  PageRankOptions options{.max_iterations = 1000, .tolerance = 1e-13, .threads = 1};
  PageRankResult serial = PageRank(graph, options);
  options.threads = 2;
  PageRankResult parallel = PageRank(graph, options);
  EXPECT_TRUE(serial.converged);
  EXPECT_TRUE(parallel.converged);
  double distance = 0;
  for (size_t node = 0; node < serial.scores.size(); ++node)
    distance += std::abs(serial.scores[node] - parallel.scores[node]);
  EXPECT_LT(distance, 1e-12);
  Status verified = VerifyPageRank(graph, options, parallel, 1e-10);
  EXPECT_TRUE(verified.ok()) << verified.message();
}

}  // namespace
}  // namespace crowdlens::graph
