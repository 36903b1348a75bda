#include "ingest/export_cells.h"

#include "core/hex.h"
#include "ingest/json_fields.h"
#include "text/code_points.h"

namespace crowdlens {
namespace {

// The value an entity object carries for `kind`, e.g. {"tag": "a"} or {"username": "b", "id": "7"}.
std::optional<ListCellItem> ReadEntityObject(std::string_view object_text, ListCellKind kind,
                                             simdjson::ondemand::parser& parser) {
  try {
    simdjson::padded_string json(object_text);
    simdjson::ondemand::document doc = parser.iterate(json);
    ListCellItem item;
    std::string url, expanded;
    for (auto field : doc.get_object()) {
      std::string_view key = field.unescaped_key();
      if (key == "tag" || key == "text") {
        if (kind == ListCellKind::kHashtags) item.value = json::String(field.value()).value_or("");
      } else if (key == "username" || key == "screen_name") {
        item.value = json::String(field.value()).value_or("");
      } else if (key == "id" || key == "id_str") {
        item.id = json::Id(field.value()).value_or(item.id);
      } else if (key == "expanded_url") {
        expanded = json::String(field.value()).value_or("");
      } else if (key == "url") {
        url = json::String(field.value()).value_or("");
      }
    }
    if (kind == ListCellKind::kUrls) item.value = expanded.empty() ? url : expanded;
    if (item.value.empty()) return std::nullopt;
    return item;
  } catch (const simdjson::simdjson_error&) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<std::string> DecodeQuoted(std::string_view text, size_t& pos) {
  const char quote = text[pos++];
  std::string out;
  auto read_hex = [&](size_t digits) -> std::optional<uint32_t> {
    if (pos + digits > text.size()) return std::nullopt;
    uint32_t value = 0;
    for (size_t i = 0; i < digits; ++i) {
      int digit = HexDigit(text[pos + i]);
      if (digit < 0) return std::nullopt;
      value = value * 16 + static_cast<uint32_t>(digit);
    }
    pos += digits;
    return value;
  };
  while (pos < text.size()) {
    char c = text[pos++];
    if (c == quote) return out;
    if (c != '\\' || pos >= text.size()) {
      out += c;
      continue;
    }
    char escape = text[pos++];
    std::optional<uint32_t> point;
    switch (escape) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'x': point = read_hex(2); break;
      case 'U': point = read_hex(8); break;
      case 'u':
        point = read_hex(4);
        // A UTF-16 surrogate pair written as two escapes.
        if (point && *point >= 0xD800 && *point < 0xDC00 && text.substr(pos, 2) == "\\u") {
          size_t saved = pos;
          pos += 2;
          std::optional<uint32_t> low = read_hex(4);
          if (low && *low >= 0xDC00 && *low < 0xE000) {
            point = 0x10000 + ((*point - 0xD800) << 10) + (*low - 0xDC00);
          } else {
            pos = saved;
          }
        }
        break;
      default: out += escape; break;  // \\ \' \" \/ and unknown escapes
    }
    if (escape == 'x' || escape == 'u' || escape == 'U') {
      if (point) text::AppendUtf8(static_cast<char32_t>(*point), out);
    }
  }
  return std::nullopt;
}

std::vector<ListCellItem> ParseListCell(std::string_view cell, ListCellKind kind, simdjson::ondemand::parser& parser) {
  std::vector<ListCellItem> items;
  cell = json::Trim(cell);
  auto add = [&](std::string value, std::string id = {}) {
    value = std::string(json::Trim(value));
    if (!value.empty() && (value[0] == '#' || value[0] == '@')) value.erase(0, 1);
    if (!value.empty()) items.push_back({std::move(value), std::move(id)});
  };
  if (cell.empty()) return items;
  if (cell.front() != '[') {
    size_t start = 0;
    for (size_t pos = 0; pos <= cell.size(); ++pos) {
      if (pos < cell.size() && cell[pos] != ',' && cell[pos] != ' ' && cell[pos] != ';') continue;
      add(std::string(cell.substr(start, pos - start)));
      start = pos + 1;
    }
    return items;
  }
  size_t pos = 1;
  while (pos < cell.size()) {
    char c = cell[pos];
    if (c == ' ' || c == ',' || c == '\n' || c == '\t') {
      ++pos;
    } else if (c == ']') {
      break;
    } else if (c == '\'' || c == '"') {
      std::optional<std::string> value = DecodeQuoted(cell, pos);
      if (!value) break;
      add(std::move(*value));
    } else if (c == '{') {
      // The object ends at its matching brace; braces inside strings do not count.
      size_t end = pos, depth = 0;
      bool in_string = false;
      for (; end < cell.size(); ++end) {
        char d = cell[end];
        if (in_string) {
          if (d == '\\') ++end;
          else if (d == '"') in_string = false;
        } else if (d == '"') {
          in_string = true;
        } else if (d == '{') {
          ++depth;
        } else if (d == '}' && --depth == 0) {
          break;
        }
      }
      if (end >= cell.size()) break;
      if (std::optional<ListCellItem> item = ReadEntityObject(cell.substr(pos, end + 1 - pos), kind, parser)) {
        add(std::move(item->value), std::move(item->id));
      }
      pos = end + 1;
    } else {
      size_t end = cell.find_first_of(",]", pos);
      if (end == std::string_view::npos) end = cell.size();
      add(std::string(cell.substr(pos, end - pos)));
      pos = end;
    }
  }
  return items;
}

}  // namespace crowdlens
