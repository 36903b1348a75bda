// pagerank_run: one instrumented crowdlens PageRank run for the graph
// benchmarks, the crowdlens counterpart of peer_pagerank.py. It loads a graph
// (a text edge list through LoadEdgeList, or a .clg file through
// ReadGraphFile), runs PageRank (once, or --repeat times keeping the fastest
// run: the machine is shared, and the slow runs measure the other users) and
// prints one JSON line with what docs/benchmarks.md reports: load time and
// throughput, resident graph bytes per edge, kernel time per edge and
// iteration, peak RSS.
//
//   pagerank_run soc-Slashdot0902.txt.gz --threads 2 --iterations 20 --tolerance 0
//                --scores crowdlens.scores.npy --labels crowdlens.labels.npy
//
// The scores (float64, by dense id) and labels (uint64, the file's node ids)
// go to .npy files so that compare_scores.py can check them against a peer's
// by node id before any figure is reported. A run that is meant to converge
// (tolerance > 0) is also checked with VerifyPageRank, which recomputes the
// PageRank equation the textbook way, independently of the kernel.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "core/mapped_file.h"
#include "graph/edge_list_file.h"
#include "graph/graph_file.h"
#include "graph/pagerank.h"

namespace crowdlens::bench {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// A field of /proc/self/status in bytes ("VmRSS", "VmHWM"); 0 when unavailable.
uint64_t ProcStatusBytes(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with(field + ":")) return std::stoull(line.substr(field.size() + 1)) * 1024;
  }
  return 0;
}

bool IsGraphFile(const std::string& path) {
  char magic[8] = {};
  std::ifstream file(path, std::ios::binary);
  file.read(magic, sizeof magic);
  return file.gcount() == sizeof magic && std::memcmp(magic, "CLGRAPH\1", sizeof magic) == 0;
}

// Writes a one-dimensional .npy array (format 1.0) of `count` values of type `descr`.
bool WriteNpy(const std::string& path, const std::string& descr, const void* data, size_t count, size_t item_bytes) {
  std::string dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + std::to_string(count) + ",), }";
  const size_t total = (10 + dict.size() + 1 + 63) / 64 * 64;
  dict.append(total - 10 - dict.size() - 1, ' ');
  dict.push_back('\n');
  std::string header("\x93NUMPY\x01\x00", 8);
  header.push_back(static_cast<char>(dict.size() & 0xFF));
  header.push_back(static_cast<char>(dict.size() >> 8));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  out.write(dict.data(), static_cast<std::streamsize>(dict.size()));
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(count * item_bytes));
  return static_cast<bool>(out);
}

int Run(int argc, char** argv) {
  CLI::App app{"One instrumented crowdlens PageRank run; prints a JSON line (see bench/graph/run-graph-bench.sh)."};
  std::string path, scores_path, labels_path, clg_path;
  graph::PageRankOptions options;
  app.add_option("graph", path, "text edge list (plain, .gz, .zst, .zip, Matrix Market) or .clg file")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--threads", options.threads, "threads for loading and the kernel (0: all)");
  app.add_option("--iterations", options.max_iterations, "maximum PageRank iterations");
  app.add_option("--tolerance", options.tolerance, "stop once an iteration changes the scores by less (L1); 0: never");
  app.add_option("--damping", options.damping, "damping factor");
  app.add_option("--scores", scores_path, "write the scores (float64, by dense id) as .npy here");
  app.add_option("--labels", labels_path, "write the node ids (uint64, by dense id) as .npy here");
  app.add_option("--write-clg", clg_path, "also write the loaded graph as a .clg file here (not timed)");
  int repeat = 1;
  app.add_option("--repeat", repeat, "run the kernel this many times and report the fastest (a busy machine)")
      ->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);

  const uint64_t rss_before = ProcStatusBytes("VmRSS");
  Clock::time_point start = Clock::now();
  graph::Graph graph;
  uint64_t text_bytes = 0;
  const bool binary = IsGraphFile(path);
  if (binary) {
    Result<graph::Graph> read = graph::ReadGraphFile(path);
    if (!read.ok()) {
      std::cerr << read.status().message() << "\n";
      return 1;
    }
    graph = std::move(read).value();
  } else {
    Result<graph::EdgeListLoad> loaded = graph::LoadEdgeList(path, {.threads = options.threads});
    if (!loaded.ok()) {
      std::cerr << loaded.status().message() << "\n";
      return 1;
    }
    text_bytes = loaded->bytes;
    if (loaded->skipped_lines > 0) {
      std::cerr << path << ": " << loaded->skipped_lines << " lines were not edges; the first at line "
                << loaded->problems.front().line << ": " << loaded->problems.front().message << "\n";
      return 1;
    }
    graph = std::move(loaded->graph);
  }
  const double load_seconds = SecondsSince(start);
  const uint64_t rss_after_load = ProcStatusBytes("VmRSS");

  Status valid = graph::ValidatePageRankOptions(graph, options);
  if (!valid.ok()) {
    std::cerr << valid.message() << "\n";
    return 2;
  }
  graph::PageRankResult result;
  double kernel_seconds = 0;
  for (int run = 0; run < repeat; ++run) {
    start = Clock::now();
    result = graph::PageRank(graph, options);
    const double seconds = SecondsSince(start);
    kernel_seconds = run == 0 ? seconds : std::min(kernel_seconds, seconds);
  }

  // A converged run must be a fixed point; a fixed-iteration run is checked against a peer instead.
  std::string verified = "not applicable (fixed iterations: compared with a peer)";
  if (options.tolerance > 0) {
    Status fixed_point = graph::VerifyPageRank(graph, options, result, 1e-6);
    if (!fixed_point.ok()) {
      std::cerr << "crowdlens PageRank failed its check: " << fixed_point.message() << "\n";
      return 1;
    }
    verified = "fixed point within 1e-6 L1";
  }
  if (!scores_path.empty() &&
      !WriteNpy(scores_path, "<f8", result.scores.data(), result.scores.size(), sizeof(double))) {
    std::cerr << scores_path << ": cannot write\n";
    return 1;
  }
  if (!labels_path.empty() &&
      !WriteNpy(labels_path, "<u8", graph.labels().data(), graph.labels().size(), sizeof(uint64_t))) {
    std::cerr << labels_path << ": cannot write\n";
    return 1;
  }
  if (!clg_path.empty()) {
    Status written = graph::WriteGraphFile(graph, clg_path);
    if (!written.ok()) {
      std::cerr << written.message() << "\n";
      return 1;
    }
  }

  const double edges = static_cast<double>(graph.edge_count());
  const uint64_t file_bytes = std::filesystem::file_size(path);
  std::printf(
      "{\"tool\": \"crowdlens\", \"input\": \"%s\", \"format\": \"%s\", \"nodes\": %u, \"edges\": %llu, "
      "\"weighted\": %s, \"threads\": %d, \"file_bytes\": %llu, \"text_bytes\": %llu, \"load_seconds\": %.4f, "
      "\"load_mb_per_second\": %.1f, \"graph_bytes\": %llu, \"graph_bytes_per_edge\": %.3f, "
      "\"rss_after_load_bytes\": %llu, \"iterations\": %d, \"converged\": %s, \"l1_change\": %.3g, "
      "\"kernel_runs\": %d, \"kernel_seconds\": %.4f, \"ns_per_edge_iteration\": %.3f, \"end_to_end_seconds\": %.4f, "
      "\"peak_rss_bytes\": %llu, \"check\": \"%s\"}\n",
      path.c_str(), binary ? "clg" : "text", graph.node_count(), static_cast<unsigned long long>(graph.edge_count()),
      graph.weighted() ? "true" : "false",
      graph::KernelThreads(options.threads, graph.edge_count() + graph.node_count()),
      static_cast<unsigned long long>(file_bytes), static_cast<unsigned long long>(text_bytes), load_seconds,
      binary ? static_cast<double>(file_bytes) / load_seconds / 1e6
             : static_cast<double>(text_bytes) / load_seconds / 1e6,
      static_cast<unsigned long long>(graph.memory_bytes()), static_cast<double>(graph.memory_bytes()) / edges,
      static_cast<unsigned long long>(rss_after_load - rss_before), result.iterations,
      result.converged ? "true" : "false", result.l1_change, repeat, kernel_seconds,
      kernel_seconds / result.iterations / edges * 1e9, load_seconds + kernel_seconds,
      static_cast<unsigned long long>(ProcStatusBytes("VmHWM")), verified.c_str());
  return 0;
}

}  // namespace
}  // namespace crowdlens::bench

int main(int argc, char** argv) { return crowdlens::bench::Run(argc, argv); }
