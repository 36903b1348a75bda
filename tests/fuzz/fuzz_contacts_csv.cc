// Fuzzes the address book CSV reader (ingest/contacts_csv_reader.h): the bytes are an in-memory input named "Connections.csv" that
// ReadInput reads as contacts-csv (Format::kContactsCsv, as `--as` would force), and every batch is checked
// as fuzz_reader.h says.
#include <cstddef>
#include <cstdint>

#include "fuzz_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crowdlens::fuzz::ReadAsFormat(crowdlens::Format::kContactsCsv, "Connections.csv", data, size);
}
