// `crowdlens graph ...` as a user runs it, on edge lists small enough to solve by hand.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/run_command.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using nlohmann::json;
using testing::RunCrowdlens;

// 1 -> 2, 1 -> 3, 2 -> 3 with d = 1/2: PageRank (8, 10, 15)/33, worked out in
// tests/graph/pagerank_test.cc; with weights 3, 1, 1 it is (16, 22, 29)/67.
std::string ChainFile(bool weighted) {
  std::string path = testing::MakeTempDir("graph-cli") + "/chain.txt";
  testing::WriteFile(path, weighted ? "# a comment\n1 2 3\n1 3 1\n2 3 1\n" : "# a comment\n1 2\n1 3\n2 3\n");
  return path;
}

TEST(GraphCommand, PageRankCsvMatchesTheHandSolution) {
  auto ranked = RunCrowdlens({"graph", "pagerank", ChainFile(false), "--damping", "0.5", "--tolerance", "1e-14",
                              "--iterations", "500", "-o", "csv"});
  ASSERT_EQ(ranked.exit_code, 0) << ranked.err;
  // 15/33 = 0.454545..., 10/33 = 0.303030..., 8/33 = 0.242424...; highest first.
  EXPECT_EQ(ranked.out, "node,score\r\n3,0.454545\r\n2,0.30303\r\n1,0.242424\r\n");
  EXPECT_NE(ranked.err.find("3 nodes, 3 edges"), std::string::npos) << ranked.err;
  EXPECT_NE(ranked.err.find("per iteration"), std::string::npos) << ranked.err;
}

TEST(GraphCommand, PageRankUsesAThirdColumnAsWeightsUnlessTold) {
  std::string file = ChainFile(true);
  auto weighted = RunCrowdlens({"graph", "pagerank", file, "--damping", "0.5", "--tolerance", "1e-14", "-o", "json"});
  ASSERT_EQ(weighted.exit_code, 0) << weighted.err;
  json rows = json::parse(weighted.out);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["node"], 3);
  EXPECT_NEAR(rows[0]["score"].get<double>(), 29.0 / 67, 1e-12);
  EXPECT_EQ(rows[1]["node"], 2);
  EXPECT_NEAR(rows[1]["score"].get<double>(), 22.0 / 67, 1e-12);
  EXPECT_NEAR(rows[2]["score"].get<double>(), 16.0 / 67, 1e-12);

  auto unweighted = RunCrowdlens({"graph", "pagerank", file, "--damping", "0.5", "--tolerance", "1e-14", "--unweighted",
                                  "--top", "1", "-o", "json"});
  ASSERT_EQ(unweighted.exit_code, 0) << unweighted.err;
  rows = json::parse(unweighted.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_NEAR(rows[0]["score"].get<double>(), 15.0 / 33, 1e-12);
}

TEST(GraphCommand, FixedIterationsWithZeroTolerance) {
  // One iteration from 1/3 each: (2/9, 11/36, 17/36), as in the kernel's test.
  auto ranked = RunCrowdlens({"graph", "pagerank", ChainFile(false), "--damping", "0.5", "--iterations", "1",
                              "--tolerance", "0", "-o", "json"});
  ASSERT_EQ(ranked.exit_code, 0) << ranked.err;
  json rows = json::parse(ranked.out);
  EXPECT_NEAR(rows[0]["score"].get<double>(), 17.0 / 36, 1e-15);
  EXPECT_NEAR(rows[2]["score"].get<double>(), 2.0 / 9, 1e-15);
  EXPECT_NE(ranked.err.find("1 iteration(s)"), std::string::npos) << ranked.err;
}

TEST(GraphCommand, SalsaAndComponentsOnTwoComponents) {
  // 1 -> 3, 1 -> 4, 2 -> 4 and 5 -> 6: authorities 4: 4/9, 6: 1/3, 3: 2/9 and
  // hubs 1: 4/9, 5: 1/3, 2: 2/9 (Lempel and Moran; tests/graph/salsa_test.cc).
  std::string path = testing::MakeTempDir("graph-cli") + "/two.tsv";
  testing::WriteFile(path, "1\t3\n1\t4\n2\t4\n5\t6\n");
  auto salsa = RunCrowdlens({"graph", "salsa", path, "-o", "csv"});
  ASSERT_EQ(salsa.exit_code, 0) << salsa.err;
  EXPECT_EQ(salsa.out,
            "node,authority,hub\r\n4,0.444444,0\r\n6,0.333333,0\r\n3,0.222222,0\r\n"
            "1,0,0.444444\r\n2,0,0.222222\r\n5,0,0.333333\r\n");

  auto components = RunCrowdlens({"graph", "components", path, "-o", "csv"});
  ASSERT_EQ(components.exit_code, 0) << components.err;
  // {1, 2, 3, 4} (component 0, 4 nodes) before {5, 6} (component 1).
  EXPECT_EQ(components.out, "node,component,component_size\r\n1,0,4\r\n2,0,4\r\n3,0,4\r\n4,0,4\r\n5,1,2\r\n6,1,2\r\n");
  EXPECT_NE(components.err.find("2 weakly connected component(s), the largest with 4 nodes"), std::string::npos)
      << components.err;

  auto table = RunCrowdlens({"graph", "components", path});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Weakly connected components"), std::string::npos) << table.out;
  auto top_two = RunCrowdlens({"graph", "components", path, "--top", "2", "-o", "json"});
  ASSERT_EQ(top_two.exit_code, 0) << top_two.err;
  EXPECT_EQ(json::parse(top_two.out).size(), 2u);
}

TEST(GraphCommand, ConvertThenRunOnTheBinaryGraph) {
  std::string dir = testing::MakeTempDir("graph-cli");
  std::string edges = ChainFile(true);
  auto converted = RunCrowdlens({"graph", "convert", edges, dir + "/chain.clg", "-o", "json"});
  ASSERT_EQ(converted.exit_code, 0) << converted.err;
  json summary = json::parse(converted.out);
  EXPECT_EQ(summary["nodes"], 3);
  EXPECT_EQ(summary["edges"], 3);
  EXPECT_EQ(summary["weighted"], true);

  auto from_edges = RunCrowdlens({"graph", "pagerank", edges, "--damping", "0.5", "-o", "csv"});
  auto from_binary = RunCrowdlens({"graph", "pagerank", dir + "/chain.clg", "--damping", "0.5", "-o", "csv"});
  ASSERT_EQ(from_binary.exit_code, 0) << from_binary.err;
  EXPECT_EQ(from_binary.out, from_edges.out);
  EXPECT_NE(from_binary.out.find("3,0.432836\r\n"), std::string::npos) << from_binary.out;  // 29/67

  auto undirected = RunCrowdlens({"graph", "pagerank", dir + "/chain.clg", "--undirected"});
  EXPECT_EQ(undirected.exit_code, 2);
  EXPECT_NE(undirected.err.find("--undirected applies to edge lists"), std::string::npos) << undirected.err;
}

TEST(GraphCommand, MissingOrUnreadableFilesFailWithTheirName) {
  std::string dir = testing::MakeTempDir("graph-cli");
  auto missing = RunCrowdlens({"graph", "pagerank", dir + "/nope.txt"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find(dir + "/nope.txt"), std::string::npos) << missing.err;

  testing::WriteFile(dir + "/words.txt", "hello world\n");
  auto not_edges = RunCrowdlens({"graph", "components", dir + "/words.txt"});
  EXPECT_EQ(not_edges.exit_code, 1);
  EXPECT_NE(not_edges.err.find("no edges found"), std::string::npos) << not_edges.err;
  EXPECT_NE(not_edges.err.find("line 1"), std::string::npos) << not_edges.err;

  testing::WriteFile(dir + "/torn.clg", "CLGRAPH\1 but nothing else");
  auto torn = RunCrowdlens({"graph", "pagerank", dir + "/torn.clg"});
  EXPECT_EQ(torn.exit_code, 1);
  EXPECT_NE(torn.err.find("torn.clg"), std::string::npos) << torn.err;

  auto bad_damping = RunCrowdlens({"graph", "pagerank", ChainFile(false), "--damping", "1.5"});
  EXPECT_EQ(bad_damping.exit_code, 2);
  EXPECT_NE(bad_damping.err.find("damping"), std::string::npos) << bad_damping.err;
}

}  // namespace
}  // namespace crowdlens
