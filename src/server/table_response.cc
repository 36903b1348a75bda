#include "server/table_response.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace crowdlens::server {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool RowMatches(const std::vector<Cell>& row, const std::string& needle) {
  for (const Cell& cell : row) {
    if (const std::string* text = std::get_if<std::string>(&cell); text && Lower(*text).find(needle) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<std::string> TablesResponse(const std::vector<Table>& tables, const Paging& paging) {
  nlohmann::json document = nlohmann::json::object();
  const Table* paged = nullptr;
  if (paging.requested() || !paging.table.empty()) {
    for (const Table& table : tables) {
      if (!paging.table.empty() ? table.name == paging.table
                                : !table.single_record && (paged == nullptr || table.rows.size() > paged->rows.size())) {
        paged = &table;
      }
    }
    if (paged == nullptr && !paging.table.empty()) {
      std::string names;
      for (const Table& table : tables) names += (names.empty() ? "" : ", ") + table.name;
      return InvalidArgument("parameter table: this response has no table \"" + paging.table + "\" (it has " + names +
                             ")");
    }
  }
  for (const Table& table : tables) {
    if (&table != paged) {
      document[table.name] = TableJson(table);
      continue;
    }
    Table page{.name = table.name, .title = table.title, .columns = table.columns,
               .single_record = table.single_record};
    const std::string needle = Lower(paging.filter);
    size_t total = 0;
    for (const std::vector<Cell>& row : table.rows) {
      if (!needle.empty() && !RowMatches(row, needle)) continue;
      if (total >= paging.offset && (!paging.limit || page.rows.size() < *paging.limit)) page.rows.push_back(row);
      ++total;
    }
    document[table.name] = TableJson(page);
    document["paging"] = {{"table", table.name},
                          {"total", total},
                          {"offset", paging.offset},
                          {"limit", paging.limit ? nlohmann::json(*paging.limit) : nlohmann::json(nullptr)}};
  }
  return document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace crowdlens::server
