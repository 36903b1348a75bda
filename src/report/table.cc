#include "report/table.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace crowdlens {
namespace {

using nlohmann::json;

json CellJson(const Cell& cell) {
  if (std::holds_alternative<int64_t>(cell)) return std::get<int64_t>(cell);
  if (std::holds_alternative<double>(cell)) return std::get<double>(cell);
  if (std::holds_alternative<std::string>(cell)) return std::get<std::string>(cell);
  if (std::holds_alternative<bool>(cell)) return std::get<bool>(cell);
  return nullptr;
}

json RowJson(const Table& table, const std::vector<Cell>& row) {
  json object = json::object();
  for (size_t column = 0; column < table.columns.size() && column < row.size(); ++column) {
    object[table.columns[column]] = CellJson(row[column]);
  }
  return object;
}

}  // namespace

json TableJson(const Table& table) {
  if (table.single_record) return table.rows.empty() ? json::object() : RowJson(table, table.rows.front());
  json rows = json::array();
  for (const auto& row : table.rows) rows.push_back(RowJson(table, row));
  return rows;
}

namespace {

std::string Dump(const json& value, int indent) {
  // Invalid UTF-8 in quarantined bytes is replaced, never fatal.
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

// Display width of UTF-8 text, counting code points (wide glyphs count one).
size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80;
  return width;
}

std::string Clip(std::string text, size_t limit) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (DisplayWidth(text) <= limit) return text;
  size_t kept = 0, bytes = 0;
  while (bytes < text.size() && kept < limit - 1) {
    ++bytes;
    while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
    ++kept;
  }
  return text.substr(0, bytes) + "…";
}

bool IsNumeric(const Cell& cell) { return std::holds_alternative<int64_t>(cell) || std::holds_alternative<double>(cell); }

void WriteTerminal(std::ostream& out, const Table& table) {
  constexpr size_t kMaxColumnWidth = 60;
  if (!table.title.empty()) out << table.title << "\n";
  if (table.single_record) {
    size_t key_width = 0;
    for (const auto& column : table.columns) key_width = std::max(key_width, column.size());
    for (const auto& row : table.rows) {
      for (size_t column = 0; column < table.columns.size() && column < row.size(); ++column) {
        out << "  " << table.columns[column] << std::string(key_width - table.columns[column].size(), ' ') << "  "
            << Clip(CellText(row[column]), 100) << "\n";
      }
    }
    out << "\n";
    return;
  }
  std::vector<std::vector<std::string>> texts;
  std::vector<size_t> widths(table.columns.size());
  for (size_t column = 0; column < table.columns.size(); ++column) widths[column] = table.columns[column].size();
  for (const auto& row : table.rows) {
    std::vector<std::string> line;
    for (size_t column = 0; column < table.columns.size(); ++column) {
      // Explanations are what a user reads a quarantine or a run for: give them room.
      bool explanation =
          table.columns[column] == "reason" || table.columns[column] == "message" || table.columns[column] == "why";
      std::string text = column < row.size() ? Clip(CellText(row[column]), explanation ? 110 : kMaxColumnWidth) : "";
      widths[column] = std::max(widths[column], DisplayWidth(text));
      line.push_back(std::move(text));
    }
    texts.push_back(std::move(line));
  }
  auto pad = [](const std::string& text, size_t width, bool right) {
    std::string padding(width - std::min(width, DisplayWidth(text)), ' ');
    return right ? padding + text : text + padding;
  };
  out << " ";
  for (size_t column = 0; column < table.columns.size(); ++column) out << " " << pad(table.columns[column], widths[column], false);
  out << "\n ";
  for (size_t column = 0; column < table.columns.size(); ++column) out << " " << std::string(widths[column], '-');
  out << "\n";
  for (size_t index = 0; index < texts.size(); ++index) {
    out << " ";
    for (size_t column = 0; column < table.columns.size(); ++column) {
      bool right = column < table.rows[index].size() && IsNumeric(table.rows[index][column]);
      out << " " << pad(texts[index][column], widths[column], right);
    }
    out << "\n";
  }
  if (table.rows.empty()) out << "  (none)\n";
  out << "\n";
}

void WriteCsv(std::ostream& out, const Table& table) {
  for (size_t column = 0; column < table.columns.size(); ++column) {
    out << (column ? "," : "") << CsvField(table.columns[column]);
  }
  out << "\r\n";
  for (const auto& row : table.rows) {
    for (size_t column = 0; column < table.columns.size(); ++column) {
      out << (column ? "," : "") << (column < row.size() ? CsvField(CellText(row[column])) : "");
    }
    out << "\r\n";
  }
}

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "ndjson") return OutputFormat::kNdjson;
  return std::nullopt;
}

std::string CellText(const Cell& cell) {
  if (std::holds_alternative<int64_t>(cell)) return std::to_string(std::get<int64_t>(cell));
  if (std::holds_alternative<double>(cell)) {
    char text[64];
    std::snprintf(text, sizeof(text), "%.6g", std::get<double>(cell));
    return text;
  }
  if (std::holds_alternative<std::string>(cell)) return std::get<std::string>(cell);
  if (std::holds_alternative<bool>(cell)) return std::get<bool>(cell) ? "true" : "false";
  return "";
}

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void WriteTables(std::ostream& out, OutputFormat format, const std::vector<Table>& tables) {
  switch (format) {
    case OutputFormat::kTable:
      for (const Table& table : tables) WriteTerminal(out, table);
      return;
    case OutputFormat::kJson: {
      if (tables.size() == 1) {
        out << Dump(TableJson(tables.front()), 2) << "\n";
        return;
      }
      json document = json::object();
      for (const Table& table : tables) document[table.name] = TableJson(table);
      out << Dump(document, 2) << "\n";
      return;
    }
    case OutputFormat::kCsv:
      for (size_t index = 0; index < tables.size(); ++index) {
        if (tables.size() > 1) out << (index ? "\r\n" : "") << "# " << tables[index].name << "\r\n";
        WriteCsv(out, tables[index]);
      }
      return;
    case OutputFormat::kNdjson:
      for (const Table& table : tables) {
        for (const auto& row : table.rows) {
          json object = RowJson(table, row);
          if (tables.size() > 1) object["table"] = table.name;
          out << Dump(object, -1) << "\n";
        }
      }
      return;
  }
}

}  // namespace crowdlens
