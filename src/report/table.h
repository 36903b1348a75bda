// Tables: the one shape every command's result takes before it is printed,
// and the writers for each output format (-o table|json|csv|ndjson).
//
// Field names are stable snake_case; json and csv use them as they are, the
// terminal table prints them as headers. A command with several tables
// (status: counts, platforms, runs) prints them one after another; in json
// they form one object keyed by each table's name.
//
//   Table runs{.name = "runs", .columns = {"run_id", "status"}};
//   runs.rows.push_back({int64_t{3}, std::string("done")});
//   WriteTables(std::cout, OutputFormat::kJson, {runs});
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace crowdlens {

using Cell = std::variant<std::monostate, int64_t, double, std::string, bool>;

struct Table {
  std::string name;   // stable key ("runs")
  std::string title;  // shown above the terminal table ("Recent imports")
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  bool single_record = false;  // json writes one object instead of an array (a summary)
};

enum class OutputFormat { kTable, kJson, kCsv, kNdjson };

std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

void WriteTables(std::ostream& out, OutputFormat format, const std::vector<Table>& tables);

// One table as -o json writes it: an array of row objects keyed by column, or
// one object for a single-record table.
nlohmann::json TableJson(const Table& table);

// Formats a cell for the terminal and csv (numbers with no exponent, null as "").
std::string CellText(const Cell& cell);

// Escapes one csv field after RFC 4180.
std::string CsvField(std::string_view text);

}  // namespace crowdlens
