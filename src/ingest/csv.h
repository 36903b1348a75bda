// CSV after RFC 4180: quoted fields with embedded commas, quotes ("") and
// line breaks, CRLF or LF endings, a UTF-8 BOM. Exports in the wild also
// carry preambles (LinkedIn's "Notes:" lines) and unbalanced quotes; a
// record whose quote never closes is reported with the line it started on,
// and reading resumes on the next line, so one bad record costs only itself.
//
//   CsvReader reader(text);
//   CsvRecord record;
//   while (reader.Next(record)) {
//     if (!record.error.empty()) { ...quarantine record.raw at record.line... continue; }
//     ...record.fields...
//   }
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crowdlens {

struct CsvRecord {
  std::vector<std::string> fields;
  int64_t line = 0;       // 1-based line where the record starts
  int64_t offset = 0;     // byte offset where the record starts
  std::string_view raw;   // the record's bytes as written
  std::string error;      // non-empty when the record could not be read
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view text, char delimiter = ',');

  // Reads the next record; false at the end of the text. Blank lines are skipped.
  bool Next(CsvRecord& record);

  // Skips lines until one that starts with `prefix` (a header after a preamble);
  // false when no such line exists, and nothing is consumed then.
  bool SkipToLineStartingWith(std::string_view prefix);

 private:
  std::string_view text_;
  char delimiter_;
  size_t pos_ = 0;
  int64_t line_ = 1;
};

// Column lookup by header name, case- and space-insensitive ("E-mail Address" == "e-mail address").
class CsvHeader {
 public:
  CsvHeader() = default;
  explicit CsvHeader(const std::vector<std::string>& names);

  std::optional<size_t> Find(std::string_view name) const;
  // The first of several names that exists ("text", "full_text").
  std::optional<size_t> FindAny(std::initializer_list<std::string_view> names) const;
  // The field of `record` under `name`, or empty when the column or value is absent.
  std::string_view Get(const CsvRecord& record, std::string_view name) const;
  size_t size() const { return index_.size(); }

 private:
  static std::string Normalise(std::string_view name);
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace crowdlens
