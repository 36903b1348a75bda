// Fuzzes the Mastodon reader (ingest/mastodon_reader.h): the bytes are an in-memory input named "statuses.json" that
// ReadInput reads as mastodon (Format::kMastodon, as `--as` would force), and every batch is checked
// as fuzz_reader.h says.
#include <cstddef>
#include <cstdint>

#include "fuzz_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crowdlens::fuzz::ReadAsFormat(crowdlens::Format::kMastodon, "statuses.json", data, size);
}
