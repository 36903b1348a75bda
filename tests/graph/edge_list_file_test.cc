#include "graph/edge_list_file.h"

#include <gtest/gtest.h>

#include "test_data.h"

namespace crowdlens::graph {
namespace {

using crowdlens::testing::MakeTempDir;
using crowdlens::testing::SharedPath;
using crowdlens::testing::WriteFile;

TEST(LoadEdgeList, ReadsCommentsSeparatorsAndWeights) {
  std::string path = MakeTempDir("edges") + "/g.txt";
  WriteFile(path,
            "# a comment\n"
            "% another\n"
            "1 2 0.5\n"
            "2\t3\t2\n"
            "\n"
            "3,1,1.5\r\n"
            "4 1 3 1234567890\n");  // KONECT's fourth column (a time) is ignored
  Result<EdgeListLoad> load = LoadEdgeList(path, {});
  ASSERT_TRUE(load.ok()) << load.status().message();
  EXPECT_EQ(load->lines, 7u);
  EXPECT_EQ(load->edges, 4u);
  EXPECT_EQ(load->skipped_lines, 0u);
  const Graph& graph = load->graph;
  ASSERT_TRUE(graph.weighted());
  EXPECT_EQ(graph.node_count(), 4u);
  // Node 1 (dense 0) receives from 3 (weight 1.5) and 4 (weight 3).
  EdgeRange into_one = graph.in_edges(0);
  ASSERT_EQ(into_one.size(), 2u);
  EXPECT_EQ(graph.labels()[graph.in_sources()[into_one.begin_edge]], 3u);
  EXPECT_FLOAT_EQ(graph.in_weight(into_one.begin_edge), 1.5f);
  EXPECT_FLOAT_EQ(graph.in_weight(into_one.begin_edge + 1), 3.0f);
}

TEST(LoadEdgeList, SkipsBadLinesAndNamesThem) {
  std::string path = MakeTempDir("edges") + "/bad.txt";
  WriteFile(path, "source,target\n1 2\nfoo bar\n2 3\n-1 4\n3 4 -2\n");
  Result<EdgeListLoad> load = LoadEdgeList(path, {});
  ASSERT_TRUE(load.ok()) << load.status().message();
  EXPECT_EQ(load->edges, 2u);
  EXPECT_EQ(load->skipped_lines, 4u);
  ASSERT_EQ(load->problems.size(), 4u);
  EXPECT_EQ(load->problems[0].line, 1u);
  EXPECT_EQ(load->problems[1].line, 3u);
  EXPECT_EQ(load->problems[2].line, 5u);
  EXPECT_EQ(load->problems[3].line, 6u);
  EXPECT_NE(load->problems[3].message.find("weight"), std::string::npos);
}

TEST(LoadEdgeList, MatrixMarketSizeLineIsSkippedAndSymmetricIsUndirected) {
  std::string path = MakeTempDir("edges") + "/g.mtx";
  WriteFile(path, "%%MatrixMarket matrix coordinate pattern symmetric\n% c\n3 3 2\n2 1\n3 2\n");
  Result<EdgeListLoad> load = LoadEdgeList(path, {});
  ASSERT_TRUE(load.ok()) << load.status().message();
  EXPECT_EQ(load->lines, 5u);
  EXPECT_EQ(load->edges, 2u);
  EXPECT_EQ(load->graph.edge_count(), 4u);
  EXPECT_EQ(load->graph.node_count(), 3u);
}

TEST(LoadEdgeList, FilesWithoutEdgesAndMissingFilesAreErrors) {
  std::string dir = MakeTempDir("edges");
  WriteFile(dir + "/empty.txt", "# nothing\n");
  Result<EdgeListLoad> empty = LoadEdgeList(dir + "/empty.txt", {});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), ErrorCode::kDataError);
  Result<EdgeListLoad> missing = LoadEdgeList(dir + "/missing.txt", {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
}

TEST(LoadEdgeList, ChunkedParsingMatchesOneThread) {
  std::string path = MakeTempDir("edges") + "/big.txt";
  std::string text;
  // 3 MB of edges so the parser splits the file between threads.
  for (uint64_t index = 0; index < 300'000; ++index) {
    text += std::to_string(index % 5003) + " " + std::to_string((index * 7919) % 4001) + "\n";
  }
  WriteFile(path, text);
  Result<EdgeListLoad> one = LoadEdgeList(path, {.threads = 1});
  Result<EdgeListLoad> four = LoadEdgeList(path, {.threads = 4});
  ASSERT_TRUE(one.ok() && four.ok());
  ASSERT_EQ(one->edges, 300'000u);
  ASSERT_EQ(four->edges, one->edges);
  ASSERT_EQ(four->lines, one->lines);
  ASSERT_EQ(four->graph.node_count(), one->graph.node_count());
  const Graph& a = one->graph;
  const Graph& b = four->graph;
  EXPECT_TRUE(std::equal(a.in().offsets.begin(), a.in().offsets.end(), b.in().offsets.begin()));
  EXPECT_TRUE(std::equal(a.in_sources().begin(), a.in_sources().end(), b.in_sources().begin()));
}

// Slashdot's header states 82168 nodes and 948464 edges; the independent count is
//   zcat soc-Slashdot0902.txt.gz | grep -vc '^#'   -> 948464
TEST(LoadEdgeList, ReadsGzippedSlashdot) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  Result<EdgeListLoad> load = LoadEdgeList(SharedPath("snap-slashdot/soc-Slashdot0902.txt.gz"), {});
  ASSERT_TRUE(load.ok()) << load.status().message();
  EXPECT_EQ(load->edges, 948464u);
  EXPECT_EQ(load->graph.node_count(), 82168u);
  EXPECT_EQ(load->skipped_lines, 0u);
  EXPECT_FALSE(load->graph.weighted());
}

// The archive holds the .mtx and a readme; the header line says 404719 nodes and 713319 entries:
//   unzip -p soc-twitter-follows.zip soc-twitter-follows.mtx | grep -v '^%' | tail -n +2 | wc -l  -> 713319
TEST(LoadEdgeList, ReadsTheLargestMemberOfAZip) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  Result<EdgeListLoad> load = LoadEdgeList(SharedPath("nr-soc-twitter-follows/soc-twitter-follows.zip"), {});
  ASSERT_TRUE(load.ok()) << load.status().message();
  EXPECT_EQ(load->edges, 713319u);
  EXPECT_EQ(load->skipped_lines, 0u);
  EXPECT_LE(load->graph.node_count(), 404719u);
}

}  // namespace
}  // namespace crowdlens::graph
