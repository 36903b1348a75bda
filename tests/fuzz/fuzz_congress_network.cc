// Fuzzes the SNAP Congress network reader (ingest/congress_network_reader.h): the bytes are an in-memory input named "congress_network.json" that
// ReadInput reads as congress-network (Format::kCongressNetwork, as `--as` would force), and every batch is checked
// as fuzz_reader.h says.
#include <cstddef>
#include <cstdint>

#include "fuzz_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crowdlens::fuzz::ReadAsFormat(crowdlens::Format::kCongressNetwork, "congress_network.json", data, size);
}
