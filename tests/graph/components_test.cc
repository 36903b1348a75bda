// Weakly connected components on a small graph by hand, and its verifier.
#include "graph/components.h"

#include <gtest/gtest.h>

#include <vector>

#include "graph/graph_builder.h"

namespace crowdlens::graph {
namespace {

TEST(Components, SmallGraphByHand) {
  // 1 -> 2 <- 3 join {1, 2, 3} against their directions; 4 -> 5; 6 has only a
  // self-loop; 7 has no edge at all. Numbered by smallest node:
  // {1, 2, 3} = 0, {4, 5} = 1, {6} = 2, {7} = 3.
  GraphBuilder builder;
  builder.AddEdge(1, 2);
  builder.AddEdge(3, 2);
  builder.AddEdge(4, 5);
  builder.AddEdge(4, 5);
  builder.AddEdge(6, 6);
  builder.AddNode(7);
  Graph graph = std::move(builder).Build();
  ComponentsResult result = WeaklyConnectedComponents(graph, {});
  EXPECT_EQ(result.component, (std::vector<NodeId>{0, 0, 0, 1, 1, 2, 3}));
  EXPECT_EQ(result.sizes, (std::vector<NodeId>{3, 2, 1, 1}));
  EXPECT_EQ(result.component_count(), 4u);
  EXPECT_TRUE(VerifyComponents(graph, result).ok());
}

TEST(Components, ALongPathJoinsInOnePassOnAnyThreadCount) {
  // A path 0 -> 1 -> ... -> 199999 written in shuffled order: one component.
  GraphBuilder builder;
  for (uint64_t step = 0; step < 199999; ++step) {
    uint64_t node = (step * 7919) % 199999;  // 7919 is prime, so this visits every step once
    builder.AddEdge(node, node + 1);
  }
  Graph graph = std::move(builder).Build();
  for (int threads : {1, 2}) {
    ComponentsResult result = WeaklyConnectedComponents(graph, {.threads = threads});
    EXPECT_EQ(result.component_count(), 1u);
    EXPECT_EQ(result.sizes[0], 200000u);
    EXPECT_TRUE(VerifyComponents(graph, result).ok());
  }
}

TEST(Components, VerifierCatchesASplitOrAMergedComponent) {
  GraphBuilder builder;
  builder.AddEdge(1, 2);
  builder.AddEdge(3, 4);
  Graph graph = std::move(builder).Build();
  ComponentsResult right = WeaklyConnectedComponents(graph, {});
  ASSERT_TRUE(VerifyComponents(graph, right).ok());
  ComponentsResult merged{.component = {0, 0, 0, 0}, .sizes = {4}};
  EXPECT_FALSE(VerifyComponents(graph, merged).ok());
  ComponentsResult split{.component = {0, 1, 2, 2}, .sizes = {1, 1, 2}};
  EXPECT_FALSE(VerifyComponents(graph, split).ok());
}

}  // namespace
}  // namespace crowdlens::graph
