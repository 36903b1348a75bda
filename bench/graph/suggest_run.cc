// suggest_run: how long one account's who-to-follow suggestions take on a
// loaded graph (graph/who_to_follow.h: Monte-Carlo circle of trust, then
// personalised SALSA on the circle's bipartite graph). Loading the .clg and
// building the random-walk index are preparation, shared by every account,
// and reported apart; only the suggestion step per account is timed.
//
//   suggest_run build/bench-data/graph/rmat-50m.generated.clg --seeds 20 --threads 2
//
// Accounts: `--seeds` nodes drawn uniformly (seeded) among those that follow
// someone, plus the node that follows the most (the worst case: its circle's
// out-lists are the longest). Before anything is timed, the first account's
// SALSA step is checked edge by edge with VerifySalsa on its bipartite graph
// (L1 residual at most 1e-6, or 1000 times a looser --salsa-tolerance);
// --verify-walks also checks the circle against exact personalised PageRank
// (a full power iteration over the graph: slow on big graphs). Prints one
// JSON line.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>
#include <vector>

#include <fmt/format.h>

#include "graph/graph_file.h"
#include "graph/who_to_follow.h"

namespace crowdlens {
namespace {

using Clock = std::chrono::steady_clock;
double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

int Run(int argc, char** argv) {
  CLI::App app{"Times who-to-follow suggestions for single accounts on a .clg graph; prints a JSON line."};
  std::string path;
  int seed_count = 20;
  uint64_t random_seed = 7;
  bool verify_walks = false;
  graph::WhoToFollowOptions options;
  app.add_option("graph", path, ".clg graph file (edges follower -> followee)")->required()->check(CLI::ExistingFile);
  app.add_option("--seeds", seed_count, "accounts drawn at random (plus the one that follows the most)");
  app.add_option("--random-seed", random_seed, "seed of the draw of accounts");
  app.add_option("--threads", options.threads, "threads for the walks and SALSA (0: all)");
  app.add_option("--walks", options.circle.walks, "Monte-Carlo walks per account");
  app.add_option("--circle", options.circle.top, "members of the circle of trust");
  app.add_option("--salsa-tolerance", options.salsa_tolerance, "stop SALSA once the hub scores change less (L1)");
  app.add_flag("--verify-walks", verify_walks, "also check the first circle against exact personalised PageRank");
  CLI11_PARSE(app, argc, argv);

  Clock::time_point start = Clock::now();
  Result<graph::Graph> read = graph::ReadGraphFile(path);
  if (!read.ok()) {
    std::cerr << read.status().message() << "\n";
    return 1;
  }
  const graph::Graph& graph = *read;
  const double load_seconds = SecondsSince(start);
  start = Clock::now();
  graph::RandomWalkIndex index(graph, /*use_weights=*/false);
  const double index_seconds = SecondsSince(start);

  std::vector<graph::NodeId> accounts;
  graph::NodeId most_following = 0;
  for (graph::NodeId node = 0; node < graph.node_count(); ++node) {
    if (index.out().degree(node) > index.out().degree(most_following)) most_following = node;
  }
  std::mt19937_64 random(random_seed);
  std::uniform_int_distribution<graph::NodeId> pick(0, graph.node_count() - 1);
  while (static_cast<int>(accounts.size()) < seed_count) {
    graph::NodeId node = pick(random);
    if (index.out().degree(node) > 0) accounts.push_back(node);
  }
  accounts.push_back(most_following);

  // The check before the timing.
  Result<graph::WhoToFollowResult> first = graph::WhoToFollow(graph, index, accounts.front(), options);
  if (!first.ok()) {
    std::cerr << first.status().message() << "\n";
    return 1;
  }
  graph::CircleBipartite bipartite = graph::BuildCircleBipartite(index, first->circle.top);
  graph::SalsaOptions salsa_options = bipartite.salsa_options();
  salsa_options.max_iterations = options.salsa_max_iterations;
  salsa_options.tolerance = options.salsa_tolerance;
  graph::SalsaResult salsa = graph::Salsa(bipartite.graph, salsa_options);
  if (Status checked = graph::VerifySalsa(bipartite.graph, salsa_options, salsa, std::max(1e-6, 1e3 * options.salsa_tolerance)); !checked.ok()) {
    std::cerr << "SALSA check failed: " << checked.message() << "\n";
    return 1;
  }
  if (verify_walks) {
    graph::MonteCarloOptions circle = options.circle;
    if (Status checked = graph::VerifyMonteCarloPageRank(graph, accounts.front(), circle, first->circle, 0.01, false);
        !checked.ok()) {
      std::cerr << "circle check failed: " << checked.message() << "\n";
      return 1;
    }
  }

  std::vector<double> seconds;
  double worst_case_seconds = 0;
  uint64_t worst_case_bipartite_edges = 0;
  uint64_t bipartite_edges = 0;
  for (size_t position = 0; position < accounts.size(); ++position) {
    start = Clock::now();
    Result<graph::WhoToFollowResult> result = graph::WhoToFollow(graph, index, accounts[position], options);
    const double elapsed = SecondsSince(start);
    if (!result.ok() || result->interested_in.empty()) {
      std::cerr << "no suggestions for node " << accounts[position] << "\n";
      return 1;
    }
    if (position + 1 == accounts.size()) {
      worst_case_seconds = elapsed;
      worst_case_bipartite_edges = result->bipartite_edges;
    } else {
      seconds.push_back(elapsed);
      bipartite_edges += result->bipartite_edges;
    }
  }
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds.empty() ? 0 : seconds[seconds.size() / 2];
  const double slowest = seconds.empty() ? 0 : seconds.back();
  std::cout << fmt::format(
      "{{\"graph\": \"{}\", \"nodes\": {}, \"edges\": {}, \"load_seconds\": {:.3f}, \"index_seconds\": {:.3f}, "
      "\"accounts\": {}, \"walks\": {}, \"circle\": {}, \"median_seconds\": {:.4f}, \"max_seconds\": {:.4f}, "
      "\"mean_bipartite_edges\": {}, \"most_following_node_out_degree\": {}, \"most_following_seconds\": {:.4f}, "
      "\"most_following_bipartite_edges\": {}}}\n",
      path, graph.node_count(), graph.edge_count(), load_seconds, index_seconds, seconds.size(),
      options.circle.walks, options.circle.top, median, slowest,
      seconds.empty() ? 0 : bipartite_edges / seconds.size(), index.out().degree(most_following), worst_case_seconds,
      worst_case_bipartite_edges);
  return 0;
}

}  // namespace
}  // namespace crowdlens

int main(int argc, char** argv) { return crowdlens::Run(argc, argv); }
