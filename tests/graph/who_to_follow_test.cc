// Who to follow: the personalised SALSA step solved by hand on a two-hub
// circle, the whole pipeline's robust order on a six-node graph, and the
// key-account weights added up by hand.
#include "graph/who_to_follow.h"

#include <gtest/gtest.h>

#include <vector>

#include "graph/graph_builder.h"

namespace crowdlens::graph {
namespace {

// Labels are dense ids (0..5 all have edges or are added).
enum : uint64_t { kSeed = 0, kA = 1, kB = 2, kC = 3, kD = 4, kE = 5 };

// S -> A, S -> B, B -> A, A -> C, A -> D, B -> C, B -> E, C -> A.
Graph SixNodes() {
  GraphBuilder builder;
  builder.AddEdge(kSeed, kA);
  builder.AddEdge(kSeed, kB);
  builder.AddEdge(kB, kA);
  builder.AddEdge(kA, kC);
  builder.AddEdge(kA, kD);
  builder.AddEdge(kB, kC);
  builder.AddEdge(kB, kE);
  builder.AddEdge(kC, kA);
  return std::move(builder).Build();
}

TEST(WhoToFollow, PersonalisedSalsaOnTheCircleByHand) {
  // Circle {A: 3/4, B: 1/4}; A follows C, D; B follows C, E (the graph's A -> B
  // edge is dropped here: a separate graph). With h_A + h_B = 1 the hub walk
  // sends A's mass half to C, half to D, and back: C splits between A and B,
  // D returns to A. So B F h gives A: (h_A + h_B)/4 + h_A/2 = 1/4 + h_A/2, and
  //   h_A = 0.15 * 3/4 + 0.85 * (1/4 + h_A/2)  =>  h_A = 0.325 / 0.575 = 13/23,
  //   h_B = 10/23; authorities F h: C = 1/2, D = h_A/2 = 13/46, E = h_B/2 = 10/46.
  GraphBuilder builder;
  builder.AddEdge(kA, kC);
  builder.AddEdge(kA, kD);
  builder.AddEdge(kB, kC);
  builder.AddEdge(kB, kE);
  Graph graph = std::move(builder).Build();  // dense ids: A 0, B 1, C 2, D 3, E 4
  RandomWalkIndex index(graph, false);
  std::vector<VisitShare> circle = {{.node = 0, .visits = 3, .share = 0.75}, {.node = 1, .visits = 1, .share = 0.25}};
  CircleBipartite bipartite = BuildCircleBipartite(index, circle);
  ASSERT_EQ(bipartite.graph.node_count(), 5u);
  SalsaOptions options = bipartite.salsa_options();
  SalsaResult result = Salsa(bipartite.graph, options);
  ASSERT_TRUE(result.converged);
  EXPECT_NEAR(result.hub_scores[bipartite.hubs[0]], 13.0 / 23, 1e-9);
  EXPECT_NEAR(result.hub_scores[bipartite.hubs[1]], 10.0 / 23, 1e-9);
  EXPECT_NEAR(result.authority_scores[2], 0.5, 1e-9);
  EXPECT_NEAR(result.authority_scores[3], 13.0 / 46, 1e-9);
  EXPECT_NEAR(result.authority_scores[4], 10.0 / 46, 1e-9);
  EXPECT_TRUE(VerifySalsa(bipartite.graph, options, result, 1e-8).ok());
}

TEST(WhoToFollow, PipelineRanksWhomTheCircleFollows) {
  // Expected visits per walk from S (d = 0.85): B = 0.425, E = 0.425 * 0.85 / 3 = 0.1204,
  // C = 0.85 A / 2 + 0.1204 and A = 0.425 + 0.1204 + 0.85 C, so A = 0.64774 / 0.63875
  // = 1.0141, C = 0.5514, D = 0.85 A / 2 = 0.4310: the circle is {A, B, C, D, E},
  // A first and C second by far more than 20,000 walks' noise.
  // Whom the circle follows, S's follows A and B left out:
  //   C: followed by A and B (2 of the circle, 2 of S's follows),
  //   D: by A only, E: by B only (1 and 1).
  // Personalised SALSA with those restart weights (solved to convergence
  // separately): authorities C 0.3369, D 0.1910, E 0.1460 (A 0.3261, followed), F h normalised.
  // D outranks E because A, which follows D, carries more walk mass than B.
  Graph graph = SixNodes();
  RandomWalkIndex index(graph, false);
  WhoToFollowOptions options;
  Result<WhoToFollowResult> wtf = WhoToFollow(graph, index, kSeed, options);
  ASSERT_TRUE(wtf.ok()) << wtf.status().message();
  ASSERT_EQ(wtf->circle.top.size(), 5u);
  EXPECT_EQ(wtf->circle.top[0].node, kA);
  EXPECT_EQ(wtf->circle.top[1].node, kC);
  EXPECT_NEAR(static_cast<double>(wtf->circle.top[0].visits) / wtf->circle.walks, 1.0141, 0.03);
  EXPECT_EQ(wtf->seed_follows, 2u);
  ASSERT_EQ(wtf->interested_in.size(), 3u);
  EXPECT_EQ(wtf->interested_in[0].node, kC);
  EXPECT_EQ(wtf->interested_in[1].node, kD);
  EXPECT_EQ(wtf->interested_in[2].node, kE);
  EXPECT_EQ(wtf->interested_in[0].circle_followers, 2u);
  EXPECT_EQ(wtf->interested_in[0].mutual_follows, 2u);
  EXPECT_NEAR(wtf->interested_in[0].score, 0.3369, 0.01);
  EXPECT_NEAR(wtf->interested_in[1].score, 0.1910, 0.01);
  EXPECT_NEAR(wtf->interested_in[2].score, 0.1460, 0.01);
  EXPECT_EQ(wtf->interested_in[1].circle_followers, 1u);
  EXPECT_EQ(wtf->interested_in[1].mutual_follows, 1u);
  EXPECT_EQ(wtf->interested_in[2].circle_followers, 1u);
  EXPECT_EQ(wtf->interested_in[2].mutual_follows, 1u);
  // Similar: the circle's members that follow someone and that S does not follow: C alone
  // (D and E follow no one); C follows A as S does and is followed by A and B.
  ASSERT_EQ(wtf->similar_to.size(), 1u);
  EXPECT_EQ(wtf->similar_to[0].node, kC);
  EXPECT_EQ(wtf->similar_to[0].circle_rank, 2u);
  EXPECT_EQ(wtf->similar_to[0].shared_follows, 1u);
  EXPECT_EQ(wtf->similar_to[0].mutual_follows, 2u);

  // The run's SALSA step checked on its own bipartite graph, edge by edge.
  CircleBipartite bipartite = BuildCircleBipartite(index, wtf->circle.top);
  SalsaResult salsa = Salsa(bipartite.graph, bipartite.salsa_options());
  EXPECT_TRUE(VerifySalsa(bipartite.graph, bipartite.salsa_options(), salsa, 1e-8).ok());
  EXPECT_EQ(wtf->bipartite_edges, bipartite.graph.edge_count());
  // The walks are seeded: the same options give the same lists.
  Result<WhoToFollowResult> again = WhoToFollow(graph, index, kSeed, options);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->interested_in[1].score, wtf->interested_in[1].score);
}

TEST(WhoToFollow, SeedWithoutFollowsGetsNothing) {
  Graph graph = SixNodes();
  RandomWalkIndex index(graph, false);
  Result<WhoToFollowResult> wtf = WhoToFollow(graph, index, kE, {});
  ASSERT_TRUE(wtf.ok());
  EXPECT_TRUE(wtf->interested_in.empty());
  EXPECT_TRUE(wtf->similar_to.empty());
  EXPECT_FALSE(WhoToFollow(graph, index, 99, {}).ok());
}

TEST(WhoToFollow, KeyAccountsWeighedBySelectivity) {
  // K1 (id 0) follows X, Y; K2 (1) follows X, Z; K3 (2) follows Z, W; S (3) follows W.
  // Weights log2(2 + followers) / log2(2 + following), with the counts given:
  //   K1: 1,022 followers, 2 following  -> log2(1024) / log2(4)  = 10 / 2 = 5
  //   K2: 6 followers, 14 following     -> log2(8) / log2(16)    = 3 / 4  = 0.75
  //   K3: 0 followers, 2 following      -> log2(2) / log2(4)     = 1 / 2  = 0.5
  // X = 5 + 0.75 = 5.75 (two key accounts), Y = 5, Z = 0.75 + 0.5 = 1.25; W is followed by S: out.
  enum : uint64_t { kK1, kK2, kK3, kS, kX, kY, kZ, kW };
  GraphBuilder builder;
  for (auto [source, target] : std::vector<std::pair<uint64_t, uint64_t>>{
           {kK1, kX}, {kK1, kY}, {kK2, kX}, {kK2, kZ}, {kK3, kZ}, {kK3, kW}, {kS, kW}, {kZ, kS}}) {
    builder.AddEdge(source, target);
  }
  Graph graph = std::move(builder).Build();
  RandomWalkIndex index(graph, false);
  std::vector<KeyAccount> keys = {{.node = kK1, .followers = 1022, .following = 2},
                                  {.node = kK2, .followers = 6, .following = 14},
                                  {.node = kK3, .followers = 0, .following = 2}};
  EXPECT_DOUBLE_EQ(KeyAccountWeight(keys[0]), 5.0);
  Result<std::vector<KeyAccountCandidate>> mined = MineKeyAccountFollows(index, keys, {.seed = kS});
  ASSERT_TRUE(mined.ok());
  ASSERT_EQ(mined->size(), 3u);
  EXPECT_EQ((*mined)[0].node, kX);
  EXPECT_DOUBLE_EQ((*mined)[0].score, 5.75);
  EXPECT_EQ((*mined)[0].followed_by, (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ((*mined)[1].node, kY);
  EXPECT_DOUBLE_EQ((*mined)[1].score, 5.0);
  EXPECT_EQ((*mined)[2].node, kZ);
  EXPECT_DOUBLE_EQ((*mined)[2].score, 1.25);
  EXPECT_EQ((*mined)[2].followed_by, (std::vector<uint32_t>{1, 2}));
  // Without a seed, W (followed by K3 only) comes back, last.
  Result<std::vector<KeyAccountCandidate>> all = MineKeyAccountFollows(index, keys, {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ(all->back().node, kW);
  EXPECT_DOUBLE_EQ(all->back().score, 0.5);
}

}  // namespace
}  // namespace crowdlens::graph
