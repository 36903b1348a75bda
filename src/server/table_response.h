// The body of an analysis endpoint: the command's tables as `-o json` writes
// them, always as one object keyed by table name, with one table paged and
// filtered when the request asks (`limit`, `offset`, `table`, `q`) and a
// "paging" object saying what was cut: {"table", "total", "offset", "limit"}.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "report/table.h"
#include "server/query_params.h"

namespace crowdlens::server {

// InvalidArgument when `paging.table` names no table of the response.
Result<std::string> TablesResponse(const std::vector<Table>& tables, const Paging& paging);

}  // namespace crowdlens::server
