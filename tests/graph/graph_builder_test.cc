#include "graph/graph_builder.h"

#include <gtest/gtest.h>

#include <vector>

namespace crowdlens::graph {
namespace {

std::vector<uint64_t> InSourceLabels(const Graph& graph, NodeId target) {
  std::vector<uint64_t> labels;
  for (EdgeIndex edge : graph.in_edges(target)) labels.push_back(graph.labels()[graph.in_sources()[edge]]);
  return labels;
}

TEST(GraphBuilder, DenseIdsFollowLabelOrderAndInListsAreSorted) {
  GraphBuilder builder;
  builder.AddEdge(30, 10);
  builder.AddEdge(20, 10);
  builder.AddEdge(10, 30);
  builder.AddEdge(5, 10);
  builder.AddNode(99);
  Graph graph = std::move(builder).Build();
  ASSERT_EQ(graph.node_count(), 5u);
  EXPECT_EQ(graph.edge_count(), 4u);
  EXPECT_EQ(std::vector<uint64_t>(graph.labels().begin(), graph.labels().end()),
            (std::vector<uint64_t>{5, 10, 20, 30, 99}));
  EXPECT_FALSE(graph.weighted());
  EXPECT_EQ(InSourceLabels(graph, 1), (std::vector<uint64_t>{5, 20, 30}));  // into 10
  EXPECT_EQ(InSourceLabels(graph, 3), (std::vector<uint64_t>{10}));         // into 30
  // Out-degrees: 5->1, 10->1, 20->1, 30->1, 99 dangling.
  EXPECT_EQ(std::vector<float>(graph.out_weight().begin(), graph.out_weight().end()),
            (std::vector<float>{1, 1, 1, 1, 0}));
}

TEST(GraphBuilder, MergesDuplicatesBySummingWeights) {
  GraphBuilder builder({.weighted = true, .merge_duplicates = true});
  builder.AddEdge(1, 2, 2.0f);
  builder.AddEdge(1, 2, 3.0f);
  builder.AddEdge(3, 2, 1.0f);
  builder.AddEdge(1, 3, 4.0f);
  Graph graph = std::move(builder).Build();
  ASSERT_EQ(graph.edge_count(), 3u);
  ASSERT_TRUE(graph.weighted());
  // Into node 2 (dense 1): from 1 (weight 5) then from 3 (weight 1).
  EdgeRange into_two = graph.in_edges(1);
  ASSERT_EQ(into_two.size(), 2u);
  EXPECT_EQ(graph.in_sources()[into_two.begin_edge], 0u);
  EXPECT_FLOAT_EQ(graph.in_weight(into_two.begin_edge), 5.0f);
  EXPECT_FLOAT_EQ(graph.in_weight(into_two.begin_edge + 1), 1.0f);
  EXPECT_FLOAT_EQ(graph.out_weight()[0], 9.0f);  // 5 + 4
}

TEST(GraphBuilder, KeepsParallelEdgesAsAMultigraphByDefault) {
  GraphBuilder builder;
  builder.AddEdge(1, 2);
  builder.AddEdge(1, 2);
  Graph graph = std::move(builder).Build();
  EXPECT_EQ(graph.edge_count(), 2u);
  EXPECT_FLOAT_EQ(graph.out_weight()[0], 2.0f);
}

TEST(GraphBuilder, UndirectedAddsReversesAndDropsSelfLoopsOnRequest) {
  GraphBuilder builder({.drop_self_loops = true, .undirected = true});
  builder.AddEdge(1, 2);
  builder.AddEdge(2, 2);
  Graph graph = std::move(builder).Build();
  EXPECT_EQ(graph.edge_count(), 2u);  // 1->2 and 2->1; the loop is gone
  EXPECT_EQ(InSourceLabels(graph, 0), (std::vector<uint64_t>{2}));
  EXPECT_EQ(InSourceLabels(graph, 1), (std::vector<uint64_t>{1}));
}

TEST(GraphBuilder, SparseLargeLabelsUseTheSortedPath) {
  GraphBuilder builder;
  builder.AddEdge(1'000'000'000'000'000ull, 7);
  builder.AddEdge(7, 123'456'789'012ull);
  Graph graph = std::move(builder).Build();
  ASSERT_EQ(graph.node_count(), 3u);
  EXPECT_EQ(graph.labels()[0], 7u);
  EXPECT_EQ(graph.labels()[2], 1'000'000'000'000'000ull);
  EXPECT_EQ(InSourceLabels(graph, 0), (std::vector<uint64_t>{1'000'000'000'000'000ull}));
}

TEST(GraphBuilder, OutAdjacencyMirrorsTheInLists) {
  GraphBuilder builder({.weighted = true});
  builder.AddEdge(1, 2, 0.5f);
  builder.AddEdge(1, 3, 1.5f);
  builder.AddEdge(3, 1, 2.0f);
  Graph graph = std::move(builder).Build();
  OutAdjacency out(graph);
  ASSERT_EQ(out.edges(0).size(), 2u);
  EXPECT_EQ(out.targets()[out.edges(0).begin_edge], 1u);
  EXPECT_EQ(out.targets()[out.edges(0).begin_edge + 1], 2u);
  EXPECT_FLOAT_EQ(out.weight(out.edges(0).begin_edge + 1), 1.5f);
  EXPECT_EQ(out.edges(1).size(), 0u);
  EXPECT_EQ(out.targets()[out.edges(2).begin_edge], 0u);
}

TEST(GraphBuilder, EmptyBuilderMakesAnEmptyGraph) {
  Graph graph = GraphBuilder().Build();
  EXPECT_EQ(graph.node_count(), 0u);
  EXPECT_EQ(graph.edge_count(), 0u);
}

}  // namespace
}  // namespace crowdlens::graph
