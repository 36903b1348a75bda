// Edge-list readers against real graphs; expected numbers from
// tests/expected/scripts/counts.py (Python, counting distinct pairs and ids).
#include <gtest/gtest.h>

#include "ingest/read_all.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using testing::ReadAll;
using testing::ReadText;

TEST(EdgeListReader, CongressWeightedEdges) {
  ReadOptions options;
  options.relation = Relation::kMention;
  CROWDLENS_REQUIRE_SHARED_DATA();
  testing::Collected read = ReadAll(testing::SharedPath("snap-congress-twitter/congress.edgelist"), options);
  ASSERT_TRUE(read.status.ok());
  EXPECT_EQ(read.report.format, Format::kEdgeList);
  EXPECT_EQ(read.DistinctEdges(), 13289u);
  EXPECT_EQ(read.DistinctAccounts(), 475u);
  auto edges = read.Edges();
  EXPECT_EQ(edges[0].source_id, "0");
  EXPECT_EQ(edges[0].target_id, "4");
  EXPECT_DOUBLE_EQ(edges[0].weight, 0.002105263157894737);
  EXPECT_EQ(edges[0].platform, "graph:congress");
  EXPECT_EQ(edges[0].relation, Relation::kMention);
}

TEST(EdgeListReader, KonectEgoTwitter) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  testing::Collected read = ReadAll(testing::SharedPath("konect-ego-twitter/out.ego-twitter"));
  EXPECT_EQ(read.DistinctEdges(), 33101u);
  EXPECT_EQ(read.DistinctAccounts(), 23370u);
}

TEST(EdgeListReader, SlashdotGzipWithCrlfAndComments) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  testing::Collected read = ReadAll(testing::SharedPath("snap-slashdot/soc-Slashdot0902.txt.gz"), {}, Format::kUnknown, 100000);
  ASSERT_TRUE(read.status.ok());
  EXPECT_EQ(read.DistinctEdges(), 948464u);
  EXPECT_EQ(read.DistinctAccounts(), 82168u);
  EXPECT_TRUE(read.Quarantined().empty());
}

TEST(EdgeListReader, MatrixMarketInsideZipExpandsSymmetricEntries) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  testing::Collected read = ReadAll(testing::SharedPath("nr-soc-twitter-follows/soc-twitter-follows.zip"), {},
                                    Format::kUnknown, 100000);
  ASSERT_TRUE(read.status.ok());
  EXPECT_EQ(read.report.format, Format::kMatrixMarket);  // readme.html, the other member, is skipped
  EXPECT_EQ(read.DistinctEdges(), 1426638u);
  EXPECT_EQ(read.DistinctAccounts(), 404719u);
  EXPECT_TRUE(read.Quarantined().empty());
}

TEST(EdgeListReader, BadLinesAreQuarantinedWithTheirLineNumbers) {
  testing::Collected read = ReadText("g.txt", "# comment\n1 2\n3\n4 5 heavy\n6 7 0.5\n", {}, Format::kEdgeList);
  EXPECT_EQ(read.Edges().size(), 2u);
  auto quarantined = read.Quarantined();
  ASSERT_EQ(quarantined.size(), 2u);
  EXPECT_EQ(quarantined[0].line, 3);
  EXPECT_EQ(quarantined[1].line, 4);
  EXPECT_NE(quarantined[1].reason.find("weight"), std::string::npos);
}

TEST(EdgeListReader, MatrixMarketCountMismatchIsReported) {
  testing::Collected read =
      ReadText("m.mtx", "%%MatrixMarket matrix coordinate pattern general\n3 3 3\n1 2\n2 3\n");
  EXPECT_EQ(read.Edges().size(), 2u);
  ASSERT_EQ(read.Quarantined().size(), 1u);
  EXPECT_NE(read.Quarantined()[0].reason.find("declares 3"), std::string::npos);
}

TEST(EdgeListReader, PhemeFollowListsAreTwitterIds) {
  testing::Collected read = ReadText("who-follows-whom.dat", "100\t200\n");
  ASSERT_EQ(read.Edges().size(), 1u);
  EXPECT_EQ(read.Edges()[0].platform, "twitter");
}

}  // namespace
}  // namespace crowdlens

namespace crowdlens {
namespace {

TEST(CongressNetworkReader, NamedMembersAndWeightedInteractions) {
  // python3 tests/expected/scripts/counts.py: nodes 475, edges 13289, matching congress.edgelist.
  testing::Collected read = testing::ReadAll(testing::SamplePath("congress/congress_network_data.json"));
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  EXPECT_EQ(read.report.format, Format::kCongressNetwork);
  EXPECT_EQ(read.DistinctEdges(), 13289u);
  EXPECT_EQ(read.DistinctAccounts(), 475u);
  auto edges = read.Edges();
  // Line 1 of congress.edgelist is "0 4 0.002105263157894737": SenatorBaldwin -> usernameList[4].
  EXPECT_EQ(edges[0].source_id, "@senatorbaldwin");
  EXPECT_EQ(edges[0].relation, Relation::kMention);
  EXPECT_DOUBLE_EQ(edges[0].weight, 0.002105263157894737);
  EXPECT_EQ(read.Accounts()[0].handle, "SenatorBaldwin");
}

TEST(CongressNetworkReader, MismatchedArraysAreQuarantined) {
  testing::Collected read = testing::ReadText(
      "c.json", R"([{"inList":[[1],[0]],"outList":[[1],[5]],"outWeight":[[0.5],[0.5]],"usernameList":["a","b"]}])");
  EXPECT_TRUE(read.Edges().empty());
  ASSERT_EQ(read.Quarantined().size(), 1u);
  EXPECT_NE(read.Quarantined()[0].reason.find("names node 5"), std::string::npos);
}

}  // namespace
}  // namespace crowdlens
