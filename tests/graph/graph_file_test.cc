#include "graph/graph_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "graph/graph_builder.h"
#include "test_data.h"

namespace crowdlens::graph {
namespace {

Graph SmallWeightedGraph() {
  GraphBuilder builder({.weighted = true});
  builder.AddEdge(100, 200, 1.5f);
  builder.AddEdge(300, 200, 2.0f);
  builder.AddEdge(200, 100, 0.25f);
  builder.AddNode(400);
  return std::move(builder).Build();
}

void ExpectSameGraph(const Graph& a, const Graph& b) {
  ASSERT_EQ(a.node_count(), b.node_count());
  ASSERT_EQ(a.edge_count(), b.edge_count());
  ASSERT_EQ(a.weighted(), b.weighted());
  EXPECT_TRUE(std::equal(a.in().offsets.begin(), a.in().offsets.end(), b.in().offsets.begin()));
  EXPECT_TRUE(std::equal(a.in_sources().begin(), a.in_sources().end(), b.in_sources().begin()));
  EXPECT_TRUE(std::equal(a.in().weights.begin(), a.in().weights.end(), b.in().weights.begin()));
  EXPECT_TRUE(std::equal(a.out_weight().begin(), a.out_weight().end(), b.out_weight().begin()));
  EXPECT_TRUE(std::equal(a.labels().begin(), a.labels().end(), b.labels().begin()));
}

TEST(GraphFile, RoundTripsThroughAMappedFile) {
  std::string path = crowdlens::testing::MakeTempDir("graphfile") + "/g.clg";
  Graph graph = SmallWeightedGraph();
  ASSERT_TRUE(WriteGraphFile(graph, path).ok());
  Result<Graph> mapped = ReadGraphFile(path);
  ASSERT_TRUE(mapped.ok()) << mapped.status().message();
  ExpectSameGraph(graph, *mapped);
  EXPECT_EQ(mapped->labels()[3], 400u);
}

TEST(GraphFile, UnweightedGraphsStoreNoWeights) {
  std::string path = crowdlens::testing::MakeTempDir("graphfile") + "/u.clg";
  GraphBuilder builder;
  builder.AddEdge(1, 2);
  Graph graph = std::move(builder).Build();
  ASSERT_TRUE(WriteGraphFile(graph, path).ok());
  Result<Graph> mapped = ReadGraphFile(path);
  ASSERT_TRUE(mapped.ok());
  EXPECT_FALSE(mapped->weighted());
  ExpectSameGraph(graph, *mapped);
}

TEST(GraphFile, ATornFileIsDetected) {
  std::string path = crowdlens::testing::MakeTempDir("graphfile") + "/torn.clg";
  ASSERT_TRUE(WriteGraphFile(SmallWeightedGraph(), path).ok());
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 70);
  Result<Graph> mapped = ReadGraphFile(path);
  ASSERT_FALSE(mapped.ok());
  EXPECT_EQ(mapped.status().code(), ErrorCode::kDataError);
  EXPECT_NE(mapped.status().message().find("truncated"), std::string::npos) << mapped.status().message();
}

TEST(GraphFile, EveryFlippedByteIsDetected) {
  std::string dir = crowdlens::testing::MakeTempDir("graphfile");
  std::string path = dir + "/g.clg";
  ASSERT_TRUE(WriteGraphFile(SmallWeightedGraph(), path).ok());
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Flip each byte in turn. Every flip is either detected or falls in padding
  // (the unused tail of the 256-byte header, the zeros that align each array),
  // in which case the graph read back must be exactly the original.
  Graph original = SmallWeightedGraph();
  size_t detected = 0;
  for (size_t position = 0; position < bytes.size(); ++position) {
    std::string altered = bytes;
    altered[position] = static_cast<char>(altered[position] ^ 0x5a);
    std::string altered_path = dir + "/altered.clg";
    std::ofstream(altered_path, std::ios::binary) << altered;
    Result<Graph> mapped = ReadGraphFile(altered_path);
    if (mapped.ok()) {
      SCOPED_TRACE("flipped byte " + std::to_string(position));
      ExpectSameGraph(original, *mapped);
    } else {
      ++detected;
    }
  }
  // Header fields (~150 bytes) and the arrays (4 nodes, 3 edges: ~130 bytes) are all covered.
  EXPECT_GT(detected, 250u);
}

TEST(GraphFile, GarbageIsNotAGraph) {
  std::string path = crowdlens::testing::MakeTempDir("graphfile") + "/junk.clg";
  crowdlens::testing::WriteFile(path, std::string(1000, 'x'));
  Result<Graph> mapped = ReadGraphFile(path);
  ASSERT_FALSE(mapped.ok());
  EXPECT_NE(mapped.status().message().find("magic"), std::string::npos);
}

}  // namespace
}  // namespace crowdlens::graph
