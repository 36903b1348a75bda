// crowdlens-mpi against the serial kernels: the real mpirun on 1 and on 4
// ranks (a 2x2 CombBLAS grid, oversubscribed on a small machine) over real
// graphs of ../shared/data, every node's score compared with graph::PageRank
// and graph::Salsa computed in this process, to 1e-9.
//
// Graphs: the SNAP congress network (475 nodes, 13,289 weighted edges), the
// KONECT ego-twitter network (23,370 nodes, 33,101 unweighted edges, read as
// an edge list and as a .clg converted here) and the SNAP Higgs mention
// network (116,408 nodes, 150,818 weighted edges) and SNAP's Slashdot network
// (82,168 nodes, 948,464 edges).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unistd.h>

#include "graph/edge_list_file.h"
#include "graph/graph_file.h"
#include "graph/pagerank.h"
#include "graph/salsa.h"
#include "mpi/run_mpi.h"

namespace crowdlens::testing {
namespace {

using graph::Graph;
using graph::NodeId;

constexpr double kAgreement = 1e-9;
const std::string kSharedData = CROWDLENS_SHARED_DATA;
const std::string kCongress = kSharedData + "/snap-congress-twitter/congress.edgelist";
const std::string kEgoTwitter = kSharedData + "/konect-ego-twitter/out.ego-twitter";
const std::string kHiggsMentions = kSharedData + "/snap-higgs/higgs-mention_network.edgelist";
const std::string kSlashdot = kSharedData + "/snap-slashdot/soc-Slashdot0902.txt.gz";

#define SKIP_WITHOUT_MPI_OR(path)                                                            \
  do {                                                                                       \
    if (std::string reason = MpiUnavailableReason(); !reason.empty()) GTEST_SKIP() << reason; \
    if (!std::filesystem::exists(path)) GTEST_SKIP() << (path) << " is missing (../shared/data)"; \
  } while (false)

Graph Load(const std::string& path) {
  Result<graph::EdgeListLoad> load = graph::LoadEdgeList(path, {});
  EXPECT_TRUE(load.ok()) << load.status().message();
  return std::move(load->graph);
}

std::vector<double> Indicator(const Graph& graph, const std::vector<NodeId>& nodes) {
  std::vector<double> weights(graph.node_count(), 0.0);
  for (NodeId node : nodes) weights[node] = 1.0;
  return weights;
}

// The dense ids and the --seed text of some labels present in the graph.
struct Seeds {
  std::vector<NodeId> nodes;
  std::string argument;
};
Seeds PickSeeds(const Graph& graph, const std::vector<uint64_t>& labels) {
  Seeds seeds;
  for (uint64_t label : labels) {
    auto found = std::find(graph.labels().begin(), graph.labels().end(), label);
    EXPECT_NE(found, graph.labels().end()) << "no node " << label;
    seeds.nodes.push_back(static_cast<NodeId>(found - graph.labels().begin()));
    seeds.argument += (seeds.argument.empty() ? "" : ",") + std::to_string(label);
  }
  return seeds;
}

// Runs crowdlens-mpi on 1 and on 4 ranks and checks every node's columns against `expected`
// (one vector per column, indexed by dense node id).
void ExpectAgreement(const Graph& graph, const std::vector<std::string>& arguments,
                     const std::vector<std::string>& columns, const std::vector<std::vector<double>>& expected) {
  for (int ranks : {1, 4}) {
    std::vector<std::string> full = arguments;
    full.insert(full.end(), {"-o", "json", "--top", "0"});
    MpiRun run = RunCrowdlensMpi(ranks, full);
    ASSERT_EQ(run.exit_code, 0) << ranks << " rank(s): " << run.err;
    std::map<uint64_t, std::vector<double>> rows = RowsByNode(run.out, columns);
    ASSERT_EQ(rows.size(), graph.node_count()) << ranks << " rank(s)";
    double largest_difference = 0;
    for (NodeId node = 0; node < graph.node_count(); ++node) {
      auto row = rows.find(graph.labels()[node]);
      ASSERT_NE(row, rows.end()) << "node " << graph.labels()[node] << " missing on " << ranks << " rank(s)";
      for (size_t column = 0; column < columns.size(); ++column) {
        largest_difference = std::max(largest_difference, std::abs(row->second[column] - expected[column][node]));
      }
    }
    EXPECT_LE(largest_difference, kAgreement) << ranks << " rank(s): " << arguments[0] << " " << arguments[1];
  }
}

TEST(MpiPageRank, WeightedCongressMatchesSerial) {
  SKIP_WITHOUT_MPI_OR(kCongress);
  Graph graph = Load(kCongress);
  ASSERT_TRUE(graph.weighted());
  graph::PageRankResult serial = graph::PageRank(graph, {});
  ASSERT_TRUE(serial.converged);
  ExpectAgreement(graph, {"pagerank", kCongress}, {"score"}, {serial.scores});
}

TEST(MpiPageRank, SlashdotMatchesSerial) {
  SKIP_WITHOUT_MPI_OR(kSlashdot);
  Graph graph = Load(kSlashdot);
  graph::PageRankResult serial = graph::PageRank(graph, {});
  ASSERT_TRUE(serial.converged);
  ExpectAgreement(graph, {"pagerank", kSlashdot}, {"score"}, {serial.scores});
}

TEST(MpiPageRank, UnweightedRunAndOtherDampingMatchSerial) {
  SKIP_WITHOUT_MPI_OR(kCongress);
  Graph graph = Load(kCongress);
  graph::PageRankResult serial = graph::PageRank(graph, {.damping = 0.7, .use_weights = false});
  ExpectAgreement(graph, {"pagerank", kCongress, "--unweighted", "--damping", "0.7"}, {"score"}, {serial.scores});
}

TEST(MpiPageRank, GraphFileMatchesSerial) {
  SKIP_WITHOUT_MPI_OR(kEgoTwitter);
  Graph graph = Load(kEgoTwitter);
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("crowdlens-mpi-ego-" + std::to_string(getpid()) + ".clg");
  ASSERT_TRUE(graph::WriteGraphFile(graph, file.string()).ok());
  graph::PageRankResult serial = graph::PageRank(graph, {});
  ExpectAgreement(graph, {"pagerank", file.string()}, {"score"}, {serial.scores});
  std::filesystem::remove(file);
}

TEST(MpiPageRank, PersonalisedMatchesSerial) {
  SKIP_WITHOUT_MPI_OR(kHiggsMentions);
  Graph graph = Load(kHiggsMentions);
  Seeds seeds = PickSeeds(graph, {8614, 11792, 88, 14454, 677});
  std::vector<double> personalization = Indicator(graph, seeds.nodes);
  graph::PageRankResult serial = graph::PageRank(graph, {.personalization = personalization});
  ExpectAgreement(graph, {"pagerank", kHiggsMentions, "--seed", seeds.argument}, {"score"}, {serial.scores});
}

TEST(MpiSalsa, PlainMatchesSerialClosedForm) {
  for (const std::string& path : {kCongress, kEgoTwitter}) {
    SKIP_WITHOUT_MPI_OR(path);
    Graph graph = Load(path);
    graph::SalsaResult serial = graph::Salsa(graph, {});
    ExpectAgreement(graph, {"salsa", path}, {"authority", "hub"}, {serial.authority_scores, serial.hub_scores});
  }
}

TEST(MpiSalsa, PlainOnManyComponentsMatchesSerial) {
  // The mention network falls into thousands of components: the closed form's per-component sums.
  SKIP_WITHOUT_MPI_OR(kHiggsMentions);
  Graph graph = Load(kHiggsMentions);
  graph::SalsaResult serial = graph::Salsa(graph, {});
  ExpectAgreement(graph, {"salsa", kHiggsMentions}, {"authority", "hub"},
                  {serial.authority_scores, serial.hub_scores});
}

TEST(MpiSalsa, PersonalisedMatchesSerial) {
  SKIP_WITHOUT_MPI_OR(kCongress);
  Graph graph = Load(kCongress);
  Seeds seeds = PickSeeds(graph, {0, 4, 12, 18, 147, 215, 322, 389});
  std::vector<double> restart = Indicator(graph, seeds.nodes);
  graph::SalsaResult serial = graph::Salsa(graph, {.hubs = seeds.nodes, .restart = restart});
  ASSERT_TRUE(serial.converged);
  ExpectAgreement(graph, {"salsa", kCongress, "--seed", seeds.argument}, {"authority", "hub"},
                  {serial.authority_scores, serial.hub_scores});
}

TEST(MpiCommand, RejectsWhatItCannotRun) {
  SKIP_WITHOUT_MPI_OR(kCongress);
  MpiRun two_ranks = RunCrowdlensMpi(2, {"pagerank", kCongress});
  EXPECT_EQ(two_ranks.exit_code, 2);
  EXPECT_NE(two_ranks.err.find("square grid"), std::string::npos) << two_ranks.err;
  MpiRun unknown_seed = RunCrowdlensMpi(1, {"salsa", kCongress, "--seed", "123456789"});
  EXPECT_EQ(unknown_seed.exit_code, 2);
  EXPECT_NE(unknown_seed.err.find("no node 123456789"), std::string::npos) << unknown_seed.err;
  MpiRun missing = RunCrowdlensMpi(1, {"pagerank", kSharedData + "/no-such-graph.txt"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no-such-graph.txt"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace crowdlens::testing
