// The binary graph file (.clg): a Graph's arrays as they lie in memory, so a
// large graph is memory-mapped instead of re-parsed.
//
// Layout: a 128-byte header (magic "CLGRAPH\1", format version, flags, node
// and edge counts, the byte offset and length of each array, a CRC-32 of the
// header and of every array), then each array 64-byte aligned. A torn or
// altered file fails its checksum and is reported, never read as garbage.
// Files are written to a temporary name, flushed and renamed into place.
//
//   Status written = WriteGraphFile(graph, "follow.clg");
//   Result<Graph> mapped = ReadGraphFile("follow.clg");
#pragma once

#include <string>

#include "core/status.h"
#include "graph/graph.h"

namespace crowdlens::graph {

Status WriteGraphFile(const Graph& graph, const std::string& path);

// Maps the file read-only and checks it. kDataError for a bad or torn file.
Result<Graph> ReadGraphFile(const std::string& path);

}  // namespace crowdlens::graph
