// Fuzzes the vCard reader (ingest/vcard_reader.h): the bytes are an in-memory input named "cards.vcf" that
// ReadInput reads as vcard (Format::kVcard, as `--as` would force), and every batch is checked
// as fuzz_reader.h says.
#include <cstddef>
#include <cstdint>

#include "fuzz_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crowdlens::fuzz::ReadAsFormat(crowdlens::Format::kVcard, "cards.vcf", data, size);
}
