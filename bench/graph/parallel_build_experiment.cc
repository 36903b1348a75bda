// parallel_build_experiment: measures where LoadEdgeList spends its time on a
// large text edge list, and what a parallel graph build would gain, with the
// graph it builds checked array by array against the library's.
//
//   parallel_build_experiment build/bench-data/graph/rmat-50m.generated.txt --threads 2
//
// The library's loader (src/graph/edge_list_file.cc) parses newline-aligned
// chunks on all threads, then concatenates them into two uint64 label arrays
// and hands them to BuildFromLabelledEdges (src/graph/graph_builder.cc), whose
// passes (largest label, id table, two label-to-id passes, in-degree count,
// placement, out-weights) all run on one thread; only the per-node sort is
// parallel. This experiment times, on the same file and thread count:
//   library   LoadEdgeList as shipped;
//   parse     the library's chunk parser (copied below, unchanged) alone;
//   baseline  parse + concatenation + BuildFromLabelledEdges, the shipped path
//             split into its two phases;
//   parallel  parse + ParallelBuild: no concatenation, every pass split by
//             chunk over the threads, per-thread degree histograms instead of
//             atomics, and per-thread placement cursors so that every edge lands
//             in the slot the serial counting sort gives it (the result is the
//             same graph, not merely an equivalent one).
// It aborts unless ParallelBuild's graph equals the library's in every array.
// Unweighted inputs only (the benchmark graphs); options are the defaults.
#include <omp.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string_view>

#include "core/mapped_file.h"
#include "graph/edge_list_file.h"
#include "graph/graph_builder.h"

namespace crowdlens::bench {
namespace {

using graph::EdgeIndex;
using graph::NodeId;
using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// The library's per-chunk parser for unweighted "source target" lines, copied
// from edge_list_file.cc with its default use_weights = true (so a weight of 1
// is stored per line, as the library does until it knows no line has one);
// problem reports are left out: the inputs here have no bad lines.
struct ChunkEdges {
  std::vector<uint64_t> sources;
  std::vector<uint64_t> targets;
  std::vector<float> weights;
};

bool IsSeparator(char c) { return c == ' ' || c == '\t' || c == ',' || c == ';' || c == '\r'; }

bool ParseLine(const char* cursor, const char* end, ChunkEdges& chunk) {
  while (cursor < end && IsSeparator(*cursor)) ++cursor;
  if (cursor == end || *cursor == '#' || *cursor == '%') return true;
  uint64_t ids[2];
  for (uint64_t& id : ids) {
    if (cursor == end || *cursor < '0' || *cursor > '9') return false;
    uint64_t value = 0;
    const char* start = cursor;
    while (cursor < end && *cursor >= '0' && *cursor <= '9') {
      value = value * 10 + static_cast<uint64_t>(*cursor - '0');
      ++cursor;
    }
    if (cursor - start > 19 || (cursor < end && !IsSeparator(*cursor))) return false;
    id = value;
    while (cursor < end && IsSeparator(*cursor)) ++cursor;
  }
  if (cursor < end) return false;  // a weight column: not for this experiment
  chunk.sources.push_back(ids[0]);
  chunk.targets.push_back(ids[1]);
  chunk.weights.push_back(1.0f);
  return true;
}

std::vector<ChunkEdges> ParseChunks(std::string_view body, int threads) {
  std::vector<size_t> bounds{0};
  for (int chunk = 1; chunk < threads; ++chunk) {
    size_t position = std::max(body.size() * static_cast<size_t>(chunk) / static_cast<size_t>(threads), bounds.back());
    size_t newline = body.find('\n', position);
    bounds.push_back(newline == std::string_view::npos ? body.size() : newline + 1);
  }
  bounds.push_back(body.size());
  std::vector<ChunkEdges> chunks(bounds.size() - 1);
  bool parsed = true;
#pragma omp parallel for schedule(static, 1) num_threads(threads) reduction(&& : parsed)
  for (size_t index = 0; index < chunks.size(); ++index) {
    std::string_view text = body.substr(bounds[index], bounds[index + 1] - bounds[index]);
    ChunkEdges& chunk = chunks[index];
    chunk.sources.reserve(text.size() / 12);
    chunk.targets.reserve(text.size() / 12);
    chunk.weights.reserve(text.size() / 12);
    const char* cursor = text.data();
    const char* end = text.data() + text.size();
    while (cursor < end) {
      const char* line_end = static_cast<const char*>(std::memchr(cursor, '\n', static_cast<size_t>(end - cursor)));
      if (line_end == nullptr) line_end = end;
      parsed = ParseLine(cursor, line_end, chunk) && parsed;
      cursor = line_end + 1;
    }
  }
  if (!parsed) {
    std::cerr << "the experiment reads plain unweighted edge lists only\n";
    std::exit(2);
  }
  return chunks;
}

struct BuiltStorage : graph::GraphStorage {
  std::vector<EdgeIndex> offsets;
  std::vector<NodeId> sources;
  std::vector<float> out_weight;
  std::vector<uint64_t> labels;
};

// The build of BuildFromLabelledEdges (unweighted, default options) with every
// pass parallel over the parsed chunks. Prints each phase's time.
graph::Graph ParallelBuild(std::vector<ChunkEdges>& chunks, int threads) {
  Clock::time_point phase = Clock::now();
  auto report = [&phase](const char* name) {
    std::fprintf(stderr, "    parallel %-22s %.3f s\n", name, SecondsSince(phase));
    phase = Clock::now();
  };
  const int64_t chunk_count = static_cast<int64_t>(chunks.size());
  std::vector<uint64_t> first_edge(chunks.size() + 1, 0);
  for (size_t chunk = 0; chunk < chunks.size(); ++chunk) {
    first_edge[chunk + 1] = first_edge[chunk] + chunks[chunk].sources.size();
  }
  const uint64_t edge_count = first_edge.back();

  // Dense ids through a direct table, as DenseIds does for small labels.
  uint64_t max_label = 0;
#pragma omp parallel for num_threads(threads) reduction(max : max_label) schedule(static, 1)
  for (int64_t chunk = 0; chunk < chunk_count; ++chunk) {
    for (uint64_t label : chunks[chunk].sources) max_label = std::max(max_label, label);
    for (uint64_t label : chunks[chunk].targets) max_label = std::max(max_label, label);
  }
  if (!(max_label < (uint64_t{1} << 32) - 1 && max_label <= 4 * edge_count + (uint64_t{1} << 20))) {
    std::cerr << "the experiment covers the direct-table case only (labels small next to the edge count)\n";
    std::exit(2);
  }
  std::vector<uint8_t> present(max_label + 1, 0);
#pragma omp parallel for num_threads(threads) schedule(static, 1)
  for (int64_t chunk = 0; chunk < chunk_count; ++chunk) {
    // Every writer stores the same value; atomic_ref keeps that race defined.
    for (uint64_t label : chunks[chunk].sources)
      std::atomic_ref<uint8_t>(present[label]).store(1, std::memory_order_relaxed);
    for (uint64_t label : chunks[chunk].targets)
      std::atomic_ref<uint8_t>(present[label]).store(1, std::memory_order_relaxed);
  }
  auto storage = std::make_unique<BuiltStorage>();
  std::vector<NodeId> table(max_label + 1);
  for (uint64_t label = 0; label <= max_label; ++label) {
    table[label] = static_cast<NodeId>(storage->labels.size());
    if (present[label]) storage->labels.push_back(label);
  }
  present = {};
  const NodeId node_count = static_cast<NodeId>(storage->labels.size());
  report("id table");

  // Labels to ids, in place of the chunk order, and per-chunk degree histograms.
  std::vector<NodeId> sources(edge_count);
  std::vector<NodeId> targets(edge_count);
  std::vector<std::vector<EdgeIndex>> in_counts(chunks.size());
  std::vector<std::vector<uint32_t>> out_counts(chunks.size());
#pragma omp parallel for num_threads(threads) schedule(static, 1)
  for (int64_t chunk = 0; chunk < chunk_count; ++chunk) {
    std::vector<EdgeIndex>& in_count = in_counts[chunk];
    std::vector<uint32_t>& out_count = out_counts[chunk];
    in_count.assign(node_count, 0);
    out_count.assign(node_count, 0);
    ChunkEdges& edges = chunks[chunk];
    for (size_t index = 0; index < edges.sources.size(); ++index) {
      NodeId source = table[edges.sources[index]];
      NodeId target = table[edges.targets[index]];
      sources[first_edge[chunk] + index] = source;
      targets[first_edge[chunk] + index] = target;
      ++out_count[source];
      ++in_count[target];
    }
    edges = {};
  }
  table = {};
  report("to ids + degrees");

  // Offsets, and each chunk's first slot per target: chunks place in file order,
  // so the layout equals the serial counting sort's.
  storage->offsets.assign(static_cast<size_t>(node_count) + 1, 0);
  storage->out_weight.assign(node_count, 0.0f);
  for (NodeId node = 0; node < node_count; ++node) {
    EdgeIndex slot = storage->offsets[node];
    uint64_t out_degree = 0;
    for (int64_t chunk = 0; chunk < chunk_count; ++chunk) {
      EdgeIndex count = in_counts[chunk][node];
      in_counts[chunk][node] = slot;  // now the chunk's cursor for this target
      slot += count;
      out_degree += out_counts[chunk][node];
    }
    storage->offsets[node + 1] = slot;
    storage->out_weight[node] = static_cast<float>(out_degree);
  }
  out_counts = {};
  report("offsets");
  storage->sources.resize(edge_count);
#pragma omp parallel for num_threads(threads) schedule(static, 1)
  for (int64_t chunk = 0; chunk < chunk_count; ++chunk) {
    std::vector<EdgeIndex>& cursor = in_counts[chunk];
    for (uint64_t edge = first_edge[chunk]; edge < first_edge[chunk + 1]; ++edge) {
      storage->sources[cursor[targets[edge]]++] = sources[edge];
    }
  }
  sources = {};
  targets = {};
  in_counts = {};
  report("placement");
  const EdgeIndex* offsets = storage->offsets.data();
#pragma omp parallel for num_threads(threads) schedule(dynamic, 4096)
  for (int64_t node = 0; node < static_cast<int64_t>(node_count); ++node) {
    std::sort(storage->sources.begin() + static_cast<int64_t>(offsets[node]),
              storage->sources.begin() + static_cast<int64_t>(offsets[node + 1]));
  }
  report("sort in-lists");
  graph::Adjacency in{.offsets = storage->offsets, .neighbors = storage->sources, .weights = {}};
  std::span<const float> out_weight = storage->out_weight;
  std::span<const uint64_t> labels = storage->labels;
  return graph::Graph(node_count, in, out_weight, labels, std::move(storage));
}

template <typename T>
bool Same(std::span<const T> left, std::span<const T> right) {
  return left.size() == right.size() && std::equal(left.begin(), left.end(), right.begin());
}

int Run(int argc, char** argv) {
  CLI::App app{"Times LoadEdgeList's phases and a parallel build of the same graph, checked against the library."};
  std::string path;
  int threads = 2;
  app.add_option("file", path, "plain unweighted text edge list")->required()->check(CLI::ExistingFile);
  app.add_option("--threads", threads, "threads");
  CLI11_PARSE(app, argc, argv);

  Result<MappedFile> mapped = MappedFile::Open(path);
  if (!mapped.ok()) {
    std::cerr << mapped.status().message() << "\n";
    return 1;
  }
  std::string_view text = mapped->view();
  std::fprintf(stderr, "%s: %.1f MB, %d threads\n", path.c_str(), text.size() / 1e6, threads);

  Clock::time_point start = Clock::now();
  Result<graph::EdgeListLoad> library = graph::LoadEdgeList(path, {.threads = threads});
  if (!library.ok()) {
    std::cerr << library.status().message() << "\n";
    return 1;
  }
  const double library_seconds = SecondsSince(start);
  std::fprintf(stderr, "  library  LoadEdgeList            %.3f s  (%.0f MB/s)\n", library_seconds,
               text.size() / library_seconds / 1e6);

  start = Clock::now();
  std::vector<ChunkEdges> chunks = ParseChunks(text, threads);
  const double parse_seconds = SecondsSince(start);
  std::fprintf(stderr, "  parse    chunk parser alone      %.3f s  (%.0f MB/s)\n", parse_seconds,
               text.size() / parse_seconds / 1e6);
  {
    Clock::time_point phase = Clock::now();
    std::vector<uint64_t> sources, targets;
    size_t total = 0;
    for (const ChunkEdges& chunk : chunks) total += chunk.sources.size();
    sources.reserve(total);
    targets.reserve(total);
    for (const ChunkEdges& chunk : chunks) {
      sources.insert(sources.end(), chunk.sources.begin(), chunk.sources.end());
      targets.insert(targets.end(), chunk.targets.begin(), chunk.targets.end());
    }
    const double concatenate_seconds = SecondsSince(phase);
    phase = Clock::now();
    graph::Graph built = graph::BuildFromLabelledEdges(std::move(sources), std::move(targets), {}, {}, {});
    const double build_seconds = SecondsSince(phase);
    std::fprintf(stderr, "  baseline concatenate %.3f s + BuildFromLabelledEdges %.3f s\n", concatenate_seconds,
                 build_seconds);
  }

  start = Clock::now();
  graph::Graph parallel = ParallelBuild(chunks, threads);
  const double parallel_build_seconds = SecondsSince(start);
  const double parallel_total = parse_seconds + parallel_build_seconds;
  std::fprintf(stderr, "  parallel parse + ParallelBuild    %.3f s  (%.0f MB/s)\n", parallel_total,
               text.size() / parallel_total / 1e6);

  const graph::Graph& expected = library->graph;
  if (!Same(parallel.in().offsets, expected.in().offsets) || !Same(parallel.in_sources(), expected.in_sources()) ||
      !Same(parallel.out_weight(), expected.out_weight()) || !Same(parallel.labels(), expected.labels())) {
    std::cerr << "ParallelBuild's graph differs from LoadEdgeList's: the experiment is wrong\n";
    return 1;
  }
  std::printf(
      "{\"input\": \"%s\", \"mb\": %.1f, \"threads\": %d, \"library_seconds\": %.3f, "
      "\"parse_seconds\": %.3f, \"parallel_seconds\": %.3f, \"library_mb_per_second\": %.0f, "
      "\"parallel_mb_per_second\": %.0f, \"same_graph\": true}\n",
      path.c_str(), text.size() / 1e6, threads, library_seconds, parse_seconds, parallel_total,
      text.size() / library_seconds / 1e6, text.size() / parallel_total / 1e6);
  return 0;
}

}  // namespace
}  // namespace crowdlens::bench

int main(int argc, char** argv) { return crowdlens::bench::Run(argc, argv); }
