// SALSA: Lempel and Moran's closed form on a two-component graph, the
// personalised walk solved by hand, and the closed form against the iteration.
#include "graph/salsa.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "graph/edge_list_file.h"
#include "graph/graph_builder.h"
#include "test_data.h"

namespace crowdlens::graph {
namespace {

// 1 -> 3, 1 -> 4, 2 -> 4 (one bipartite component), 5 -> 6 (another). Dense ids: label - 1.
Graph TwoComponents() {
  GraphBuilder builder;
  builder.AddEdge(1, 3);
  builder.AddEdge(1, 4);
  builder.AddEdge(2, 4);
  builder.AddEdge(5, 6);
  return std::move(builder).Build();
}

TEST(Salsa, ClosedFormWeighsComponentsBySize) {
  // Hubs {1, 2, 5}, authorities {3, 4, 6}: |H| = |A| = 3. Component one has 2 of
  // each; inside it in-degrees 3:1, 4:2 (sum 3) and out-degrees 1:2, 2:1 (sum 3):
  //   a3 = 2/3 * 1/3 = 2/9, a4 = 2/3 * 2/3 = 4/9, a6 = 1/3 * 1 = 3/9;
  //   h1 = 2/3 * 2/3 = 4/9, h2 = 2/3 * 1/3 = 2/9, h5 = 1/3.
  // Check of a3 against the authority walk: from 3 back to 1, then to 3 or 4
  // (1/2 each); from 4 back to 1 or 2 (1/2 each), so P(4 -> 3) = 1/4 and
  // pi3 = pi3/2 + pi4/4 gives pi4 = 2 pi3, the 1 : 2 split above.
  Graph graph = TwoComponents();
  SalsaOptions options;
  SalsaResult result = Salsa(graph, options);
  EXPECT_TRUE(result.converged);
  EXPECT_EQ(result.iterations, 0);
  std::vector<double> hubs{4.0 / 9, 2.0 / 9, 0, 0, 1.0 / 3, 0};
  std::vector<double> authorities{0, 0, 2.0 / 9, 4.0 / 9, 0, 1.0 / 3};
  for (NodeId node = 0; node < 6; ++node) {
    EXPECT_NEAR(result.hub_scores[node], hubs[node], 1e-15) << "node " << node + 1;
    EXPECT_NEAR(result.authority_scores[node], authorities[node], 1e-15) << "node " << node + 1;
  }
  EXPECT_TRUE(VerifySalsa(graph, options, result, 1e-12).ok());
}

TEST(Salsa, PersonalisedWalkRestartsToTheCircle) {
  // Hubs limited to {1, 2} (5 -> 3 is outside the circle and ignored), restart
  // all on 1, alpha = 1/2. F: a3 = h1/2, a4 = h1/2 + h2; authority in-weights
  // from hubs: 3:1, 4:2. B: h1 += a3 + a4/2, h2 += a4/2. So
  //   h1 = 1/2 + (1/2)(3h1/4 + h2/2),  h2 = (1/2)(h1/4 + h2/2)  =>  h2 = h1/6,
  //   h1 (1 - 3/8 - 1/24) = 1/2  =>  h1 = 6/7, h2 = 1/7;
  //   a3 = 3/7, a4 = 3/7 + 1/7 = 4/7.
  GraphBuilder builder;
  builder.AddEdge(1, 3);
  builder.AddEdge(1, 4);
  builder.AddEdge(2, 4);
  builder.AddEdge(5, 3);
  Graph graph = std::move(builder).Build();
  std::vector<NodeId> circle{0, 1};
  std::vector<double> restart{1, 0, 0, 0, 0};
  SalsaOptions options{
      .hubs = circle, .restart = restart, .restart_probability = 0.5, .max_iterations = 500, .tolerance = 1e-15};
  ASSERT_TRUE(ValidateSalsaOptions(graph, options).ok());
  SalsaResult result = Salsa(graph, options);
  EXPECT_TRUE(result.converged);
  EXPECT_NEAR(result.hub_scores[0], 6.0 / 7, 1e-12);
  EXPECT_NEAR(result.hub_scores[1], 1.0 / 7, 1e-12);
  EXPECT_EQ(result.hub_scores[4], 0.0);
  EXPECT_NEAR(result.authority_scores[2], 3.0 / 7, 1e-12);
  EXPECT_NEAR(result.authority_scores[3], 4.0 / 7, 1e-12);
  EXPECT_TRUE(VerifySalsa(graph, options, result, 1e-10).ok());

  // The verifier notices a swapped pair.
  std::swap(result.authority_scores[2], result.authority_scores[3]);
  EXPECT_FALSE(VerifySalsa(graph, options, result, 1e-6).ok());
}

TEST(Salsa, ValidationNamesTheProblem) {
  Graph graph = TwoComponents();
  std::vector<NodeId> circle{0};
  std::vector<double> outside{0, 1, 0, 0, 0, 0};  // weight on node 2, not a hub
  Status off_circle = ValidateSalsaOptions(graph, {.hubs = circle, .restart = outside});
  EXPECT_EQ(off_circle.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(off_circle.message().find("not one of the hubs"), std::string::npos) << off_circle.message();
  std::vector<NodeId> stranger{17};
  EXPECT_FALSE(ValidateSalsaOptions(graph, {.hubs = stranger}).ok());
  std::vector<double> short_restart{1};
  EXPECT_FALSE(ValidateSalsaOptions(graph, {.restart = short_restart}).ok());
  EXPECT_FALSE(ValidateSalsaOptions(graph, {.restart_probability = 1}).ok());
}

TEST(Salsa, ClosedFormEqualsTheHubWalkOnARealGraph) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  // Lempel and Moran's theorem against the walk itself: the hub walk started
  // from the uniform distribution over hubs, never restarting, converges to the
  // closed form's hub scores; its authorities F h to the closed form's too when
  // the bipartite graph is connected (each side's component weight is then 1).
  Result<EdgeListLoad> load = LoadEdgeList(testing::SharedPath("snap-congress-twitter/congress.edgelist"), {});
  ASSERT_TRUE(load.ok()) << load.status().message();
  const Graph& graph = load->graph;
  SalsaResult closed = Salsa(graph, {});
  ASSERT_TRUE(VerifySalsa(graph, {}, closed, 1e-9).ok());

  std::vector<double> uniform_hubs(graph.node_count(), 0.0);
  for (NodeId node = 0; node < graph.node_count(); ++node) uniform_hubs[node] = graph.out_weight()[node] > 0 ? 1 : 0;
  SalsaOptions walk{.restart = uniform_hubs, .restart_probability = 0, .max_iterations = 5000, .tolerance = 1e-14};
  SalsaResult iterated = Salsa(graph, walk);
  EXPECT_TRUE(iterated.converged);
  double hub_distance = 0;
  double authority_distance = 0;
  for (NodeId node = 0; node < graph.node_count(); ++node) {
    hub_distance += std::abs(closed.hub_scores[node] - iterated.hub_scores[node]);
    authority_distance += std::abs(closed.authority_scores[node] - iterated.authority_scores[node]);
  }
  EXPECT_LT(hub_distance, 1e-9);
  EXPECT_LT(authority_distance, 1e-9);
}

}  // namespace
}  // namespace crowdlens::graph
