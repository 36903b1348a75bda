// Fuzzes the Matrix Market reader (ingest/edge_list_reader.h): the bytes are an in-memory input named "graph.mtx" that
// ReadInput reads as mtx (Format::kMatrixMarket, as `--as` would force), and every batch is checked
// as fuzz_reader.h says.
#include <cstddef>
#include <cstdint>

#include "fuzz_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crowdlens::fuzz::ReadAsFormat(crowdlens::Format::kMatrixMarket, "graph.mtx", data, size);
}
