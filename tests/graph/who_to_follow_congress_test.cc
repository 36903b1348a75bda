// Who to follow on the real US Congress network (SNAP, Fink et al. 2023; 475
// members, 13,289 directed interaction edges, party of each member in the
// data file): for every member, the share of its top ten suggestions from its
// own party, by the WTF pipeline (circle of 100) and by plain friends-of-friends counts. The
// floors and the measured figures are in docs/suggest.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "graph/edge_list_file.h"
#include "graph/who_to_follow.h"
#include "test_data.h"

namespace crowdlens::graph {
namespace {

constexpr size_t kSuggestions = 10;
// A circle of 500 (WTF's size for a graph of hundreds of millions) is the
// whole of this 475-node network, and suggestions drift to whom everyone
// follows; a fifth of it keeps the circle a neighbourhood (docs/suggest.md).
constexpr size_t kCircle = 100;

// The "partyList" array of congress_network_data.json, one letter per member id.
std::vector<std::string> ReadParties(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  const std::string json = text.str();
  std::vector<std::string> parties;
  size_t at = json.find("\"partyList\"");
  if (at == std::string::npos) return parties;
  at = json.find('[', at);
  const size_t end = json.find(']', at);
  while (true) {
    size_t open = json.find('"', at);
    if (open == std::string::npos || open > end) break;
    size_t close = json.find('"', open + 1);
    parties.push_back(json.substr(open + 1, close - open - 1));
    at = close + 1;
  }
  return parties;
}

// Friends of friends: whom my follows follow, by how many of them do, ties by
// node id; me and whom I follow left out.
std::vector<NodeId> FriendsOfFriends(const RandomWalkIndex& index, NodeId seed, size_t count) {
  const Adjacency& out = index.out();
  std::map<NodeId, int> votes;
  std::vector<NodeId> follows(out.neighbors.begin() + static_cast<int64_t>(out.offsets[seed]),
                              out.neighbors.begin() + static_cast<int64_t>(out.offsets[seed + 1]));
  for (NodeId follow : follows) {
    for (EdgeIndex edge : out.edges(follow)) {
      NodeId candidate = out.neighbors[edge];
      if (candidate == seed || std::binary_search(follows.begin(), follows.end(), candidate)) continue;
      ++votes[candidate];
    }
  }
  std::vector<std::pair<NodeId, int>> ranked(votes.begin(), votes.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& first, const auto& second) {
    return first.second > second.second;
  });
  std::vector<NodeId> top;
  for (size_t position = 0; position < std::min(count, ranked.size()); ++position) top.push_back(ranked[position].first);
  return top;
}

struct PartyShare {
  int same = 0;
  int all = 0;
  double share() const { return all == 0 ? 0 : static_cast<double>(same) / all; }
};

TEST(WhoToFollowCongress, SuggestionsStayWithinTheParty) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  const std::vector<std::string> parties =
      ReadParties(testing::SharedPath("snap-congress-twitter/congress_network_data.json"));
  ASSERT_EQ(parties.size(), 475u);
  Result<EdgeListLoad> load =
      LoadEdgeList(testing::SharedPath("snap-congress-twitter/congress.edgelist"), {.use_weights = false});
  ASSERT_TRUE(load.ok()) << load.status().message();
  const Graph& graph = load->graph;
  ASSERT_EQ(graph.edge_count(), 13289u);
  RandomWalkIndex index(graph, false);
  auto party_of = [&](NodeId node) { return parties.at(graph.labels()[node]); };

  std::map<std::string, PartyShare> wtf_share;
  std::map<std::string, PartyShare> baseline_share;
  for (NodeId member = 0; member < graph.node_count(); ++member) {
    if (index.out().degree(member) == 0) continue;
    const std::string party = party_of(member);
    WhoToFollowOptions options;
    options.circle.top = kCircle;
    Result<WhoToFollowResult> wtf = WhoToFollow(graph, index, member, options);
    ASSERT_TRUE(wtf.ok()) << wtf.status().message();
    for (size_t position = 0; position < std::min(kSuggestions, wtf->interested_in.size()); ++position) {
      wtf_share[party].same += party_of(wtf->interested_in[position].node) == party;
      ++wtf_share[party].all;
    }
    for (NodeId candidate : FriendsOfFriends(index, member, kSuggestions)) {
      baseline_share[party].same += party_of(candidate) == party;
      ++baseline_share[party].all;
    }
  }
  for (const std::string party : {"D", "R"}) {
    std::printf("congress %s: WTF same-party share %.4f (%d of %d), friends of friends %.4f (%d of %d)\n",
                party.c_str(), wtf_share[party].share(), wtf_share[party].same, wtf_share[party].all,
                baseline_share[party].share(), baseline_share[party].same, baseline_share[party].all);
    // Floors from the measured figures (docs/suggest.md), a few points below them.
    EXPECT_GT(wtf_share[party].share(), 0.85) << party;
    EXPECT_GT(baseline_share[party].all, 0) << party;
  }
}

}  // namespace
}  // namespace crowdlens::graph
