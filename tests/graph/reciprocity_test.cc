// Reciprocity on a small multigraph by hand, and its verifier.
#include "graph/reciprocity.h"

#include <gtest/gtest.h>

#include "graph/graph_builder.h"

namespace crowdlens::graph {
namespace {

Graph SmallMultigraph() {
  GraphBuilder builder;
  builder.AddEdge(1, 2);
  builder.AddEdge(2, 1);
  builder.AddEdge(1, 3);
  builder.AddEdge(3, 3);
  builder.AddEdge(2, 3);
  builder.AddEdge(3, 2);
  builder.AddEdge(3, 2);
  return std::move(builder).Build();
}

TEST(Reciprocity, PairsParallelEdgesOneToOne) {
  // Without the loop 3 -> 3: six edges. 1 -> 2 and 2 -> 1 match each other (2);
  // 2 -> 3 matches one of the two 3 -> 2 (2 more); 1 -> 3 and the second 3 -> 2
  // have no partner. 4 of 6; counting the loop as its own reverse, 5 of 7.
  // igraph's reciprocity(ignore_loops=True / False) gives 0.6667 / 0.7143.
  Graph graph = SmallMultigraph();
  ReciprocityResult ignoring = Reciprocity(graph, {});
  EXPECT_EQ(ignoring.edges, 6u);
  EXPECT_EQ(ignoring.reciprocated_edges, 4u);
  EXPECT_EQ(ignoring.self_loops, 1u);
  EXPECT_DOUBLE_EQ(ignoring.reciprocity, 4.0 / 6);
  EXPECT_TRUE(VerifyReciprocity(graph, {}, ignoring).ok());

  ReciprocityOptions with_loops{.ignore_self_loops = false};
  ReciprocityResult counting = Reciprocity(graph, with_loops);
  EXPECT_EQ(counting.edges, 7u);
  EXPECT_EQ(counting.reciprocated_edges, 5u);
  EXPECT_DOUBLE_EQ(counting.reciprocity, 5.0 / 7);
  EXPECT_TRUE(VerifyReciprocity(graph, with_loops, counting).ok());

  counting.reciprocated_edges = 6;
  EXPECT_FALSE(VerifyReciprocity(graph, with_loops, counting).ok());
}

TEST(Reciprocity, UndirectedGraphIsFullyReciprocal) {
  GraphBuilder builder({.undirected = true});
  builder.AddEdge(1, 2);
  builder.AddEdge(2, 3);
  Graph graph = std::move(builder).Build();
  ReciprocityResult result = Reciprocity(graph, {});
  EXPECT_EQ(result.edges, 4u);
  EXPECT_DOUBLE_EQ(result.reciprocity, 1.0);
}

TEST(Reciprocity, NoEdgesGivesZero) {
  GraphBuilder builder;
  builder.AddNode(1);
  Graph graph = std::move(builder).Build();
  ReciprocityResult result = Reciprocity(graph, {});
  EXPECT_EQ(result.edges, 0u);
  EXPECT_EQ(result.reciprocity, 0.0);
  EXPECT_TRUE(VerifyReciprocity(graph, {}, result).ok());
}

}  // namespace
}  // namespace crowdlens::graph
