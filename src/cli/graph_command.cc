// `crowdlens graph pagerank|salsa|components|kcore|reciprocity FILE` and
// `crowdlens graph convert FILE OUT.clg`: the graph kernels straight on an
// edge-list file (SNAP, KONECT, Network Repository, Matrix Market, CSV; plain,
// gzip, zstd or zip) or a binary .clg graph, without a workspace. Rows carry
// the file's own node ids as `node`. One line on stderr gives the graph's
// size and the load and kernel times, so csv on stdout stays clean.
#include <chrono>
#include <iostream>
#include <limits>
#include <numeric>

#include <fmt/format.h>

#include "cli/command.h"
#include "graph/components.h"
#include "graph/edge_list_file.h"
#include "graph/graph_file.h"
#include "graph/kcore.h"
#include "graph/pagerank.h"
#include "graph/reciprocity.h"
#include "graph/salsa.h"

namespace crowdlens::cli {
namespace {

using graph::Graph;
using graph::NodeId;
using Clock = std::chrono::steady_clock;

// What every graph subcommand reads: the file and how to load it.
struct GraphArguments {
  std::string file;
  bool undirected = false;
  bool unweighted = false;
  int threads = 0;
  size_t top = std::numeric_limits<size_t>::max();  // unset: all rows, or 20 for a table
};

struct LoadedGraph {
  Graph graph;
  double seconds = 0;
};

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

bool IsGraphFile(const std::string& path) { return path.size() > 4 && path.ends_with(".clg"); }

Result<LoadedGraph> LoadGraph(const GraphArguments& arguments) {
  Clock::time_point start = Clock::now();
  LoadedGraph loaded;
  if (IsGraphFile(arguments.file)) {
    if (arguments.undirected) {
      return InvalidArgument(arguments.file +
                             ": --undirected applies to edge lists; a .clg graph keeps the directions "
                             "it was converted with (crowdlens graph convert --undirected EDGES OUT.clg)");
    }
    Result<Graph> graph = graph::ReadGraphFile(arguments.file);
    if (!graph.ok()) return graph.status();
    loaded.graph = std::move(graph).value();
  } else {
    Result<graph::EdgeListLoad> load = graph::LoadEdgeList(
        arguments.file,
        {.use_weights = !arguments.unweighted, .undirected = arguments.undirected, .threads = arguments.threads});
    if (!load.ok()) return load.status();
    if (load->skipped_lines > 0) {
      std::cerr << "crowdlens: " << arguments.file << ": skipped " << load->skipped_lines
                << " line(s) that are not edges";
      if (!load->problems.empty()) {
        std::cerr << "; line " << load->problems[0].line << ": " << load->problems[0].message;
      }
      std::cerr << "\n";
    }
    loaded.graph = std::move(load->graph);
  }
  loaded.seconds = SecondsSince(start);
  return loaded;
}

// The number of rows to print: --top, else all for machine formats and 20 for the terminal.
size_t RowLimit(const GlobalOptions& globals, const GraphArguments& arguments, size_t available) {
  size_t limit = arguments.top;
  if (limit == std::numeric_limits<size_t>::max()) limit = globals.output == "table" ? 20 : available;
  if (limit == 0) limit = available;  // --top 0: every row
  return std::min(limit, available);
}

Cell NodeCell(const Graph& graph, NodeId node) {
  uint64_t label = graph.labels()[node];
  if (label > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::to_string(label);
  return static_cast<int64_t>(label);
}

// Node ids ordered by `score` descending, ties by node id (so by label).
std::vector<NodeId> RankedNodes(const std::vector<double>& score, size_t limit) {
  std::vector<NodeId> order(score.size());
  std::iota(order.begin(), order.end(), NodeId{0});
  auto higher = [&](NodeId first, NodeId second) {
    return score[first] != score[second] ? score[first] > score[second] : first < second;
  };
  std::partial_sort(order.begin(), order.begin() + static_cast<int64_t>(limit), order.end(), higher);
  order.resize(limit);
  return order;
}

void ReportTimes(const GraphArguments& arguments, const LoadedGraph& loaded, const std::string& kernel) {
  std::cerr << fmt::format("crowdlens: {}: {} nodes, {} edges{}; loaded in {:.3f} s; {}\n", arguments.file,
                           loaded.graph.node_count(), loaded.graph.edge_count(),
                           loaded.graph.weighted() ? " (weighted)" : "", loaded.seconds, kernel);
}

int RunPageRank(const GlobalOptions& globals, const GraphArguments& arguments, double damping, int iterations,
                double tolerance) {
  Result<LoadedGraph> loaded = LoadGraph(arguments);
  if (!loaded.ok()) return Fail(loaded.status());
  const Graph& graph = loaded->graph;
  graph::PageRankOptions options{.damping = damping,
                                 .max_iterations = iterations,
                                 .tolerance = tolerance,
                                 .use_weights = !arguments.unweighted,
                                 .threads = arguments.threads};
  if (Status valid = graph::ValidatePageRankOptions(graph, options); !valid.ok()) return Fail(valid);
  Clock::time_point start = Clock::now();
  graph::PageRankResult result = graph::PageRank(graph, options);
  double seconds = SecondsSince(start);
  ReportTimes(
      arguments, *loaded,
      fmt::format("pagerank: {} iteration(s) in {:.3f} s ({:.2f} ms per iteration){}", result.iterations, seconds,
                  1000 * seconds / std::max(1, result.iterations),
                  tolerance > 0 ? (result.converged ? ", converged" : ", NOT converged: raise --iterations") : ""));
  Table table{.name = "pagerank", .title = "PageRank", .columns = {"node", "score"}};
  for (NodeId node : RankedNodes(result.scores, RowLimit(globals, arguments, graph.node_count()))) {
    table.rows.push_back({NodeCell(graph, node), result.scores[node]});
  }
  return Print(globals, {table});
}

int RunSalsa(const GlobalOptions& globals, const GraphArguments& arguments) {
  Result<LoadedGraph> loaded = LoadGraph(arguments);
  if (!loaded.ok()) return Fail(loaded.status());
  const Graph& graph = loaded->graph;
  graph::SalsaOptions options{.use_weights = !arguments.unweighted, .threads = arguments.threads};
  Clock::time_point start = Clock::now();
  graph::SalsaResult result = graph::Salsa(graph, options);
  ReportTimes(arguments, *loaded, fmt::format("salsa (closed form) in {:.3f} s", SecondsSince(start)));
  Table table{.name = "salsa", .title = "SALSA authorities and hubs", .columns = {"node", "authority", "hub"}};
  for (NodeId node : RankedNodes(result.authority_scores, RowLimit(globals, arguments, graph.node_count()))) {
    table.rows.push_back({NodeCell(graph, node), result.authority_scores[node], result.hub_scores[node]});
  }
  return Print(globals, {table});
}

int RunComponents(const GlobalOptions& globals, const GraphArguments& arguments) {
  Result<LoadedGraph> loaded = LoadGraph(arguments);
  if (!loaded.ok()) return Fail(loaded.status());
  const Graph& graph = loaded->graph;
  Clock::time_point start = Clock::now();
  graph::ComponentsResult result = graph::WeaklyConnectedComponents(graph, {.threads = arguments.threads});
  double seconds = SecondsSince(start);
  NodeId largest = result.sizes.empty() ? 0 : *std::max_element(result.sizes.begin(), result.sizes.end());
  ReportTimes(arguments, *loaded,
              fmt::format("{} weakly connected component(s), the largest with {} nodes, in {:.3f} s",
                          result.component_count(), largest, seconds));
  // Nodes of the largest components first; a component's rows together, by node id.
  std::vector<NodeId> order(graph.node_count());
  std::iota(order.begin(), order.end(), NodeId{0});
  std::stable_sort(order.begin(), order.end(), [&](NodeId first, NodeId second) {
    NodeId first_component = result.component[first];
    NodeId second_component = result.component[second];
    if (result.sizes[first_component] != result.sizes[second_component]) {
      return result.sizes[first_component] > result.sizes[second_component];
    }
    return first_component < second_component;
  });
  order.resize(RowLimit(globals, arguments, order.size()));
  Table table{
      .name = "components", .title = "Weakly connected components", .columns = {"node", "component", "component_size"}};
  for (NodeId node : order) {
    table.rows.push_back(
        {NodeCell(graph, node), int64_t{result.component[node]}, int64_t{result.sizes[result.component[node]]}});
  }
  return Print(globals, {table});
}

int RunKCore(const GlobalOptions& globals, const GraphArguments& arguments, const std::string& mode_name) {
  Result<LoadedGraph> loaded = LoadGraph(arguments);
  if (!loaded.ok()) return Fail(loaded.status());
  const Graph& graph = loaded->graph;
  graph::KCoreOptions options{.mode = mode_name == "in"    ? graph::KCoreMode::kIn
                                      : mode_name == "out" ? graph::KCoreMode::kOut
                                                           : graph::KCoreMode::kAll};
  std::string mode_note;
  if (options.mode == graph::KCoreMode::kAll && graph.edge_count() > 0 &&
      graph::Reciprocity(graph, {.ignore_self_loops = false, .threads = arguments.threads}).reciprocity == 1) {
    // Both directions of every edge are stored (--undirected, a symmetric Matrix Market
    // file): in + out would count each undirected edge twice, the in-degree counts it once.
    options.mode = graph::KCoreMode::kIn;
    mode_note = " (every edge has its reverse: undirected degrees)";
  }
  Clock::time_point start = Clock::now();
  graph::KCoreResult result = graph::KCoreDecomposition(graph, options);
  ReportTimes(arguments, *loaded,
              fmt::format("k-core{}: degeneracy {} in {:.3f} s", mode_note, result.max_core, SecondsSince(start)));
  std::vector<double> core(result.core.begin(), result.core.end());
  Table table{.name = "kcore", .title = "Core numbers", .columns = {"node", "core"}};
  for (NodeId node : RankedNodes(core, RowLimit(globals, arguments, graph.node_count()))) {
    table.rows.push_back({NodeCell(graph, node), int64_t{result.core[node]}});
  }
  return Print(globals, {table});
}

int RunReciprocity(const GlobalOptions& globals, const GraphArguments& arguments) {
  Result<LoadedGraph> loaded = LoadGraph(arguments);
  if (!loaded.ok()) return Fail(loaded.status());
  Clock::time_point start = Clock::now();
  graph::ReciprocityResult result = graph::Reciprocity(loaded->graph, {.threads = arguments.threads});
  ReportTimes(arguments, *loaded, fmt::format("reciprocity in {:.3f} s", SecondsSince(start)));
  Table table{.name = "reciprocity",
              .title = "Reciprocity (self-loops left out)",
              .columns = {"edges", "reciprocated_edges", "self_loops", "reciprocity"},
              .single_record = true};
  table.rows.push_back({static_cast<int64_t>(result.edges), static_cast<int64_t>(result.reciprocated_edges),
                        static_cast<int64_t>(result.self_loops), result.reciprocity});
  return Print(globals, {table});
}

int RunConvert(const GlobalOptions& globals, const GraphArguments& arguments, const std::string& output_path) {
  if (IsGraphFile(arguments.file)) {
    return Fail(InvalidArgument(arguments.file + " is already a .clg graph; convert reads an edge list"));
  }
  if (!IsGraphFile(output_path)) return Fail(InvalidArgument("the output file must end in .clg, not " + output_path));
  Result<LoadedGraph> loaded = LoadGraph(arguments);
  if (!loaded.ok()) return Fail(loaded.status());
  Clock::time_point start = Clock::now();
  if (Status written = graph::WriteGraphFile(loaded->graph, output_path); !written.ok()) return Fail(written);
  ReportTimes(arguments, *loaded, fmt::format("wrote {} in {:.3f} s", output_path, SecondsSince(start)));
  const Graph& graph = loaded->graph;
  Table table{.name = "graph",
              .title = "Graph file",
              .columns = {"file", "nodes", "edges", "weighted", "memory_bytes"},
              .single_record = true};
  table.rows.push_back({output_path, int64_t{graph.node_count()}, static_cast<int64_t>(graph.edge_count()),
                        graph.weighted(), static_cast<int64_t>(graph.memory_bytes())});
  return Print(globals, {table});
}

// The options every kernel subcommand shares.
void AddGraphInput(CLI::App& command, GraphArguments& arguments, GlobalOptions& globals, bool rows) {
  command.add_option("FILE", arguments.file, "Edge list (source target [weight]; .gz, .zst, .zip) or a .clg graph")
      ->required();
  command.add_flag("--undirected", arguments.undirected, "Read every edge in both directions");
  command.add_flag("--unweighted", arguments.unweighted, "Ignore a third (weight) column");
  command.add_option("--threads", arguments.threads, "Threads to use (default: all)")->check(CLI::NonNegativeNumber);
  if (rows) {
    command.add_option("--top", arguments.top,
                       "Rows to print, highest first (default: 20 for a table, else all; 0: all)");
  }
  AddOutputOption(command, globals);
}

}  // namespace

void AddGraphCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* graph = nullptr;
  try {
    graph = app.get_subcommand("graph");
  } catch (const CLI::OptionNotFound&) {
    graph = app.add_subcommand("graph", "Graph kernels on edge-list files, and the crowd's graph for other tools");
    graph->require_subcommand(1);
  }

  auto pagerank_arguments = std::make_shared<GraphArguments>();
  auto damping = std::make_shared<double>(0.85);
  auto iterations = std::make_shared<int>(1000);
  auto tolerance = std::make_shared<double>(1e-10);
  CLI::App* pagerank = graph->add_subcommand("pagerank", "PageRank of every node of an edge-list file");
  AddGraphInput(*pagerank, *pagerank_arguments, globals, true);
  pagerank->add_option("--damping", *damping, "Probability of following an edge rather than teleporting")
      ->capture_default_str();
  pagerank->add_option("--iterations", *iterations, "At most this many iterations")->capture_default_str();
  pagerank->add_option("--tolerance", *tolerance, "Stop when an iteration changes the scores less (L1); 0: run all")
      ->capture_default_str();
  pagerank->callback([&globals, pagerank_arguments, damping, iterations, tolerance] {
    globals.exit_code = RunPageRank(globals, *pagerank_arguments, *damping, *iterations, *tolerance);
  });

  auto salsa_arguments = std::make_shared<GraphArguments>();
  CLI::App* salsa = graph->add_subcommand("salsa", "SALSA authority and hub scores (Lempel and Moran)");
  AddGraphInput(*salsa, *salsa_arguments, globals, true);
  salsa->callback([&globals, salsa_arguments] { globals.exit_code = RunSalsa(globals, *salsa_arguments); });

  auto components_arguments = std::make_shared<GraphArguments>();
  CLI::App* components = graph->add_subcommand("components", "Weakly connected component of every node");
  AddGraphInput(*components, *components_arguments, globals, true);
  components->callback(
      [&globals, components_arguments] { globals.exit_code = RunComponents(globals, *components_arguments); });

  auto kcore_arguments = std::make_shared<GraphArguments>();
  auto kcore_mode = std::make_shared<std::string>("all");
  CLI::App* kcore = graph->add_subcommand("kcore", "Core number of every node (k-core decomposition)");
  AddGraphInput(*kcore, *kcore_arguments, globals, true);
  kcore->add_option("--mode", *kcore_mode, "Degree counted: all (in + out), in or out")
      ->check(CLI::IsMember({"all", "in", "out"}))
      ->capture_default_str();
  kcore->callback([&globals, kcore_arguments, kcore_mode] {
    globals.exit_code = RunKCore(globals, *kcore_arguments, *kcore_mode);
  });

  auto reciprocity_arguments = std::make_shared<GraphArguments>();
  CLI::App* reciprocity = graph->add_subcommand("reciprocity", "Share of edges whose reverse edge exists");
  AddGraphInput(*reciprocity, *reciprocity_arguments, globals, false);
  reciprocity->callback(
      [&globals, reciprocity_arguments] { globals.exit_code = RunReciprocity(globals, *reciprocity_arguments); });

  auto convert_arguments = std::make_shared<GraphArguments>();
  auto output_path = std::make_shared<std::string>();
  CLI::App* convert = graph->add_subcommand("convert", "Convert an edge list to a binary .clg graph (memory-mapped)");
  AddGraphInput(*convert, *convert_arguments, globals, false);
  convert->add_option("OUT", *output_path, "The .clg file to write")->required();
  convert->callback([&globals, convert_arguments, output_path] {
    globals.exit_code = RunConvert(globals, *convert_arguments, *output_path);
  });
}

}  // namespace crowdlens::cli
