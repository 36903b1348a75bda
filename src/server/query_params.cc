#include "server/query_params.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace crowdlens::server {
namespace {

constexpr std::string_view kPagingNames[] = {"limit", "offset", "table", "q", "token"};

Status BadValue(const std::string& name, const std::string& value, std::string_view expected) {
  return InvalidArgument("parameter " + name + ": \"" + value + "\" is not " + std::string(expected));
}

}  // namespace

Status QueryParams::CheckKnown(std::initializer_list<std::string_view> known) const {
  for (const auto& [name, value] : request_.params) {
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    if (std::find(std::begin(kPagingNames), std::end(kPagingNames), name) != std::end(kPagingNames)) continue;
    std::string names;
    for (std::string_view option : known) names += (names.empty() ? "" : ", ") + std::string(option);
    return InvalidArgument("unknown parameter \"" + name + "\"" +
                           (names.empty() ? std::string(" (this endpoint takes only limit, offset, table and q)")
                                          : " (this endpoint takes " + names + ", limit, offset, table and q)"));
  }
  return Status::Ok();
}

std::string QueryParams::Text(const std::string& name, const std::string& fallback) const {
  return request_.has_param(name.c_str()) ? request_.get_param_value(name.c_str()) : fallback;
}

std::vector<std::string> QueryParams::List(const std::string& name) const {
  std::vector<std::string> values;
  const size_t count = request_.get_param_value_count(name.c_str());
  for (size_t index = 0; index < count; ++index) values.push_back(request_.get_param_value(name.c_str(), index));
  return values;
}

Result<size_t> QueryParams::Count(const std::string& name, size_t fallback) const {
  if (!Has(name)) return fallback;
  const std::string value = Text(name);
  size_t parsed = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (error != std::errc() || end != value.data() + value.size() || value.empty()) {
    return BadValue(name, value, "a whole number of 0 or more");
  }
  return parsed;
}

Result<int64_t> QueryParams::Integer(const std::string& name, int64_t fallback) const {
  if (!Has(name)) return fallback;
  const std::string value = Text(name);
  int64_t parsed = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (error != std::errc() || end != value.data() + value.size() || value.empty()) {
    return BadValue(name, value, "a whole number");
  }
  return parsed;
}

Result<double> QueryParams::Number(const std::string& name, double fallback) const {
  if (!Has(name)) return fallback;
  const std::string value = Text(name);
  double parsed = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (error != std::errc() || end != value.data() + value.size() || value.empty() || !std::isfinite(parsed)) {
    return BadValue(name, value, "a number");
  }
  return parsed;
}

Result<bool> QueryParams::Flag(const std::string& name) const {
  if (!Has(name)) return false;
  const std::string value = Text(name);
  if (value.empty() || value == "1" || value == "true" || value == "yes") return true;
  if (value == "0" || value == "false" || value == "no") return false;
  return BadValue(name, value, "a flag (1 or 0)");
}

Result<Paging> QueryParams::ReadPaging() const {
  Paging paging;
  if (Has("limit")) {
    Result<size_t> limit = Count("limit", 0);
    if (!limit.ok()) return limit.status();
    if (*limit == 0 || *limit > 10000) return BadValue("limit", Text("limit"), "between 1 and 10000");
    paging.limit = *limit;
  }
  Result<size_t> offset = Count("offset", 0);
  if (!offset.ok()) return offset.status();
  paging.offset = *offset;
  paging.table = Text("table");
  paging.filter = Text("q");
  return paging;
}

}  // namespace crowdlens::server
