#include "graph/edge_list_file.h"

#include <omp.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string_view>

#include "core/input.h"
#include "core/mapped_file.h"

namespace crowdlens::graph {
namespace {

constexpr size_t kProblemsKept = 10;

// The edges one thread parsed from its chunk.
struct ChunkEdges {
  std::vector<uint64_t> sources;
  std::vector<uint64_t> targets;
  std::vector<float> weights;
  uint64_t lines = 0;
  uint64_t weighted_lines = 0;
  uint64_t skipped = 0;
  std::vector<EdgeListProblem> problems;  // line numbers relative to the chunk
};

bool IsSeparator(char c) { return c == ' ' || c == '\t' || c == ',' || c == ';' || c == '\r'; }

// Parses one line [cursor, end) into `chunk`. Returns false with a reason for a line that is not an edge.
bool ParseLine(const char* cursor, const char* end, bool use_weights, ChunkEdges& chunk, std::string& reason) {
  while (cursor < end && IsSeparator(*cursor)) ++cursor;
  if (cursor == end || *cursor == '#' || *cursor == '%') return true;  // blank or comment
  uint64_t ids[2];
  for (uint64_t& id : ids) {
    if (cursor == end || *cursor < '0' || *cursor > '9') {
      reason = "expected two node ids (unsigned integers) separated by spaces, tabs or commas";
      return false;
    }
    uint64_t value = 0;
    const char* start = cursor;
    while (cursor < end && *cursor >= '0' && *cursor <= '9') {
      value = value * 10 + static_cast<uint64_t>(*cursor - '0');
      ++cursor;
    }
    if (cursor - start > 19) {
      reason = "node id too large (more than 19 digits)";
      return false;
    }
    if (cursor < end && !IsSeparator(*cursor)) {
      reason = "a node id must be an unsigned integer";
      return false;
    }
    id = value;
    while (cursor < end && IsSeparator(*cursor)) ++cursor;
  }
  float weight = 1.0f;
  if (use_weights && cursor < end) {
    double parsed = 0;
    auto [next, error] = std::from_chars(cursor, end, parsed);
    if (error == std::errc() && (next == end || IsSeparator(*next))) {
      if (!(parsed >= 0) || parsed > 3.0e38) {
        reason = "an edge weight must be a non-negative number";
        return false;
      }
      weight = static_cast<float>(parsed);
      ++chunk.weighted_lines;
    }
  }
  chunk.sources.push_back(ids[0]);
  chunk.targets.push_back(ids[1]);
  if (use_weights) chunk.weights.push_back(weight);
  return true;
}

void ParseChunk(std::string_view text, bool use_weights, ChunkEdges& chunk) {
  chunk.sources.reserve(text.size() / 12);
  chunk.targets.reserve(text.size() / 12);
  if (use_weights) chunk.weights.reserve(text.size() / 12);
  const char* cursor = text.data();
  const char* end = text.data() + text.size();
  std::string reason;
  while (cursor < end) {
    const char* line_end = static_cast<const char*>(std::memchr(cursor, '\n', static_cast<size_t>(end - cursor)));
    if (line_end == nullptr) line_end = end;
    ++chunk.lines;
    if (!ParseLine(cursor, line_end, use_weights, chunk, reason)) {
      ++chunk.skipped;
      if (chunk.problems.size() < kProblemsKept) chunk.problems.push_back({chunk.lines, reason});
    }
    cursor = line_end + 1;
  }
}

// Matrix Market: the banner says whether only one triangle is stored, and the
// first line after the comments gives the sizes, not an edge.
struct MatrixMarketHeader {
  bool present = false;
  bool symmetric = false;
  size_t body_start = 0;  // byte offset just after the size line
  uint64_t lines_before_body = 0;
};

MatrixMarketHeader ReadMatrixMarketHeader(std::string_view text) {
  MatrixMarketHeader header;
  // Network Repository writes the banner with a single '%'.
  if (!text.starts_with("%%MatrixMarket") && !text.starts_with("%MatrixMarket")) return header;
  header.present = true;
  size_t banner_end = text.find('\n');
  std::string_view banner = text.substr(0, banner_end);
  header.symmetric = banner.find("symmetric") != std::string_view::npos;
  size_t position = 0;
  while (position < text.size()) {
    size_t line_end = text.find('\n', position);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(position, line_end - position);
    ++header.lines_before_body;
    position = line_end + 1;
    if (!line.empty() && line[0] != '%') break;  // the size line
  }
  header.body_start = std::min(position, text.size());
  return header;
}

}  // namespace

Result<EdgeListLoad> LoadEdgeList(const std::string& path, const EdgeListOptions& options) {
  // Plain files are mapped; compressed ones are decompressed into memory first.
  Result<MappedFile> mapped = MappedFile::Open(path);
  if (!mapped.ok()) return mapped.status();
  InputBuffer decompressed;
  std::string_view text = mapped->view();
  const bool zipped = text.starts_with(std::string_view("PK\3\4", 4));
  if (zipped || DetectCompression(text.substr(0, 8)) != Compression::kNone) {
    InputSource source{.name = path, .path = path, .size_on_disk = text.size()};
    if (zipped) {
      // An archive holds the edge list and often a readme: the largest member is the graph.
      Result<std::vector<InputSource>> members = ExpandInputs({path});
      if (!members.ok()) return members.status();
      if (members->empty()) return DataError(path + ": the zip archive holds no files");
      source = *std::max_element(members->begin(), members->end(), [](const auto& a, const auto& b) {
        return a.size_on_disk < b.size_on_disk;
      });
    }
    Result<InputBuffer> loaded = LoadInput(source);
    if (!loaded.ok()) return loaded.status();
    decompressed = std::move(*loaded);
    text = decompressed.view();
  } else {
    mapped->AdviseSequential();
  }

  EdgeListLoad load;
  load.bytes = text.size();
  MatrixMarketHeader matrix_market = ReadMatrixMarketHeader(text);
  std::string_view body = text.substr(matrix_market.body_start);

  // Newline-aligned chunks, one per thread.
  int threads = options.threads > 0 ? options.threads : omp_get_max_threads();
  threads = std::max(1, std::min<int>(threads, static_cast<int>(body.size() / (1 << 20)) + 1));
  std::vector<size_t> bounds{0};
  for (int chunk = 1; chunk < threads; ++chunk) {
    size_t position = body.size() * static_cast<size_t>(chunk) / static_cast<size_t>(threads);
    position = std::max(position, bounds.back());
    size_t newline = body.find('\n', position);
    bounds.push_back(newline == std::string_view::npos ? body.size() : newline + 1);
  }
  bounds.push_back(body.size());
  std::vector<ChunkEdges> chunks(bounds.size() - 1);
#pragma omp parallel for schedule(static, 1) num_threads(threads)
  for (size_t chunk = 0; chunk < chunks.size(); ++chunk) {
    ParseChunk(body.substr(bounds[chunk], bounds[chunk + 1] - bounds[chunk]), options.use_weights, chunks[chunk]);
  }

  uint64_t edge_total = 0;
  uint64_t weighted_lines = 0;
  for (const ChunkEdges& chunk : chunks) {
    edge_total += chunk.sources.size();
    weighted_lines += chunk.weighted_lines;
  }
  std::vector<uint64_t> sources;
  std::vector<uint64_t> targets;
  std::vector<float> weights;
  const bool weighted = options.use_weights && weighted_lines > 0;
  load.lines = matrix_market.lines_before_body;
  if (chunks.size() == 1) {
    sources = std::move(chunks[0].sources);
    targets = std::move(chunks[0].targets);
    if (weighted) weights = std::move(chunks[0].weights);
  } else {
    sources.reserve(edge_total);
    targets.reserve(edge_total);
    if (weighted) weights.reserve(edge_total);
  }
  for (ChunkEdges& chunk : chunks) {
    if (chunks.size() > 1) {
      sources.insert(sources.end(), chunk.sources.begin(), chunk.sources.end());
      targets.insert(targets.end(), chunk.targets.begin(), chunk.targets.end());
      if (weighted) weights.insert(weights.end(), chunk.weights.begin(), chunk.weights.end());
      chunk.sources = {};
      chunk.targets = {};
      chunk.weights = {};
    }
    for (const EdgeListProblem& problem : chunk.problems) {
      if (load.problems.size() < kProblemsKept) load.problems.push_back({load.lines + problem.line, problem.message});
    }
    load.lines += chunk.lines;
    load.skipped_lines += chunk.skipped;
  }
  load.edges = sources.size();
  if (load.edges == 0) {
    std::string message = path + ": no edges found (expected lines of \"source target [weight]\")";
    if (!load.problems.empty()) {
      message += "; line " + std::to_string(load.problems[0].line) + ": " + load.problems[0].message;
    }
    return DataError(message);
  }
  load.graph = BuildFromLabelledEdges(std::move(sources), std::move(targets), std::move(weights), {},
                                      {.weighted = weighted,
                                       .merge_duplicates = options.merge_duplicates,
                                       .drop_self_loops = options.drop_self_loops,
                                       .undirected = options.undirected || matrix_market.symmetric});
  return load;
}

}  // namespace crowdlens::graph
