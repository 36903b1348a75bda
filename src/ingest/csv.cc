#include "ingest/csv.h"

namespace crowdlens {

CsvReader::CsvReader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvReader::SkipToLineStartingWith(std::string_view prefix) {
  size_t pos = pos_;
  int64_t line = line_;
  while (pos < text_.size()) {
    if (text_.substr(pos, prefix.size()) == prefix) {
      pos_ = pos;
      line_ = line;
      return true;
    }
    size_t end = text_.find('\n', pos);
    if (end == std::string_view::npos) break;
    pos = end + 1;
    ++line;
  }
  return false;
}

bool CsvReader::Next(CsvRecord& record) {
  // Skip blank lines.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  record.fields.clear();
  record.error.clear();
  record.line = line_;
  record.offset = static_cast<int64_t>(pos_);
  const size_t start = pos_;
  std::string field;
  bool in_quotes = false;
  bool field_was_quoted = false;
  size_t quote_line_end = std::string_view::npos;  // where the record's first line ends, to resync
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (in_quotes) {
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field += '"';
          pos_ += 2;
          continue;
        }
        in_quotes = false;
        ++pos_;
        continue;
      }
      if (c == '\n') {
        ++line_;
        if (quote_line_end == std::string_view::npos) quote_line_end = pos_;
      }
      field += c;
      ++pos_;
      continue;
    }
    if (c == '"' && field.empty() && !field_was_quoted) {
      in_quotes = true;
      field_was_quoted = true;
      ++pos_;
      continue;
    }
    if (c == delimiter_) {
      record.fields.push_back(std::move(field));
      field.clear();
      field_was_quoted = false;
      ++pos_;
      continue;
    }
    if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
      ++pos_;
      continue;
    }
    if (c == '\n') {
      ++pos_;
      ++line_;
      record.fields.push_back(std::move(field));
      size_t end = pos_ - 1;
      if (end > start && text_[end - 1] == '\r') --end;
      record.raw = text_.substr(start, end - start);
      return true;
    }
    field += c;
    ++pos_;
  }
  if (in_quotes) {
    // The quote never closed: report the record's first line and resume after it.
    size_t end = quote_line_end == std::string_view::npos ? text_.size() : quote_line_end;
    record.raw = text_.substr(start, end - start);
    record.error = "a quoted field opened here never closes (an unbalanced \"); fix the quotes of this record";
    record.fields.clear();
    line_ = record.line + 1;
    pos_ = end == text_.size() ? end : end + 1;
    return true;
  }
  record.fields.push_back(std::move(field));
  record.raw = text_.substr(start);
  if (!record.raw.empty() && record.raw.back() == '\r') record.raw.remove_suffix(1);
  return true;
}

CsvHeader::CsvHeader(const std::vector<std::string>& names) {
  for (size_t index = 0; index < names.size(); ++index) index_.emplace(Normalise(names[index]), index);
}

std::string CsvHeader::Normalise(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::optional<size_t> CsvHeader::Find(std::string_view name) const {
  auto found = index_.find(Normalise(name));
  if (found == index_.end()) return std::nullopt;
  return found->second;
}

std::optional<size_t> CsvHeader::FindAny(std::initializer_list<std::string_view> names) const {
  for (std::string_view name : names) {
    if (auto index = Find(name)) return index;
  }
  return std::nullopt;
}

std::string_view CsvHeader::Get(const CsvRecord& record, std::string_view name) const {
  std::optional<size_t> index = Find(name);
  if (!index || *index >= record.fields.size()) return {};
  return record.fields[*index];
}

}  // namespace crowdlens
