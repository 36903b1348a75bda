// Fuzzes the Bluesky reader (ingest/bluesky_reader.h: Jetstream events, records, API responses): the bytes are an in-memory input named "input.jsonl" that
// ReadInput reads as bluesky (Format::kBluesky, as `--as` would force), and every batch is checked
// as fuzz_reader.h says.
#include <cstddef>
#include <cstdint>

#include "fuzz_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crowdlens::fuzz::ReadAsFormat(crowdlens::Format::kBluesky, "input.jsonl", data, size);
}
