#include "ingest/json_records.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace crowdlens {
namespace {

size_t SkipWhitespace(std::string_view bytes, size_t pos) {
  while (pos < bytes.size() && (bytes[pos] == ' ' || bytes[pos] == '\t' || bytes[pos] == '\n' || bytes[pos] == '\r')) {
    ++pos;
  }
  return pos;
}

// Skips a UTF-8 byte order mark and a JavaScript assignment (`window.YTD.x = `).
size_t SkipPreamble(std::string_view bytes) {
  size_t pos = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  pos = SkipWhitespace(bytes, pos);
  if (pos < bytes.size() && bytes[pos] != '{' && bytes[pos] != '[') {
    size_t equals = bytes.find('=', pos);
    size_t newline = bytes.find('\n', pos);
    if (equals != std::string_view::npos && (newline == std::string_view::npos || equals < newline) &&
        bytes.substr(pos, equals - pos).find_first_of("{[\"") == std::string_view::npos) {
      pos = SkipWhitespace(bytes, equals + 1);
    }
  }
  return pos;
}

}  // namespace

size_t FindJsonValueEnd(std::string_view bytes, size_t pos) {
  int depth = 0;
  bool in_string = false;
  for (size_t index = pos; index < bytes.size(); ++index) {
    char c = bytes[index];
    if (in_string) {
      if (c == '\\') {
        ++index;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return index + 1;
    }
  }
  return std::string_view::npos;
}

namespace {

class RecordParser {
 public:
  RecordParser(std::string_view source_name, BatchEmitter& emitter, const JsonRecordHandler& handler)
      : source_name_(source_name), emitter_(emitter), handler_(handler) {}

  // Parses `text` as one record; any failure becomes a quarantine entry.
  void Parse(std::string_view text, const JsonRecordPosition& position) {
    scratch_.resize(text.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(scratch_.data(), text.data(), text.size());
    std::memset(scratch_.data() + text.size(), 0, simdjson::SIMDJSON_PADDING);
    std::string reason;
    try {
      simdjson::ondemand::document document = parser_.iterate(scratch_.data(), text.size(), scratch_.size());
      simdjson::ondemand::value value = document.get_value();
      handler_(value, position);
    } catch (const simdjson::simdjson_error& error) {
      reason = std::string("not valid JSON or a field of the wrong type (") + simdjson::error_message(error.error()) + ")";
    } catch (const RecordError& error) {
      reason = error.what();
    }
    if (!reason.empty()) {
      emitter_.Quarantine(source_name_, position.line, position.offset, reason + "; fix or remove the record", text);
    }
  }

 private:
  std::string_view source_name_;
  BatchEmitter& emitter_;
  const JsonRecordHandler& handler_;
  simdjson::ondemand::parser parser_;
  std::vector<char> scratch_;
};

Status ReadLines(std::string_view bytes, size_t start, uint64_t base_offset, RecordParser& parser,
                 BatchEmitter& emitter) {
  int64_t line = 1;
  for (size_t index = 0; index < start; ++index) line += bytes[index] == '\n';
  size_t pos = start;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view text = bytes.substr(pos, end - pos);
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    size_t first = SkipWhitespace(text, 0);
    // Records glued on one line ("}{", as naive concatenation leaves them) are
    // split and each read; the parser alone would read the first and drop the rest.
    bool glued = text.find("}{") != std::string_view::npos || text.find("} {") != std::string_view::npos;
    while (first < text.size()) {
      size_t value_end = glued && text[first] == '{' ? FindJsonValueEnd(text, first) : std::string_view::npos;
      size_t record_end = value_end == std::string_view::npos ? text.size() : value_end;
      parser.Parse(text.substr(first, record_end - first),
                   {.line = line, .offset = static_cast<int64_t>(base_offset + pos + first)});
      first = SkipWhitespace(text, record_end);
    }
    pos = end + 1;
    ++line;
    CROWDLENS_RETURN_IF_ERROR(emitter.Progress(base_offset + std::min(pos, bytes.size())));
  }
  return Status::Ok();
}

Status ReadArray(std::string_view source_name, std::string_view bytes, size_t start, uint64_t base_offset,
                 RecordParser& parser, BatchEmitter& emitter) {
  int64_t line = 1;
  size_t counted_to = 0;
  auto line_at = [&](size_t pos) {
    for (; counted_to < pos; ++counted_to) line += bytes[counted_to] == '\n';
    return line;
  };
  size_t pos = SkipWhitespace(bytes, start + 1);  // past '['
  while (pos < bytes.size()) {
    char c = bytes[pos];
    if (c == ']') return Status::Ok();
    if (c == ',') {
      pos = SkipWhitespace(bytes, pos + 1);
      continue;
    }
    size_t end;
    if (c == '{' || c == '[') {
      end = FindJsonValueEnd(bytes, pos);
    } else {
      end = bytes.find_first_of(",]", pos);
    }
    if (end == std::string_view::npos) {
      emitter.Quarantine(source_name, line_at(pos), static_cast<int64_t>(base_offset + pos),
                         "the JSON array is cut off here (a truncated file?); the records before it were read",
                         bytes.substr(pos));
      return emitter.Progress(base_offset + bytes.size());
    }
    parser.Parse(bytes.substr(pos, end - pos),
                 {.line = line_at(pos), .offset = static_cast<int64_t>(base_offset + pos)});
    pos = SkipWhitespace(bytes, end);
    CROWDLENS_RETURN_IF_ERROR(emitter.Progress(base_offset + pos));
  }
  emitter.Quarantine(source_name, line_at(bytes.size()), static_cast<int64_t>(base_offset + bytes.size()),
                     "the JSON array is not closed with ']' (a truncated file?); the records before it were read", "");
  return Status::Ok();
}

}  // namespace

std::string_view JsonValueTextAt(const char* start) {
  std::string_view rest(start, std::strlen(start));  // the parsed buffer ends in zero padding
  size_t end = FindJsonValueEnd(rest, 0);
  return end == std::string_view::npos ? rest : rest.substr(0, end);
}

bool SpoilsOnlyItsElement(simdjson::error_code code) {
  return code == simdjson::INCORRECT_TYPE || code == simdjson::NUMBER_ERROR || code == simdjson::NUMBER_OUT_OF_RANGE ||
         code == simdjson::STRING_ERROR;
}

void QuarantineElementFailures(std::string_view source_name, const JsonRecordPosition& position,
                               const char* record_start, const std::vector<ElementFailure>& failures,
                               BatchEmitter& emitter) {
  for (const ElementFailure& failure : failures) {
    int64_t line = position.line + std::count(record_start, failure.start, '\n');
    emitter.Quarantine(source_name, line, position.offset + (failure.start - record_start),
                       failure.reason + "; fix or remove the record", JsonValueTextAt(failure.start));
  }
}

JsonLayout DetectJsonLayout(std::string_view bytes) {
  size_t pos = SkipPreamble(bytes);
  if (pos >= bytes.size()) return JsonLayout::kEmpty;
  if (bytes[pos] == '[') return JsonLayout::kArray;
  // JSON lines when the first line is a complete value and more follows it.
  size_t newline = bytes.find('\n', pos);
  if (newline == std::string_view::npos) return JsonLayout::kDocument;
  size_t end = FindJsonValueEnd(bytes.substr(0, newline), pos);
  if (end == std::string_view::npos) return JsonLayout::kDocument;
  return SkipWhitespace(bytes, newline) < bytes.size() ? JsonLayout::kLines : JsonLayout::kDocument;
}

Status ForEachJsonRecordInText(std::string_view source_name, std::string_view text, BatchEmitter& emitter,
                               const JsonRecordHandler& handler, uint64_t base_offset) {
  RecordParser parser(source_name, emitter, handler);
  size_t start = SkipPreamble(text);
  switch (DetectJsonLayout(text)) {
    case JsonLayout::kEmpty:
      return Status::Ok();
    case JsonLayout::kArray:
      return ReadArray(source_name, text, start, base_offset, parser, emitter);
    case JsonLayout::kLines:
      return ReadLines(text, start, base_offset, parser, emitter);
    case JsonLayout::kDocument: {
      // A single (perhaps pretty-printed) value: read it whole.
      int64_t line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(start), '\n');
      parser.Parse(text.substr(start), {.line = line, .offset = static_cast<int64_t>(base_offset + start)});
      return emitter.Progress(base_offset + text.size());
    }
  }
  return Status::Ok();
}

Status ForEachJsonRecord(const InputSource& source, const InputBuffer& buffer, BatchEmitter& emitter,
                         const JsonRecordHandler& handler) {
  return ForEachJsonRecordInText(source.name, buffer.view(), emitter, handler);
}

}  // namespace crowdlens
