// `crowdlens graph export` read back by networkx (Debian's python3-networkx):
// the nodes, edges, layers, weights and attributes of a workspace whose every
// edge is known (tests/fixtures/graph, described in tests/store/graph_layers_test.cc).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/run_command.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using testing::RunCrowdlens;
using testing::TestsPath;

constexpr const char* kPeerPython = "/usr/bin/python3";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class GraphExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("export");
    workspace_ = dir_ + "/ws";
    ASSERT_EQ(RunCrowdlens({"-w", workspace_, "init"}).exit_code, 0);
    ASSERT_EQ(RunCrowdlens({"-w", workspace_, "import", TestsPath("fixtures/graph/statuses.jsonl")}).exit_code, 0);
    ASSERT_EQ(RunCrowdlens({"-w", workspace_, "import", "--platform", "twitter",
                            TestsPath("fixtures/graph/follows.txt")}).exit_code, 0);
  }

  // networkx's reading of the exported file, as JSON.
  nlohmann::json ReadWithNetworkx(const std::string& kind, const std::string& path) {
    std::string command = std::string(kPeerPython) + " " + TestsPath("expected/scripts/read_exported_graph.py") + " " +
                          kind + " " + path + " > " + dir_ + "/read.json";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return nlohmann::json::parse(ReadFile(dir_ + "/read.json"));
  }

  static bool NetworkxPresent() {
    return std::system((std::string(kPeerPython) + " -c 'import networkx' 2>/dev/null").c_str()) == 0;
  }

  std::string dir_;
  std::string workspace_;
};

const nlohmann::json kExpectedEdges = nlohmann::json::parse(R"([
  ["alice", "bob", "follow", 1.0], ["alice", "bob", "mention", 1.0],
  ["bob", "alice", "follow", 1.0], ["bob", "alice", "mention", 1.0], ["bob", "alice", "reply", 1.0],
  ["carol", "alice", "follow", 1.0], ["carol", "alice", "retweet", 1.0],
  ["dave", "alice", "follow", 1.0], ["dave", "bob", "mention", 2.0]])");

TEST_F(GraphExportTest, GraphMlReadsBackInNetworkx) {
  if (!NetworkxPresent()) GTEST_SKIP() << "python3-networkx is not installed (scripts/install-deps.sh installs it)";
  std::string path = dir_ + "/crowd.graphml";
  testing::CommandResult result = RunCrowdlens({"-w", workspace_, "graph", "export", "--as", "graphml", "-O", path});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("4 accounts and 9 edges"), std::string::npos) << result.err;
  nlohmann::json read = ReadWithNetworkx("graphml", path);
  EXPECT_TRUE(read["directed"].get<bool>());
  EXPECT_EQ(read["edges"], kExpectedEdges);
  ASSERT_EQ(read["nodes"].size(), 4u);
  const nlohmann::json& alice = read["nodes"]["alice"];
  EXPECT_EQ(alice["posts"], 2);  // post 10 and the self-reply 15
  EXPECT_EQ(alice["platform"], "twitter");
  // On the retweet layer only carol->alice exists: by hand, with d = 0.85 and 4 nodes... only
  // carol and alice are in that layer; carol is dangling-free (out 1), alice dangling:
  //   a = 0.15/2 + 0.85 (c + a/2),  c = 0.15/2 + 0.85 (a/2)  =>  a = 0.6491228, c = 0.3508772
  EXPECT_NEAR(alice["pagerank_retweet"].get<double>(), 0.6491228, 1e-6);
  EXPECT_NEAR(read["nodes"]["carol"]["pagerank_retweet"].get<double>(), 0.3508772, 1e-6);
  EXPECT_EQ(read["nodes"]["dave"]["pagerank_retweet"].get<double>(), 0.0);  // not in that layer
}

TEST_F(GraphExportTest, GexfReadsBackInNetworkxAndLayersFilter) {
  if (!NetworkxPresent()) GTEST_SKIP() << "python3-networkx is not installed (scripts/install-deps.sh installs it)";
  std::string path = dir_ + "/crowd.gexf";
  testing::CommandResult result =
      RunCrowdlens({"-w", workspace_, "graph", "export", "--as", "gexf", "--layer", "mention,reply", "-O", path});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  nlohmann::json read = ReadWithNetworkx("gexf", path);
  // GEXF readers keep one edge per pair: bob->alice has a mention and a reply edge, networkx keeps the last.
  std::set<std::string> pairs;
  for (const auto& edge : read["edges"]) pairs.insert(edge[0].get<std::string>() + ">" + edge[1].get<std::string>());
  EXPECT_EQ(pairs, (std::set<std::string>{"alice>bob", "bob>alice", "dave>bob"}));
  EXPECT_EQ(read["nodes"].size(), 3u);  // carol has neither mention nor reply edges
  EXPECT_TRUE(read["nodes"]["dave"].contains("pagerank_mention"));
}

TEST_F(GraphExportTest, EdgeListNamesAccountsByHandle) {
  testing::CommandResult result =
      RunCrowdlens({"-w", workspace_, "graph", "export", "--as", "edgelist", "--layer", "mention"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "# source target weight layer (accounts by handle; id:N where the handle is unknown)\n"
            "bob alice 1 mention\n"     // edges grouped by target: alice first,
            "alice bob 1 mention\n"     // then bob (account keys in import order)
            "dave bob 2 mention\n");
}

TEST_F(GraphExportTest, UnknownLayerIsAUsageErrorNamingTheChoices) {
  testing::CommandResult result = RunCrowdlens({"-w", workspace_, "graph", "export", "--layer", "likes"});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("follow, retweet, mention or reply"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace crowdlens
