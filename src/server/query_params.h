// The query string of an API request, read into the options of an analysis.
// A parameter has the name of the command-line option it stands for
// (`top` for --top, `handle` for the HANDLE argument); a malformed value or
// a name the endpoint does not know is an InvalidArgument naming it, which
// the server answers with 400.
//
//   QueryParams params(request);
//   CROWDLENS_RETURN_IF_ERROR(params.CheckKnown({"top", "when"}));
//   Result<size_t> top = params.Count("top", 20);
#pragma once

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace crowdlens::server {

// Paging and filtering of one table of a response (`limit`, `offset`, `table`, `q`).
struct Paging {
  std::optional<size_t> limit;
  size_t offset = 0;
  std::string table;  // empty: the response's longest table
  std::string filter;  // case-insensitive substring of any text cell
  bool requested() const { return limit.has_value() || offset > 0 || !filter.empty(); }
};

class QueryParams {
 public:
  explicit QueryParams(const httplib::Request& request) : request_(request) {}

  // Fails on a parameter outside `known` and the paging names (a typo must not be silently ignored).
  Status CheckKnown(std::initializer_list<std::string_view> known) const;

  std::string Text(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> List(const std::string& name) const;
  bool Has(const std::string& name) const { return request_.has_param(name.c_str()); }
  Result<size_t> Count(const std::string& name, size_t fallback) const;
  Result<int64_t> Integer(const std::string& name, int64_t fallback) const;
  Result<double> Number(const std::string& name, double fallback) const;
  // "1", "true", "yes" or an empty value are true; "0", "false", "no" false.
  Result<bool> Flag(const std::string& name) const;
  Result<Paging> ReadPaging() const;

 private:
  const httplib::Request& request_;
};

}  // namespace crowdlens::server
