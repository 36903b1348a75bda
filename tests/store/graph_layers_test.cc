// The crowd's graph layers, built from a small hand-written workspace whose
// every edge is known, and the cache of binary graph files beside it.
#include "store/graph_layers.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "store/importer.h"
#include "test_data.h"

namespace crowdlens {
namespace {

// Accounts: 1 alice, 2 bob, 3 carol, 4 dave.
//   post 10: alice "hello @bob"                       -> mention alice->bob
//   post 11: carol retweets post 10 ("RT @alice: ...") -> retweet carol->alice (no mention edge)
//   post 12: bob replies to alice "@alice thanks"      -> reply bob->alice, mention bob->alice
//   post 13: dave "@bob @bob"... twice in entities      -> mention dave->bob once per post
//   post 14: dave "again @bob"                        -> mention dave->bob (weight 2 in all)
//   post 15: alice replies to herself                 -> no edge
// Follows (edge list, twitter ids): 2->1, 3->1, 4->1, 1->2.
// The fixture: tests/fixtures/graph/statuses.jsonl and follows.txt.

class GraphLayersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("layers");
    Result<std::unique_ptr<Workspace>> opened = Workspace::Open(dir_ + "/ws", OpenMode::kCreate);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    workspace_ = std::move(opened).value();
    ImportOptions options{.paths = {testing::TestsPath("fixtures/graph/statuses.jsonl")}, .show_progress = false};
    ASSERT_TRUE(Import(*workspace_, options).ok());
    ImportOptions follows{.paths = {testing::TestsPath("fixtures/graph/follows.txt")}, .show_progress = false};
    follows.read.platform = "twitter";
    ASSERT_TRUE(Import(*workspace_, follows).ok());
  }

  // Edges as "source_handle->target_handle" => weight.
  std::map<std::string, float> Edges(const graph::Graph& graph) {
    std::map<std::string, float> edges;
    for (graph::NodeId target = 0; target < graph.node_count(); ++target) {
      for (graph::EdgeIndex edge : graph.in_edges(target)) {
        edges[Handle(graph.labels()[graph.in_sources()[edge]]) + "->" + Handle(graph.labels()[target])] +=
            graph.in_weight(edge);
      }
    }
    return edges;
  }

  std::string Handle(uint64_t account_key) {
    Result<Statement> statement = workspace_->db().Prepare("SELECT handle FROM accounts WHERE account_key = ?");
    statement->Bind(1, static_cast<int64_t>(account_key));
    EXPECT_TRUE(statement->Step().value());
    return statement->ColumnText(0);
  }

  std::string dir_;
  std::unique_ptr<Workspace> workspace_;
};

TEST_F(GraphLayersTest, EachLayerHoldsExactlyItsEdges) {
  Result<graph::Graph> mention = BuildLayer(*workspace_, Layer::kMention);
  ASSERT_TRUE(mention.ok()) << mention.status().message();
  EXPECT_EQ(Edges(*mention), (std::map<std::string, float>{{"alice->bob", 1}, {"bob->alice", 1}, {"dave->bob", 2}}));
  Result<graph::Graph> retweet = BuildLayer(*workspace_, Layer::kRetweet);
  EXPECT_EQ(Edges(*retweet), (std::map<std::string, float>{{"carol->alice", 1}}));
  Result<graph::Graph> reply = BuildLayer(*workspace_, Layer::kReply);
  EXPECT_EQ(Edges(*reply), (std::map<std::string, float>{{"bob->alice", 1}}));
  Result<graph::Graph> follow = BuildLayer(*workspace_, Layer::kFollow);
  EXPECT_EQ(Edges(*follow), (std::map<std::string, float>{
                                {"bob->alice", 1}, {"carol->alice", 1}, {"dave->alice", 1}, {"alice->bob", 1}}));
}

TEST_F(GraphLayersTest, TheCacheIsReusedRebuiltWhenStaleAndWhenTorn) {
  std::filesystem::path file = std::filesystem::path(workspace_->dir()) / "graphs" / "mention.clg";
  Result<graph::Graph> first = LoadLayer(*workspace_, Layer::kMention);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(std::filesystem::exists(file));
  auto written_at = std::filesystem::last_write_time(file);

  Result<graph::Graph> again = LoadLayer(*workspace_, Layer::kMention);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(std::filesystem::last_write_time(file), written_at);  // read, not rebuilt
  EXPECT_EQ(Edges(*again), Edges(*first));

  // A torn file is rebuilt, never read as garbage.
  std::filesystem::resize_file(file, std::filesystem::file_size(file) / 2);
  Result<graph::Graph> repaired = LoadLayer(*workspace_, Layer::kMention);
  ASSERT_TRUE(repaired.ok());
  EXPECT_EQ(Edges(*repaired), Edges(*first));

  // New posts make the cache stale.
  testing::WriteFile(dir_ + "/in/more.jsonl",
                     R"({"id_str":"16","text":"hi @carol","created_at":"Wed Aug 27 19:08:45 +0000 2008","user":{"id_str":"2","screen_name":"bob"},"entities":{"user_mentions":[{"id_str":"3","screen_name":"carol"}]}})"
                     "\n");
  ASSERT_TRUE(Import(*workspace_, {.paths = {dir_ + "/in/more.jsonl"}, .show_progress = false}).ok());
  Result<graph::Graph> fresh = LoadLayer(*workspace_, Layer::kMention);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(Edges(*fresh).count("bob->carol"), 1u);
}

TEST(GraphLayers, NamesParseBothWays) {
  for (Layer layer : kAllLayers) EXPECT_EQ(ParseLayer(LayerName(layer)).value(), layer);
  Result<Layer> bad = ParseLayer("likes");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("follow, retweet, mention or reply"), std::string::npos);
}

}  // namespace
}  // namespace crowdlens
