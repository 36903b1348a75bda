// Fuzzes the X archive reader (ingest/x_archive_reader.h): the bytes are an in-memory input
// named "data/tweets.js" that ReadInput reads as x-archive (Format::kXArchive, as `--as` would
// force); the content's window.YTD prefix names the part (follower, account...), else the name
// does. No account.js lies beside it, so --of names the owner. Every batch is checked as
// fuzz_reader.h says.
#include <cstddef>
#include <cstdint>

#include "fuzz_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crowdlens::fuzz::ReadAsFormat(crowdlens::Format::kXArchive, "data/tweets.js", data, size);
}
