// Monte-Carlo personalised PageRank: a two-node case solved by hand, exact
// personalised PageRank on a real graph, and determinism.
#include "graph/monte_carlo_pagerank.h"

#include <gtest/gtest.h>

#include "graph/edge_list_file.h"
#include "graph/graph_builder.h"
#include "graph/pagerank.h"
#include "test_data.h"

namespace crowdlens::graph {
namespace {

TEST(MonteCarloPageRank, TwoNodeWalkSharesMatchTheHandSolution) {
  // 1 -> 2 and 2 is dangling. A walk visits 1, then with probability d = 1/2
  // steps to 2, where it ends: 1 + 1/2 visits per walk on average, so the
  // shares are 2/3 and 1/3, personalised PageRank to 1 exactly:
  // x1 = 1/2 + x2/2 (teleport and dangling to 1), x2 = x1/2 => x1 = 2/3.
  GraphBuilder builder;
  builder.AddEdge(1, 2);
  Graph graph = std::move(builder).Build();
  RandomWalkIndex index(graph);
  MonteCarloOptions options{.damping = 0.5, .walks = 200000, .random_seed = 7, .include_seed = true};
  Result<MonteCarloResult> result = MonteCarloPageRank(index, 0, options);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->top.size(), 2u);
  EXPECT_EQ(result->top[0].node, 0u);
  EXPECT_EQ(result->top[0].visits, 200000u);  // every walk starts at the seed
  // Binomial(200000, 1/2) steps to node 2: standard deviation 224 visits.
  EXPECT_NEAR(static_cast<double>(result->top[1].visits), 100000, 1500);
  EXPECT_NEAR(result->top[1].share, 1.0 / 3, 0.003);
  EXPECT_EQ(result->total_visits, result->top[0].visits + result->top[1].visits);
  EXPECT_TRUE(VerifyMonteCarloPageRank(graph, 0, options, *result, 0.003).ok());
}

TEST(MonteCarloPageRank, AgreesWithExactPersonalisedPageRankOnCongress) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  Result<EdgeListLoad> load = LoadEdgeList(testing::SharedPath("snap-congress-twitter/congress.edgelist"), {});
  ASSERT_TRUE(load.ok()) << load.status().message();
  const Graph& graph = load->graph;
  RandomWalkIndex index(graph);
  ASSERT_TRUE(index.weighted());
  const NodeId seed = 0;  // @SenatorBaldwin in the file's username list
  MonteCarloOptions options{.walks = 300000, .random_seed = 2013, .top = 50};
  Result<MonteCarloResult> circle = MonteCarloPageRank(index, seed, options);
  ASSERT_TRUE(circle.ok()) << circle.status().message();
  ASSERT_EQ(circle->top.size(), 50u);
  // The verifier's exact solution is a plain power iteration; check it against
  // the PageRank kernel personalised to the seed as well.
  std::vector<double> teleport(graph.node_count(), 0.0);
  teleport[seed] = 1;
  PageRankResult exact = PageRank(graph, {.tolerance = 1e-13, .personalization = teleport});
  for (const VisitShare& entry : circle->top) {
    // About 2 million visits: a share near 0.02 has a standard error near 1e-4.
    EXPECT_NEAR(entry.share, exact.scores[entry.node], 0.002) << "node " << graph.labels()[entry.node];
  }
  EXPECT_TRUE(VerifyMonteCarloPageRank(graph, seed, options, *circle, 0.002).ok());
}

TEST(MonteCarloPageRank, SameSeedSameWalksOnAnyNumberOfThreads) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  Result<EdgeListLoad> load = LoadEdgeList(testing::SharedPath("snap-higgs/higgs-mention_network.edgelist"), {});
  ASSERT_TRUE(load.ok()) << load.status().message();
  RandomWalkIndex index(load->graph);
  // Any seed with out-edges will do: take the first.
  NodeId seed = 0;
  while (load->graph.out_weight()[seed] == 0) ++seed;
  MonteCarloOptions options{.walks = 50000, .random_seed = 11, .top = 100, .threads = 1};
  Result<MonteCarloResult> serial = MonteCarloPageRank(index, seed, options);
  options.threads = 2;
  Result<MonteCarloResult> parallel = MonteCarloPageRank(index, seed, options);
  ASSERT_TRUE(serial.ok() && parallel.ok());
  EXPECT_EQ(serial->total_visits, parallel->total_visits);
  ASSERT_EQ(serial->top.size(), parallel->top.size());
  for (size_t rank = 0; rank < serial->top.size(); ++rank) {
    EXPECT_EQ(serial->top[rank].node, parallel->top[rank].node);
    EXPECT_EQ(serial->top[rank].visits, parallel->top[rank].visits);
  }
  options.random_seed = 12;
  Result<MonteCarloResult> other = MonteCarloPageRank(index, seed, options);
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->total_visits, serial->total_visits);
}

TEST(MonteCarloPageRank, RejectsABadSeedOrNoWalks) {
  GraphBuilder builder;
  builder.AddEdge(1, 2);
  Graph graph = std::move(builder).Build();
  RandomWalkIndex index(graph);
  EXPECT_EQ(MonteCarloPageRank(index, 2, {}).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(MonteCarloPageRank(index, 0, {.walks = 0}).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(MonteCarloPageRank(index, 0, {.damping = 1}).status().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace crowdlens::graph
