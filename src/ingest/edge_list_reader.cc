#include "ingest/edge_list_reader.h"

#include <charconv>
#include <cstring>
#include <filesystem>

namespace crowdlens {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == ','; }

// Splits a line into at most `limit` tokens; returns how many it found.
size_t Tokenise(std::string_view line, std::string_view* tokens, size_t limit) {
  size_t count = 0;
  size_t pos = 0;
  while (pos < line.size() && count < limit) {
    while (pos < line.size() && IsSpace(line[pos])) ++pos;
    if (pos >= line.size()) break;
    size_t start = pos;
    while (pos < line.size() && !IsSpace(line[pos])) ++pos;
    tokens[count++] = line.substr(start, pos - start);
  }
  return count;
}

bool ParseWeight(std::string_view token, double& weight) {
  auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), weight);
  return error == std::errc() && end == token.data() + token.size();
}

// Walks the lines of `bytes`, calling `on_line(line_text, line_number, offset)`
// for each non-empty line; stops early when it returns a failed Status.
template <typename OnLine>
Status ForEachLine(std::string_view bytes, BatchEmitter& emitter, OnLine on_line) {
  size_t pos = 0;
  int64_t line_number = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    ++line_number;
    std::string_view line = bytes.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t line_offset = pos;
    pos = end + 1;
    if (line.empty()) continue;
    CROWDLENS_RETURN_IF_ERROR(on_line(line, line_number, static_cast<int64_t>(line_offset)));
    if ((line_number & 1023) == 0) CROWDLENS_RETURN_IF_ERROR(emitter.Progress(std::min(pos, bytes.size())));
  }
  return emitter.Progress(bytes.size());
}

bool IsComment(std::string_view line) {
  size_t first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#' || line[first] == '%';
}

}  // namespace

std::string GraphPlatformFor(const InputSource& source) {
  std::string name = source.member.empty() ? source.path : source.member;
  std::string stem = std::filesystem::path(name).filename().string();
  for (const char* suffix : {".gz", ".zst", ".txt", ".edgelist", ".edges", ".mtx", ".tsv", ".csv"}) {
    if (stem.size() > std::strlen(suffix) && stem.ends_with(suffix)) stem.resize(stem.size() - std::strlen(suffix));
  }
  return "graph:" + stem;
}

Status ReadEdgeList(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                    BatchEmitter& emitter) {
  const std::string platform = options.platform.empty() ? GraphPlatformFor(source) : options.platform;
  CROWDLENS_RETURN_IF_ERROR(ForEachLine(buffer.view(), emitter, [&](std::string_view line, int64_t line_number,
                                                                     int64_t offset) -> Status {
    if (IsComment(line)) return Status::Ok();
    std::string_view tokens[3];
    size_t count = Tokenise(line, tokens, 3);
    if (count < 2) {
      emitter.Quarantine(source.name, line_number, offset,
                         "an edge needs two node ids (\"source target [weight]\"); fix or remove the line", line);
      return Status::Ok();
    }
    double weight = 1.0;
    if (count == 3 && !ParseWeight(tokens[2], weight)) {
      emitter.Quarantine(source.name, line_number, offset,
                         "the third column (weight) is not a number; fix or remove the line", line);
      return Status::Ok();
    }
    emitter.batch().edges.push_back(Edge{.platform = platform,
                                         .source_id = std::string(tokens[0]),
                                         .target_id = std::string(tokens[1]),
                                         .relation = options.relation,
                                         .weight = weight,
                                         .observed_at = options.import_time});
    return Status::Ok();
  }));
  return emitter.Finish();
}

Status ReadMatrixMarket(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                        BatchEmitter& emitter) {
  const std::string platform = options.platform.empty() ? GraphPlatformFor(source) : options.platform;
  bool header_seen = false, size_seen = false, symmetric = false, pattern = false;
  int64_t declared_entries = 0, entries = 0;
  CROWDLENS_RETURN_IF_ERROR(ForEachLine(buffer.view(), emitter, [&](std::string_view line, int64_t line_number,
                                                                     int64_t offset) -> Status {
    if (!header_seen) {
      header_seen = true;
      std::string lower(line);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!lower.starts_with("%%matrixmarket matrix coordinate") && !lower.starts_with("%matrixmarket matrix coordinate")) {
        return DataError(source.name + " line 1: not a Matrix Market coordinate file (expected "
                         "\"%%MatrixMarket matrix coordinate ...\"); import it as an edge list with --as edgelist");
      }
      symmetric = lower.find("symmetric") != std::string::npos || lower.find("hermitian") != std::string::npos;
      pattern = lower.find("pattern") != std::string::npos;
      return Status::Ok();
    }
    if (IsComment(line)) return Status::Ok();
    std::string_view tokens[3];
    size_t count = Tokenise(line, tokens, 3);
    if (!size_seen) {
      size_seen = true;
      if (count < 3 || std::from_chars(tokens[2].data(), tokens[2].data() + tokens[2].size(), declared_entries).ec !=
                           std::errc()) {
        return DataError(source.name + " line " + std::to_string(line_number) +
                         ": expected the size line \"rows columns entries\"");
      }
      return Status::Ok();
    }
    double weight = 1.0;
    if (count < 2 || (!pattern && count == 3 && !ParseWeight(tokens[2], weight))) {
      emitter.Quarantine(source.name, line_number, offset,
                         "a Matrix Market entry is \"row column [value]\"; fix or remove the line", line);
      return Status::Ok();
    }
    ++entries;
    Edge edge{.platform = platform,
              .source_id = std::string(tokens[0]),
              .target_id = std::string(tokens[1]),
              .relation = options.relation,
              .weight = weight,
              .observed_at = options.import_time};
    if (symmetric && tokens[0] != tokens[1]) {
      Edge reverse = edge;
      std::swap(reverse.source_id, reverse.target_id);
      emitter.batch().edges.push_back(std::move(reverse));
    }
    emitter.batch().edges.push_back(std::move(edge));
    return Status::Ok();
  }));
  if (size_seen && entries != declared_entries) {
    emitter.Quarantine(source.name, 0, static_cast<int64_t>(buffer.size()),
                       "the header declares " + std::to_string(declared_entries) + " entries but " +
                           std::to_string(entries) + " were read (a truncated or edited file?)",
                       "");
  }
  return emitter.Finish();
}

}  // namespace crowdlens
