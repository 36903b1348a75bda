// k-core decomposition on a small graph by hand, and its verifier.
#include "graph/kcore.h"

#include <gtest/gtest.h>

#include <vector>

#include "graph/graph_builder.h"

namespace crowdlens::graph {
namespace {

TEST(KCore, TriangleWithATailAndAMutualPair) {
  // Triangle 1 -> 2 -> 3 -> 1; tail 5 -> 4 -> 1; mutual pair 6 <-> 7; 8 has a
  // self-loop and an edge to 1. Degrees (in + out, loop twice): 1:4, 2:2, 3:2,
  // 4:2, 5:1, 6:2, 7:2, 8:3. Peeling: 5 (core 1) leaves 4 with 1, so 4 is core 1
  // too and 1 drops to 3; then 2 (core 2) drops 1 to 2, 3 and 1 follow at 2;
  // removing 1 drops 8 to 2 (its loop never lowers it), so 8 is core 2; the
  // pair 6, 7 is a 2-core by its two parallel edges. igraph's
  // coreness(mode="all") gives the same: [2, 2, 2, 1, 1, 2, 2, 2].
  GraphBuilder builder;
  builder.AddEdge(1, 2);
  builder.AddEdge(2, 3);
  builder.AddEdge(3, 1);
  builder.AddEdge(4, 1);
  builder.AddEdge(5, 4);
  builder.AddEdge(6, 7);
  builder.AddEdge(7, 6);
  builder.AddEdge(8, 8);
  builder.AddEdge(8, 1);
  Graph graph = std::move(builder).Build();
  KCoreResult result = KCoreDecomposition(graph, {});
  EXPECT_EQ(result.core, (std::vector<uint32_t>{2, 2, 2, 1, 1, 2, 2, 2}));
  EXPECT_EQ(result.max_core, 2u);
  EXPECT_TRUE(VerifyKCore(graph, {}, result).ok());
}

TEST(KCore, CliqueOfFiveIsAFourCore) {
  // Every pair of K5 once (one direction): each node has degree 4, so the core is 4;
  // a pendant node 6 -> 0 stays at 1.
  GraphBuilder builder;
  for (uint64_t first = 0; first < 5; ++first) {
    for (uint64_t second = first + 1; second < 5; ++second) builder.AddEdge(first, second);
  }
  builder.AddEdge(6, 0);
  Graph graph = std::move(builder).Build();
  KCoreResult result = KCoreDecomposition(graph, {});
  EXPECT_EQ(result.core, (std::vector<uint32_t>{4, 4, 4, 4, 4, 1}));
  EXPECT_EQ(result.max_core, 4u);
  EXPECT_TRUE(VerifyKCore(graph, {}, result).ok());
  result.core[5] = 2;
  EXPECT_FALSE(VerifyKCore(graph, {}, result).ok());
}

TEST(KCore, InAndOutCoresCountOneDirection) {
  // 1 -> 2, 3 -> 2, 2 -> 1, 4 -> 1. In-degrees 1:2, 2:2, 3:0, 4:0. Peeling by
  // in-degree: 3 (core 0) lowers its target 2 to 1, 4 (core 0) lowers 1 to 1;
  // then 1 and 2, each the other's in-neighbour, form the in-1-core. Out-degrees
  // are all 1 and every node points into the set, so all out-cores are 1.
  GraphBuilder builder;
  builder.AddEdge(1, 2);
  builder.AddEdge(3, 2);
  builder.AddEdge(2, 1);
  builder.AddEdge(4, 1);
  Graph graph = std::move(builder).Build();
  KCoreOptions in{.mode = KCoreMode::kIn};
  KCoreResult in_cores = KCoreDecomposition(graph, in);
  EXPECT_EQ(in_cores.core, (std::vector<uint32_t>{1, 1, 0, 0}));
  EXPECT_TRUE(VerifyKCore(graph, in, in_cores).ok());
  KCoreOptions out{.mode = KCoreMode::kOut};
  KCoreResult out_cores = KCoreDecomposition(graph, out);
  EXPECT_EQ(out_cores.core, (std::vector<uint32_t>{1, 1, 1, 1}));
  EXPECT_TRUE(VerifyKCore(graph, out, out_cores).ok());
  // Ignoring direction: degrees 1:3, 2:3, 3:1, 4:1; peeling 3 and 4 leaves 1 and 2
  // joined by two parallel edges, a 2-core.
  KCoreResult all = KCoreDecomposition(graph, {});
  EXPECT_EQ(all.core, (std::vector<uint32_t>{2, 2, 1, 1}));
  EXPECT_FALSE(VerifyKCore(graph, in, all).ok());
}

TEST(KCore, InCoreOfAnUndirectedGraphIsItsKCore) {
  // A triangle with a pendant, read undirected (both directions stored): degrees 2, 2, 3, 1.
  GraphBuilder builder({.undirected = true});
  builder.AddEdge(1, 2);
  builder.AddEdge(2, 3);
  builder.AddEdge(3, 1);
  builder.AddEdge(3, 4);
  Graph graph = std::move(builder).Build();
  KCoreResult cores = KCoreDecomposition(graph, {.mode = KCoreMode::kIn});
  EXPECT_EQ(cores.core, (std::vector<uint32_t>{2, 2, 2, 1}));
}

TEST(KCore, EmptyGraph) {
  Graph graph = GraphBuilder().Build();
  KCoreResult result = KCoreDecomposition(graph, {});
  EXPECT_TRUE(result.core.empty());
  EXPECT_TRUE(VerifyKCore(graph, {}, result).ok());
}

}  // namespace
}  // namespace crowdlens::graph
