// rmat_generate: seeded, deterministic R-MAT graphs (Chakrabarti, Zhan and
// Faloutsos, "R-MAT: A Recursive Model for Graph Mining", SDM 2004) for the
// graph benchmarks. Every file it writes is generated, never real data, and
// says so in its name and (for text) in its first lines.
//
//   rmat_generate --edges 50000000 --text rmat-50m.generated.txt --npy rmat-50m.generated.edges.npy
//   rmat_generate --edges 1000000000 --scale 26 --clg rmat-1b.generated.clg
//
// Each edge picks one quadrant of the adjacency matrix per level of `scale`
// with probabilities a, b, c, d (default 0.57, 0.19, 0.19, 0.05, the Graph500
// parameters), so the graph has 2^scale node slots. Node ids are then
// scrambled by a seeded bijection of [0, 2^scale), as Graph500 does, so that
// hubs are spread over the id space instead of sitting at id 0 (an unscrambled
// R-MAT graph gives every kernel an unrealistically cache-friendly layout).
// Duplicate edges and self-loops are kept: the graph is a multigraph, and
// every tool in the benchmarks reads it as one.
//
// Edges come in fixed chunks of 2^20, each with its own random stream seeded
// from (seed, chunk index), so the output does not depend on the thread count
// and a chunk can be generated again instead of being kept in memory.
//
// Two outputs:
// - text (--text, optionally --npy): node ids are made dense (the slots that
//   have at least one edge, numbered in ascending scrambled order), so the
//   text file, the .npy of uint32 pairs the Python peers load, and the dense
//   ids of crowdlens's loader all name a node by the same number.
// - binary (--clg): the crowdlens graph file written directly from the slot
//   ids (isolated slots stay, as nodes without edges) in two passes over the
//   regenerated chunks: count degrees, then place each edge's source into its
//   target's slot. Memory is 4 bytes per edge plus about 36 per node, which is
//   what makes a billion-edge graph fit where two arrays of edge ids would not.
//   --verify rebuilds the same graph through GraphBuilder and compares every
//   array of the file read back (for sizes that fit in memory twice).
#include <fcntl.h>
#include <omp.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <numeric>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "graph/graph_builder.h"
#include "graph/graph_file.h"

namespace crowdlens::bench {
namespace {

using graph::EdgeIndex;
using graph::NodeId;

constexpr uint64_t kChunkEdges = uint64_t{1} << 20;

// splitmix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
// generators", OOPSLA 2014): a 64-bit state stepped by the golden gamma; good
// enough statistically for graph generation and cheap (a few cycles per draw).
struct SplitMix64 {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
};

struct RmatParameters {
  int scale = 0;
  uint64_t edges = 0;
  double a = 0.57, b = 0.19, c = 0.19;
  uint64_t seed = 1;
};

// Draws edges and scrambles their ids; both depend only on the parameters.
class RmatSource {
 public:
  explicit RmatSource(const RmatParameters& parameters) : parameters_(parameters) {
    // Quadrant thresholds on a 32-bit uniform draw.
    const double unit = 4294967296.0;
    threshold_a_ = static_cast<uint64_t>(parameters.a * unit);
    threshold_ab_ = static_cast<uint64_t>((parameters.a + parameters.b) * unit);
    threshold_abc_ = static_cast<uint64_t>((parameters.a + parameters.b + parameters.c) * unit);
    mask_ = parameters.scale == 64 ? ~uint64_t{0} : (uint64_t{1} << parameters.scale) - 1;
    SplitMix64 keys{parameters.seed ^ 0x5CA3B1E5ull};
    for (uint64_t& multiplier : multipliers_) multiplier = keys.Next() | 1;  // odd: invertible mod 2^scale
    for (uint64_t& offset : offsets_) offset = keys.Next();
  }

  const RmatParameters& parameters() const { return parameters_; }
  uint64_t chunk_count() const { return (parameters_.edges + kChunkEdges - 1) / kChunkEdges; }
  uint64_t node_slots() const { return mask_ + 1; }

  // Calls emit(source, target) for every edge of chunk `chunk`, in a fixed order.
  template <typename Emit>
  void GenerateChunk(uint64_t chunk, Emit&& emit) const {
    const uint64_t first = chunk * kChunkEdges;
    const uint64_t last = std::min(parameters_.edges, first + kChunkEdges);
    SplitMix64 random{SplitMix64{parameters_.seed * 0x2545F4914F6CDD1Dull + chunk}.Next()};
    for (uint64_t edge = first; edge < last; ++edge) {
      uint64_t source = 0;
      uint64_t target = 0;
      uint64_t bits = 0;
      for (int level = 0; level < parameters_.scale; ++level) {
        // Two 32-bit draws per 64-bit number.
        uint64_t draw;
        if (level % 2 == 0) {
          bits = random.Next();
          draw = bits & 0xFFFFFFFFull;
        } else {
          draw = bits >> 32;
        }
        source <<= 1;
        target <<= 1;
        if (draw < threshold_a_) {
        } else if (draw < threshold_ab_) {
          target |= 1;
        } else if (draw < threshold_abc_) {
          source |= 1;
        } else {
          source |= 1;
          target |= 1;
        }
      }
      emit(Scramble(source), Scramble(target));
    }
  }

  // A bijection of [0, 2^scale): affine maps with odd multipliers and
  // xor-shifts are each invertible modulo a power of two.
  uint64_t Scramble(uint64_t id) const {
    const int shift_one = parameters_.scale / 2 + 1;
    const int shift_two = parameters_.scale / 3 + 1;
    id = (id * multipliers_[0] + offsets_[0]) & mask_;
    id ^= id >> shift_one;
    id = (id * multipliers_[1] + offsets_[1]) & mask_;
    id ^= id >> shift_two;
    return id;
  }

 private:
  RmatParameters parameters_;
  uint64_t threshold_a_ = 0, threshold_ab_ = 0, threshold_abc_ = 0;
  uint64_t mask_ = 0;
  uint64_t multipliers_[2] = {};
  uint64_t offsets_[2] = {};
};

// Writes all of `bytes` or says why not.
bool WriteAll(int descriptor, const char* bytes, size_t length) {
  while (length > 0) {
    ssize_t written = write(descriptor, bytes, length);
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes += written;
    length -= static_cast<size_t>(written);
  }
  return true;
}

int CreateFile(const std::string& path) {
  int descriptor = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (descriptor < 0) std::cerr << path << ": cannot create: " << std::strerror(errno) << "\n";
  return descriptor;
}

// NumPy's .npy format, version 1.0: magic, version, a little-endian header
// length, then a Python dict literal padded with spaces to a multiple of 64 bytes.
std::string NpyHeader(const std::string& descr, uint64_t rows, uint64_t columns) {
  std::string dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + std::to_string(rows) +
                     (columns > 1 ? ", " + std::to_string(columns) : std::string(",")) + "), }";
  const size_t preamble = 10;
  size_t total = (preamble + dict.size() + 1 + 63) / 64 * 64;
  dict.append(total - preamble - dict.size() - 1, ' ');
  dict.push_back('\n');
  std::string header("\x93NUMPY\x01\x00", 8);
  header.push_back(static_cast<char>(dict.size() & 0xFF));
  header.push_back(static_cast<char>(dict.size() >> 8));
  return header + dict;
}

// Text and .npy outputs, with dense ids. Holds the edges in memory (8 bytes each).
int WriteTextOutputs(const RmatSource& source, const std::string& text_path, const std::string& npy_path) {
  const RmatParameters& parameters = source.parameters();
  std::vector<uint32_t> pairs(2 * parameters.edges);
  const int64_t chunk_count = static_cast<int64_t>(source.chunk_count());
#pragma omp parallel for schedule(dynamic, 1)
  for (int64_t chunk = 0; chunk < chunk_count; ++chunk) {
    uint64_t position = 2 * static_cast<uint64_t>(chunk) * kChunkEdges;
    source.GenerateChunk(static_cast<uint64_t>(chunk), [&](uint64_t from, uint64_t to) {
      pairs[position++] = static_cast<uint32_t>(from);
      pairs[position++] = static_cast<uint32_t>(to);
    });
  }
  // Dense ids: rank of each used slot among the used slots.
  std::vector<uint32_t> dense(source.node_slots(), 0);
  for (uint32_t id : pairs) dense[id] = 1;
  uint32_t used = 0;
  for (uint32_t& slot : dense) {
    uint32_t present = slot;
    slot = used;
    used += present;
  }
#pragma omp parallel for schedule(static)
  for (int64_t index = 0; index < static_cast<int64_t>(pairs.size()); ++index) pairs[index] = dense[pairs[index]];
  dense = {};
  std::cerr << "rmat_generate: scale " << parameters.scale << ", " << parameters.edges << " edges over " << used
            << " nodes (of " << source.node_slots() << " slots)\n";

  if (!text_path.empty()) {
    int descriptor = CreateFile(text_path);
    if (descriptor < 0) return 1;
    char header[512];
    int header_length = std::snprintf(
        header, sizeof header,
        "# GENERATED R-MAT graph (not real data), written by bench/graph/rmat_generate\n"
        "# scale %d, a %.2f b %.2f c %.2f d %.2f, seed %llu, scrambled ids made dense\n"
        "# Nodes: %u Edges: %llu (a multigraph: duplicate edges and self-loops kept)\n",
        parameters.scale, parameters.a, parameters.b, parameters.c, 1 - parameters.a - parameters.b - parameters.c,
        static_cast<unsigned long long>(parameters.seed), used, static_cast<unsigned long long>(parameters.edges));
    bool ok = WriteAll(descriptor, header, static_cast<size_t>(header_length));
    // Formats a batch of chunks in parallel, then writes them in order.
    const int64_t batch = 64;
    std::vector<std::string> formatted(batch);
    for (int64_t first = 0; ok && first < chunk_count; first += batch) {
      const int64_t last = std::min(chunk_count, first + batch);
#pragma omp parallel for schedule(dynamic, 1)
      for (int64_t chunk = first; chunk < last; ++chunk) {
        std::string& out = formatted[chunk - first];
        const uint64_t begin = static_cast<uint64_t>(chunk) * kChunkEdges;
        const uint64_t end = std::min(parameters.edges, begin + kChunkEdges);
        out.resize((end - begin) * 22);
        char* cursor = out.data();
        for (uint64_t edge = begin; edge < end; ++edge) {
          cursor = std::to_chars(cursor, cursor + 10, pairs[2 * edge]).ptr;
          *cursor++ = ' ';
          cursor = std::to_chars(cursor, cursor + 10, pairs[2 * edge + 1]).ptr;
          *cursor++ = '\n';
        }
        out.resize(static_cast<size_t>(cursor - out.data()));
      }
      for (int64_t chunk = first; ok && chunk < last; ++chunk) {
        ok = WriteAll(descriptor, formatted[chunk - first].data(), formatted[chunk - first].size());
      }
    }
    if (close(descriptor) != 0) ok = false;
    if (!ok) {
      std::cerr << text_path << ": write failed: " << std::strerror(errno) << "\n";
      return 1;
    }
  }
  if (!npy_path.empty()) {
    int descriptor = CreateFile(npy_path);
    if (descriptor < 0) return 1;
    std::string header = NpyHeader("<u4", parameters.edges, 2);
    bool ok = WriteAll(descriptor, header.data(), header.size()) &&
              WriteAll(descriptor, reinterpret_cast<const char*>(pairs.data()), pairs.size() * sizeof(uint32_t));
    if (close(descriptor) != 0) ok = false;
    if (!ok) {
      std::cerr << npy_path << ": write failed: " << std::strerror(errno) << "\n";
      return 1;
    }
  }
  return 0;
}

// The arrays of a graph assembled here rather than by GraphBuilder.
struct GeneratedStorage : graph::GraphStorage {
  std::vector<EdgeIndex> offsets;
  std::vector<NodeId> sources;
  std::vector<float> out_weight;
  std::vector<uint64_t> labels;
};

// Incoming CSR straight from regenerated chunks: degrees first, then placement.
graph::Graph BuildInCsr(const RmatSource& source) {
  const uint64_t slots = source.node_slots();
  const int64_t chunk_count = static_cast<int64_t>(source.chunk_count());
  auto storage = std::make_unique<GeneratedStorage>();
  storage->offsets.assign(slots + 1, 0);
  storage->out_weight.assign(slots, 0.0f);
  {
    // Per-thread degree counts: no atomics in the hot loop. Counts fit 32 bits
    // because the edge count does (checked by the caller).
    const int threads = omp_get_max_threads();
    std::vector<std::vector<uint32_t>> in_counts(threads), out_counts(threads);
#pragma omp parallel num_threads(threads)
    {
      const int thread = omp_get_thread_num();
      std::vector<uint32_t>& in_count = in_counts[thread];
      std::vector<uint32_t>& out_count = out_counts[thread];
      in_count.assign(slots, 0);
      out_count.assign(slots, 0);
#pragma omp for schedule(dynamic, 1)
      for (int64_t chunk = 0; chunk < chunk_count; ++chunk) {
        source.GenerateChunk(static_cast<uint64_t>(chunk), [&](uint64_t from, uint64_t to) {
          ++out_count[from];
          ++in_count[to];
        });
      }
    }
#pragma omp parallel for schedule(static)
    for (int64_t node = 0; node < static_cast<int64_t>(slots); ++node) {
      uint64_t in_degree = 0, out_degree = 0;
      for (int thread = 0; thread < threads; ++thread) {
        in_degree += in_counts[thread][node];
        out_degree += out_counts[thread][node];
      }
      storage->offsets[node + 1] = in_degree;
      storage->out_weight[node] = static_cast<float>(out_degree);
    }
  }
  for (uint64_t node = 0; node < slots; ++node) storage->offsets[node + 1] += storage->offsets[node];

  storage->sources.resize(source.parameters().edges);
  {
    std::vector<EdgeIndex> next(storage->offsets.begin(), storage->offsets.end() - 1);
    NodeId* sources = storage->sources.data();
#pragma omp parallel for schedule(dynamic, 1)
    for (int64_t chunk = 0; chunk < chunk_count; ++chunk) {
      source.GenerateChunk(static_cast<uint64_t>(chunk), [&](uint64_t from, uint64_t to) {
        EdgeIndex slot = std::atomic_ref<EdgeIndex>(next[to]).fetch_add(1, std::memory_order_relaxed);
        sources[slot] = static_cast<NodeId>(from);
      });
    }
  }
  // Placement order depends on thread timing; sorting each in-list makes the
  // file deterministic and matches GraphBuilder's layout.
  const EdgeIndex* offsets = storage->offsets.data();
#pragma omp parallel for schedule(dynamic, 4096)
  for (int64_t node = 0; node < static_cast<int64_t>(slots); ++node) {
    std::sort(storage->sources.begin() + static_cast<int64_t>(offsets[node]),
              storage->sources.begin() + static_cast<int64_t>(offsets[node + 1]));
  }
  storage->labels.resize(slots);
  std::iota(storage->labels.begin(), storage->labels.end(), uint64_t{0});

  graph::Adjacency in{.offsets = storage->offsets, .neighbors = storage->sources, .weights = {}};
  std::span<const float> out_weight = storage->out_weight;
  std::span<const uint64_t> labels = storage->labels;
  return graph::Graph(static_cast<NodeId>(slots), in, out_weight, labels, std::move(storage));
}

template <typename T>
bool SameArray(std::span<const T> written, std::span<const T> expected, const char* name) {
  if (written.size() == expected.size() && std::equal(written.begin(), written.end(), expected.begin())) return true;
  std::cerr << "rmat_generate --verify: the file's " << name << " differ from GraphBuilder's\n";
  return false;
}

// Reads the file back and compares it with the graph GraphBuilder makes of the same edges.
int VerifyGraphFile(const RmatSource& source, const std::string& path) {
  Result<graph::Graph> written = graph::ReadGraphFile(path);
  if (!written.ok()) {
    std::cerr << written.status().message() << "\n";
    return 1;
  }
  graph::GraphBuilder builder;
  builder.Reserve(source.parameters().edges);
  for (uint64_t slot = 0; slot < source.node_slots(); ++slot) builder.AddNode(slot);
  for (uint64_t chunk = 0; chunk < source.chunk_count(); ++chunk) {
    source.GenerateChunk(chunk, [&](uint64_t from, uint64_t to) { builder.AddEdge(from, to); });
  }
  graph::Graph expected = std::move(builder).Build();
  bool same = SameArray(written->in().offsets, expected.in().offsets, "offsets") &&
              SameArray(written->in_sources(), expected.in_sources(), "edge sources") &&
              SameArray(written->out_weight(), expected.out_weight(), "out-weights") &&
              SameArray(written->labels(), expected.labels(), "labels");
  if (!same) return 1;
  std::cerr << "rmat_generate --verify: " << path << " equals GraphBuilder's graph of the same edges ("
            << expected.node_count() << " nodes, " << expected.edge_count() << " edges)\n";
  return 0;
}

int Run(int argc, char** argv) {
  CLI::App app{"Generates seeded R-MAT graphs for the graph benchmarks (generated data, not real)."};
  RmatParameters parameters;
  std::string text_path, npy_path, clg_path;
  bool verify = false;
  app.add_option("--edges", parameters.edges, "number of edges")->required()->check(CLI::Range(1.0, 4.0e9));
  app.add_option("--scale", parameters.scale,
                 "log2 of the node slots (default: the scale giving an average degree nearest 16)")
      ->check(CLI::Range(1, 31));
  app.add_option("--seed", parameters.seed, "random seed");
  app.add_option("--a", parameters.a, "probability of the top-left quadrant");
  app.add_option("--b", parameters.b, "probability of the top-right quadrant");
  app.add_option("--c", parameters.c, "probability of the bottom-left quadrant");
  app.add_option("--text", text_path, "write a text edge list (dense ids) here");
  app.add_option("--npy", npy_path, "write the same edges as a NumPy array of uint32 pairs here");
  app.add_option("--clg", clg_path, "write a crowdlens graph file (.clg) here, from the slot ids");
  app.add_flag("--verify", verify, "with --clg: read the file back and compare it with GraphBuilder's graph");
  CLI11_PARSE(app, argc, argv);

  if (parameters.scale == 0) {
    // Nearest power of two in log space to edges / 16.
    parameters.scale = std::clamp(static_cast<int>(std::lround(std::log2(parameters.edges / 16.0))), 1, 31);
  }
  const double d = 1 - parameters.a - parameters.b - parameters.c;
  if (parameters.a < 0 || parameters.b < 0 || parameters.c < 0 || d < 0) {
    std::cerr << "rmat_generate: a, b and c must be non-negative and sum to at most 1\n";
    return 2;
  }
  if (text_path.empty() && npy_path.empty() && clg_path.empty()) {
    std::cerr << "rmat_generate: name at least one output (--text, --npy or --clg)\n";
    return 2;
  }
  RmatSource source(parameters);
  if (!text_path.empty() || !npy_path.empty()) {
    if (int failed = WriteTextOutputs(source, text_path, npy_path)) return failed;
  }
  if (!clg_path.empty()) {
    graph::Graph graph = BuildInCsr(source);
    std::cerr << "rmat_generate: scale " << parameters.scale << ", " << graph.edge_count() << " edges over "
              << graph.node_count() << " node slots; writing " << clg_path << "\n";
    Status written = graph::WriteGraphFile(graph, clg_path);
    if (!written.ok()) {
      std::cerr << written.message() << "\n";
      return 1;
    }
    if (verify) {
      graph = graph::Graph();
      return VerifyGraphFile(source, clg_path);
    }
  }
  return 0;
}

}  // namespace
}  // namespace crowdlens::bench

int main(int argc, char** argv) { return crowdlens::bench::Run(argc, argv); }
