// Fuzzes the Twitter API v2 reader (ingest/twitter_v2_reader.h): the bytes are an in-memory input named "input.jsonl" that
// ReadInput reads as twitter-v2 (Format::kTwitterV2, as `--as` would force), and every batch is checked
// as fuzz_reader.h says.
#include <cstddef>
#include <cstdint>

#include "fuzz_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crowdlens::fuzz::ReadAsFormat(crowdlens::Format::kTwitterV2, "input.jsonl", data, size);
}
