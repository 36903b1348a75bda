// crowdlens-mpi: PageRank, personalised PageRank and SALSA over a graph
// partitioned across MPI ranks with CombBLAS (docs/scale.md). It reads what
// `crowdlens graph pagerank|salsa FILE` reads (an edge list or a .clg graph),
// takes the same options and prints the same rows, so the two outputs can be
// diffed; --seed adds the personalised variants.
//
//   mpirun -np 4 crowdlens-mpi pagerank graph.clg -o csv --top 0
//   mpirun -np 4 crowdlens-mpi salsa graph.clg --seed 12,40,77 -o json
//
// Only rank 0 writes to stdout and stderr. Exit codes as crowdlens: 0 ok,
// 1 data or runtime error, 2 usage error.
#include <CLI/CLI.hpp>
#include <mpi.h>

#include <algorithm>
#include <iostream>
#include <limits>
#include <numeric>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "graph/edge_list_file.h"
#include "graph/graph_file.h"
#include "mpi/distributed_pagerank.h"
#include "mpi/distributed_salsa.h"
#include "report/table.h"

namespace crowdlens::mpi {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

struct Arguments {
  std::string file;
  bool undirected = false;
  bool unweighted = false;
  int threads = 0;
  size_t top = std::numeric_limits<size_t>::max();
  std::string output = "table";
  std::vector<uint64_t> seeds;  // node labels; personalises the kernel
  // PageRank
  double damping = 0.85;
  int iterations = 1000;
  double tolerance = 1e-10;
  // Personalised SALSA
  double restart_probability = 0.15;
};

bool IsRoot() {
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  return rank == 0;
}

int Fail(const Status& status) {
  if (IsRoot()) std::cerr << "crowdlens-mpi: " << status.message() << "\n";
  return status.code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitError;
}

// Every rank reads the file: a .clg is memory-mapped (each rank touches only its
// slice of the edges), an edge list is parsed whole by each rank.
Result<graph::Graph> LoadGraph(const Arguments& arguments) {
  Result<graph::Graph> loaded = graph::Graph();
  if (arguments.file.size() > 4 && arguments.file.ends_with(".clg")) {
    if (arguments.undirected) {
      return InvalidArgument(arguments.file +
                             ": --undirected applies to edge lists; a .clg graph keeps the directions "
                             "it was converted with (crowdlens graph convert --undirected EDGES OUT.clg)");
    }
    loaded = graph::ReadGraphFile(arguments.file);
  } else {
    Result<graph::EdgeListLoad> load = graph::LoadEdgeList(
        arguments.file,
        {.use_weights = !arguments.unweighted, .undirected = arguments.undirected, .threads = arguments.threads});
    if (!load.ok()) return load.status();
    if (load->skipped_lines > 0 && IsRoot()) {
      std::cerr << "crowdlens-mpi: " << arguments.file << ": skipped " << load->skipped_lines
                << " line(s) that are not edges";
      if (!load->problems.empty()) {
        std::cerr << "; line " << load->problems[0].line << ": " << load->problems[0].message;
      }
      std::cerr << "\n";
    }
    loaded = std::move(load->graph);
  }
  // All ranks go on only if all read the file.
  int failed = loaded.ok() ? 0 : 1;
  MPI_Allreduce(MPI_IN_PLACE, &failed, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  if (failed && loaded.ok()) return IoError(arguments.file + ": another rank could not read the file");
  return loaded;
}

// The dense ids of the --seed labels.
Result<std::vector<graph::NodeId>> SeedNodes(const graph::Graph& graph, const Arguments& arguments) {
  std::unordered_map<uint64_t, graph::NodeId> wanted;
  for (uint64_t label : arguments.seeds) wanted.emplace(label, graph.node_count());
  std::span<const uint64_t> labels = graph.labels();
  for (graph::NodeId node = 0; node < graph.node_count(); ++node) {
    auto found = wanted.find(labels[node]);
    if (found != wanted.end()) found->second = node;
  }
  std::vector<graph::NodeId> nodes;
  for (uint64_t label : arguments.seeds) {
    const graph::NodeId node = wanted.at(label);
    if (node == graph.node_count()) {
      return InvalidArgument(fmt::format("--seed {}: no node {} in {}", label, label, arguments.file));
    }
    if (std::find(nodes.begin(), nodes.end(), node) == nodes.end()) nodes.push_back(node);
  }
  return nodes;
}

size_t RowLimit(const Arguments& arguments, size_t available) {
  size_t limit = arguments.top;
  if (limit == std::numeric_limits<size_t>::max()) limit = arguments.output == "table" ? 20 : available;
  if (limit == 0) limit = available;
  return std::min(limit, available);
}

Cell NodeCell(const graph::Graph& graph, graph::NodeId node) {
  uint64_t label = graph.labels()[node];
  if (label > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::to_string(label);
  return static_cast<int64_t>(label);
}

// Node ids ordered by `score` descending, ties by node id, as `crowdlens graph` orders them.
std::vector<graph::NodeId> RankedNodes(const std::vector<double>& score, size_t limit) {
  std::vector<graph::NodeId> order(score.size());
  std::iota(order.begin(), order.end(), graph::NodeId{0});
  auto higher = [&](graph::NodeId first, graph::NodeId second) {
    return score[first] != score[second] ? score[first] > score[second] : first < second;
  };
  std::partial_sort(order.begin(), order.begin() + static_cast<int64_t>(limit), order.end(), higher);
  order.resize(limit);
  return order;
}

int Print(const Arguments& arguments, const Table& table) {
  if (!IsRoot()) return kExitOk;
  WriteTables(std::cout, *ParseOutputFormat(arguments.output), {table});
  std::cout.flush();
  return kExitOk;
}

std::string GraphLine(const Arguments& arguments, const graph::Graph& graph, double load_seconds, const Grid& grid) {
  return fmt::format("crowdlens-mpi: {}: {} nodes, {} edges{}; loaded in {:.3f} s; {} rank(s) as a {}x{} grid",
                     arguments.file, graph.node_count(), graph.edge_count(), graph.weighted() ? " (weighted)" : "",
                     load_seconds, grid->GetSize(), grid->GetGridRows(), grid->GetGridCols());
}

// The graph and its --seed nodes, with an even weight per seed (empty without seeds): PageRank's
// teleport, SALSA's restart.
struct KernelInput {
  graph::Graph graph;
  double load_seconds = 0;
  std::vector<graph::NodeId> seeds;
  std::vector<double> seed_weights;
};

Result<KernelInput> LoadKernelInput(const Arguments& arguments) {
  const double start = MPI_Wtime();
  Result<graph::Graph> loaded = LoadGraph(arguments);
  if (!loaded.ok()) return loaded.status();
  KernelInput input{.graph = std::move(*loaded), .load_seconds = MPI_Wtime() - start};
  Result<std::vector<graph::NodeId>> seeds = SeedNodes(input.graph, arguments);
  if (!seeds.ok()) return seeds.status();
  input.seeds = std::move(*seeds);
  if (!input.seeds.empty()) {
    input.seed_weights.assign(input.graph.node_count(), 0.0);
    for (graph::NodeId seed : input.seeds) input.seed_weights[seed] = 1.0;
  }
  return input;
}

int RunPageRank(const Arguments& arguments, const Grid& grid) {
  Result<KernelInput> input = LoadKernelInput(arguments);
  if (!input.ok()) return Fail(input.status());
  const graph::Graph& graph = input->graph;
  const double load_seconds = input->load_seconds;
  const std::vector<graph::NodeId>* seeds = &input->seeds;
  const std::vector<double>& personalization = input->seed_weights;
  Result<DistributedPageRankResult> result = DistributedPageRank(graph,
                                                                 {.damping = arguments.damping,
                                                                  .max_iterations = arguments.iterations,
                                                                  .tolerance = arguments.tolerance,
                                                                  .use_weights = !arguments.unweighted,
                                                                  .personalization = personalization},
                                                                 grid);
  if (!result.ok()) return Fail(result.status());
  if (IsRoot()) {
    std::cerr << GraphLine(arguments, graph, load_seconds, grid)
              << fmt::format("; matrix built in {:.3f} s; {}pagerank: {} iteration(s) in {:.3f} s ({:.2f} ms per "
                             "iteration){}\n",
                             result->distribute_seconds, seeds->empty() ? "" : "personalised ", result->iterations,
                             result->kernel_seconds, 1000 * result->kernel_seconds / std::max(1, result->iterations),
                             arguments.tolerance > 0
                                 ? (result->converged ? ", converged" : ", NOT converged: raise --iterations")
                                 : "");
  }
  Table table{.name = "pagerank", .title = "PageRank", .columns = {"node", "score"}};
  if (IsRoot()) {
    for (graph::NodeId node : RankedNodes(result->scores, RowLimit(arguments, graph.node_count()))) {
      table.rows.push_back({NodeCell(graph, node), result->scores[node]});
    }
  }
  return Print(arguments, table);
}

int RunSalsa(const Arguments& arguments, const Grid& grid) {
  Result<KernelInput> input = LoadKernelInput(arguments);
  if (!input.ok()) return Fail(input.status());
  const graph::Graph& graph = input->graph;
  const double load_seconds = input->load_seconds;
  const std::vector<graph::NodeId>* seeds = &input->seeds;
  // Personalised: the seeds are the hubs (the circle) and the walk restarts to them evenly.
  const std::vector<double>& restart = input->seed_weights;
  Result<DistributedSalsaResult> result = DistributedSalsa(graph,
                                                           {.use_weights = !arguments.unweighted,
                                                            .hubs = *seeds,
                                                            .restart = restart,
                                                            .restart_probability = arguments.restart_probability,
                                                            .max_iterations = arguments.iterations,
                                                            .tolerance = arguments.tolerance},
                                                           grid);
  if (!result.ok()) return Fail(result.status());
  if (IsRoot()) {
    std::string kernel =
        seeds->empty()
            ? fmt::format("salsa (closed form, {} labelling round(s)) in {:.3f} s", result->label_rounds,
                          result->kernel_seconds)
            : fmt::format("personalised salsa: {} iteration(s) in {:.3f} s{}", result->iterations,
                          result->kernel_seconds,
                          arguments.tolerance > 0
                              ? (result->converged ? ", converged" : ", NOT converged: raise --iterations")
                              : "");
    std::cerr << GraphLine(arguments, graph, load_seconds, grid)
              << fmt::format("; matrix built in {:.3f} s; {}\n", result->distribute_seconds, kernel);
  }
  Table table{.name = "salsa", .title = "SALSA authorities and hubs", .columns = {"node", "authority", "hub"}};
  if (IsRoot()) {
    for (graph::NodeId node : RankedNodes(result->authority_scores, RowLimit(arguments, graph.node_count()))) {
      table.rows.push_back({NodeCell(graph, node), result->authority_scores[node], result->hub_scores[node]});
    }
  }
  return Print(arguments, table);
}

void AddInputOptions(CLI::App& command, Arguments& arguments) {
  command.add_option("FILE", arguments.file, "Edge list (source target [weight]; .gz, .zst, .zip) or a .clg graph")
      ->required();
  command.add_flag("--undirected", arguments.undirected, "Read every edge in both directions");
  command.add_flag("--unweighted", arguments.unweighted, "Ignore a third (weight) column");
  command.add_option("--threads", arguments.threads, "Threads each rank parses an edge list with (default: all)")
      ->check(CLI::NonNegativeNumber);
  command.add_option("--top", arguments.top, "Rows to print, highest first (default: 20 for a table, else all; 0: all)");
  command.add_option("-o,--output", arguments.output, "Output format: table, json, csv or ndjson")
      ->check(CLI::IsMember({"table", "json", "csv", "ndjson"}))
      ->capture_default_str();
  command.add_option("--seed", arguments.seeds, "Personalise: node id(s) of the file, comma-separated or repeated")
      ->delimiter(',')
      ->allow_extra_args(false);
  command.add_option("--iterations", arguments.iterations, "At most this many iterations")->capture_default_str();
  command.add_option("--tolerance", arguments.tolerance,
                     "Stop when an iteration changes the scores less (L1); 0: run all")
      ->capture_default_str();
}

int Run(int argc, char** argv) {
  CLI::App app{"crowdlens-mpi: PageRank and SALSA over a graph partitioned across MPI ranks (CombBLAS)"};
  app.require_subcommand(1);
  Arguments arguments;
  CLI::App* pagerank = app.add_subcommand("pagerank", "PageRank of every node (--seed: personalised)");
  AddInputOptions(*pagerank, arguments);
  pagerank->add_option("--damping", arguments.damping, "Probability of following an edge rather than teleporting")
      ->capture_default_str();
  CLI::App* salsa =
      app.add_subcommand("salsa", "SALSA authority and hub scores (--seed: personalised, the seeds as the hubs)");
  AddInputOptions(*salsa, arguments);
  salsa->add_option("--restart-probability", arguments.restart_probability,
                    "With --seed: probability that the hub walk restarts at the seeds")
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (IsRoot()) return app.exit(error);
    return error.get_exit_code() == 0 ? kExitOk : kExitUsage;
  }
  Result<Grid> grid = MakeSquareGrid(MPI_COMM_WORLD);
  if (!grid.ok()) return Fail(grid.status());
  return pagerank->parsed() ? RunPageRank(arguments, *grid) : RunSalsa(arguments, *grid);
}

}  // namespace
}  // namespace crowdlens::mpi

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int exit_code = crowdlens::mpi::kExitError;
  try {
    exit_code = crowdlens::mpi::Run(argc, argv);
  } catch (const std::exception& error) {
    // The single last resort: an allocation failure or a bug, never expected input.
    std::cerr << "crowdlens-mpi: " << error.what() << "\n";
    MPI_Abort(MPI_COMM_WORLD, crowdlens::mpi::kExitError);
  }
  MPI_Finalize();
  return exit_code;
}
