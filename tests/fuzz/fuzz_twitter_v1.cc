// Fuzzes the Twitter API v1.1 reader (ingest/twitter_v1_reader.h): the bytes are an in-memory input named "input.jsonl" that
// ReadInput reads as twitter-v1 (Format::kTwitterV1, as `--as` would force), and every batch is checked
// as fuzz_reader.h says.
#include <cstddef>
#include <cstdint>

#include "fuzz_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crowdlens::fuzz::ReadAsFormat(crowdlens::Format::kTwitterV1, "input.jsonl", data, size);
}
