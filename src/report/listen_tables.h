// What `crowdlens listen` shows, as tables: a query's volume over time,
// share of voice against the saved queries, top voices, co-occurring items,
// sentiment and complaints; without a query, the saved queries.
//
//   Result<std::vector<Table>> tables = ListenTables(workspace, {.query = "acme OR @acme"});
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/status.h"
#include "report/table.h"
#include "store/config.h"
#include "store/workspace.h"

namespace crowdlens {

struct ListenRequest {
  std::string query;  // the query; empty with no saved name: list the saved queries
  std::string saved;  // run the query saved under this name
  std::string save;   // (command line only) save the query under this name
  std::string from, to, bin;
  bool no_retweets = false;
  size_t top = 10;         // rows in each top table
  size_t complaints = 20;  // complaints listed (all are counted)
  std::vector<std::string> brand;  // handles complaints must be addressed to
};

Result<std::vector<Table>> ListenTables(Workspace& workspace, const ListenRequest& request);

// The saved queries of crowdlens.toml [queries].
Table SavedQueriesTable(const Config& config);

}  // namespace crowdlens
