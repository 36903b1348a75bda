// Fuzzes the RFC 4180 CSV reader (ingest/csv.h) with arbitrary text, read with
// ',' and again with '\t' as the delimiter. Invariants: records come in order
// (lines and offsets rising) and their raw bytes are the input's at their
// offset; reading always ends; a record read without error, written back as
// RFC 4180 (every field quoted), reads back to the same fields; and a header
// finds each of its own column names.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "ingest/csv.h"

namespace {

using crowdlens::CsvReader;
using crowdlens::CsvRecord;

std::string WriteQuoted(const std::vector<std::string>& fields, char delimiter) {
  std::string out;
  for (size_t index = 0; index < fields.size(); ++index) {
    if (index > 0) out += delimiter;
    out += '"';
    for (char c : fields[index]) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out + "\r\n";
}

void ReadAll(std::string_view text, char delimiter) {
  CsvReader reader(text, delimiter);
  CsvRecord record;
  int64_t previous_line = 0, previous_offset = -1;
  size_t records = 0;
  bool header_checked = false;
  while (reader.Next(record)) {
    FUZZ_CHECK(++records <= text.size() + 1, "more records than bytes: reading does not advance");
    FUZZ_CHECK(record.line > previous_line, "a record's line does not follow the previous one");
    FUZZ_CHECK(record.offset > previous_offset, "a record's offset does not follow the previous one");
    FUZZ_CHECK(static_cast<uint64_t>(record.offset) <= text.size(), "a record starts past the text");
    FUZZ_CHECK(record.raw.data() >= text.data() && record.raw.data() + record.raw.size() <= text.data() + text.size(),
               "a record's raw bytes lie outside the text");
    previous_line = record.line;
    previous_offset = record.offset;
    if (!record.error.empty()) continue;
    FUZZ_CHECK(!record.fields.empty(), "a record without fields");

    std::string written = WriteQuoted(record.fields, delimiter);
    CsvReader again(written, delimiter);
    CsvRecord reread;
    FUZZ_CHECK(again.Next(reread) && reread.error.empty(), "a record written back as RFC 4180 does not read");
    FUZZ_CHECK(reread.fields == record.fields, "a record written back as RFC 4180 reads to other fields");

    if (!header_checked) {
      header_checked = true;
      crowdlens::CsvHeader header(record.fields);
      for (const std::string& name : record.fields) {
        std::optional<size_t> column = header.Find(name);
        FUZZ_CHECK(column && *column < record.fields.size(), "a header does not find its own column");
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ReadAll(text, ',');
  ReadAll(text, '\t');
  return 0;
}
