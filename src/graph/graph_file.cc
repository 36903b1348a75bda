#include "graph/graph_file.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <thread>

#include "core/mapped_file.h"

namespace crowdlens::graph {
namespace {

constexpr char kMagic[8] = {'C', 'L', 'G', 'R', 'A', 'P', 'H', '\1'};
constexpr uint32_t kVersion = 1;
constexpr uint32_t kWeightedFlag = 1;
constexpr size_t kHeaderBytes = 256;
constexpr size_t kAlignment = 64;

enum Section { kOffsets, kSources, kWeights, kOutWeight, kLabels, kSectionCount };

struct SectionEntry {
  uint64_t offset;
  uint64_t length;
  uint32_t crc;
  uint32_t reserved;
};

struct FileHeader {
  char magic[8];
  uint32_t version;
  uint32_t flags;
  uint64_t node_count;
  uint64_t edge_count;
  SectionEntry sections[kSectionCount];
  uint32_t header_crc;  // of every byte before this field
};
static_assert(sizeof(FileHeader) <= kHeaderBytes);

uint32_t Crc(const void* bytes, size_t length) {
  // zlib's crc32 takes 32-bit lengths on older versions; feed it in pieces.
  uLong crc = crc32(0L, Z_NULL, 0);
  const auto* cursor = static_cast<const Bytef*>(bytes);
  while (length > 0) {
    uInt piece = static_cast<uInt>(std::min<size_t>(length, 1u << 30));
    crc = crc32(crc, cursor, piece);
    cursor += piece;
    length -= piece;
  }
  return static_cast<uint32_t>(crc);
}

uint32_t HeaderCrc(const FileHeader& header) { return Crc(&header, offsetof(FileHeader, header_crc)); }

size_t AlignUp(size_t value) { return (value + kAlignment - 1) / kAlignment * kAlignment; }

struct MappedStorage : GraphStorage {
  MappedFile file;
};

Status WriteAll(int descriptor, const void* bytes, size_t length, const std::string& path) {
  const char* cursor = static_cast<const char*>(bytes);
  while (length > 0) {
    ssize_t written = write(descriptor, cursor, length);
    if (written < 0) {
      if (errno == EINTR) continue;
      return IoError(path + ": write failed: " + std::strerror(errno));
    }
    cursor += written;
    length -= static_cast<size_t>(written);
  }
  return Status::Ok();
}

}  // namespace

Status WriteGraphFile(const Graph& graph, const std::string& path) {
  std::array<std::span<const std::byte>, kSectionCount> arrays = {
      std::as_bytes(graph.in().offsets), std::as_bytes(graph.in().neighbors), std::as_bytes(graph.in().weights),
      std::as_bytes(graph.out_weight()), std::as_bytes(graph.labels())};
  FileHeader header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kVersion;
  header.flags = graph.weighted() ? kWeightedFlag : 0;
  header.node_count = graph.node_count();
  header.edge_count = graph.edge_count();
  size_t position = kHeaderBytes;
  for (int section = 0; section < kSectionCount; ++section) {
    header.sections[section] = {.offset = position, .length = arrays[section].size(),
                                .crc = Crc(arrays[section].data(), arrays[section].size())};
    position = AlignUp(position + arrays[section].size());
  }
  header.header_crc = HeaderCrc(header);

  // Threads of one process (the server's workers) may write the same file at once: each its own temporary.
  std::string temporary = path + ".tmp" + std::to_string(getpid()) + "." +
                          std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
  int descriptor = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (descriptor < 0) return IoError(temporary + ": cannot create: " + std::strerror(errno));
  std::array<char, kHeaderBytes> header_bytes{};
  std::memcpy(header_bytes.data(), &header, sizeof header);
  Status status = WriteAll(descriptor, header_bytes.data(), header_bytes.size(), temporary);
  const std::array<char, kAlignment> zeros{};
  size_t written = kHeaderBytes;
  for (int section = 0; status.ok() && section < kSectionCount; ++section) {
    status = WriteAll(descriptor, arrays[section].data(), arrays[section].size(), temporary);
    written += arrays[section].size();
    if (status.ok() && AlignUp(written) != written) {
      status = WriteAll(descriptor, zeros.data(), AlignUp(written) - written, temporary);
      written = AlignUp(written);
    }
  }
  if (status.ok() && fsync(descriptor) != 0) status = IoError(temporary + ": fsync failed: " + std::strerror(errno));
  close(descriptor);
  if (status.ok() && std::rename(temporary.c_str(), path.c_str()) != 0) {
    status = IoError(path + ": cannot rename into place: " + std::strerror(errno));
  }
  if (!status.ok()) std::filesystem::remove(temporary);
  return status;
}

Result<Graph> ReadGraphFile(const std::string& path) {
  Result<MappedFile> mapped = MappedFile::Open(path);
  if (!mapped.ok()) return mapped.status();
  auto corrupt = [&path](const std::string& why) {
    return DataError(path + ": not a valid crowdlens graph file (" + why + "); delete it and build it again");
  };
  if (mapped->size() < kHeaderBytes) return corrupt("shorter than its header");
  FileHeader header;
  std::memcpy(&header, mapped->data(), sizeof header);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0) return corrupt("wrong magic bytes");
  if (header.version != kVersion) return corrupt("format version " + std::to_string(header.version));
  if (HeaderCrc(header) != header.header_crc) return corrupt("header checksum mismatch");
  const bool weighted = (header.flags & kWeightedFlag) != 0;
  const uint64_t nodes = header.node_count;
  const uint64_t edges = header.edge_count;
  const uint64_t expected_lengths[kSectionCount] = {(nodes + 1) * sizeof(EdgeIndex), edges * sizeof(NodeId),
                                                    weighted ? edges * sizeof(float) : 0, nodes * sizeof(float),
                                                    nodes * sizeof(uint64_t)};
  if (nodes >= (uint64_t{1} << 32)) return corrupt("node count out of range");
  for (int section = 0; section < kSectionCount; ++section) {
    const SectionEntry& entry = header.sections[section];
    if (entry.length != expected_lengths[section] || entry.offset % kAlignment != 0 ||
        entry.offset > mapped->size() || entry.length > mapped->size() - entry.offset) {
      return corrupt("section " + std::to_string(section) + " out of bounds: the file is truncated");
    }
    if (Crc(mapped->data() + entry.offset, entry.length) != entry.crc) {
      return corrupt("section " + std::to_string(section) + " checksum mismatch: the file is torn or altered");
    }
  }
  auto section_span = [&]<typename T>(Section section, const T*) {
    const SectionEntry& entry = header.sections[section];
    return std::span<const T>(reinterpret_cast<const T*>(mapped->data() + entry.offset), entry.length / sizeof(T));
  };
  std::span<const EdgeIndex> offsets = section_span(kOffsets, static_cast<const EdgeIndex*>(nullptr));
  if (offsets[0] != 0 || offsets[nodes] != edges) return corrupt("offsets do not span the edges");
  for (uint64_t node = 0; node < nodes; ++node) {
    if (offsets[node] > offsets[node + 1]) return corrupt("offsets are not ascending");
  }
  std::span<const NodeId> sources = section_span(kSources, static_cast<const NodeId*>(nullptr));
  for (NodeId source : sources) {
    if (source >= nodes) return corrupt("an edge names a node that does not exist");
  }
  Adjacency in{.offsets = offsets, .neighbors = sources,
               .weights = section_span(kWeights, static_cast<const float*>(nullptr))};
  std::span<const float> out_weight = section_span(kOutWeight, static_cast<const float*>(nullptr));
  std::span<const uint64_t> labels = section_span(kLabels, static_cast<const uint64_t*>(nullptr));
  auto storage = std::make_unique<MappedStorage>();
  storage->file = std::move(*mapped);
  return Graph(static_cast<NodeId>(nodes), in, out_weight, labels, std::move(storage));
}

}  // namespace crowdlens::graph
