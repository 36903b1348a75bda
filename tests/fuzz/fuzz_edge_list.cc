// Fuzzes the whitespace edge list reader (ingest/edge_list_reader.h): the bytes are an in-memory input named "follows.txt" that
// ReadInput reads as edgelist (Format::kEdgeList, as `--as` would force), and every batch is checked
// as fuzz_reader.h says.
#include <cstddef>
#include <cstdint>

#include "fuzz_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crowdlens::fuzz::ReadAsFormat(crowdlens::Format::kEdgeList, "follows.txt", data, size);
}
