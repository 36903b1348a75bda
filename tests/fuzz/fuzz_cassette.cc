// Fuzzes the recorded API cassette reader (ingest/cassette_reader.h): the bytes are an in-memory input named "cassette.json" that
// ReadInput reads as cassette (Format::kCassette, as `--as` would force), and every batch is checked
// as fuzz_reader.h says.
#include <cstddef>
#include <cstdint>

#include "fuzz_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crowdlens::fuzz::ReadAsFormat(crowdlens::Format::kCassette, "cassette.json", data, size);
}
