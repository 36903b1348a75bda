#include "report/status_tables.h"

#include <filesystem>

#include "core/time.h"
#include "store/workspace_summary.h"

namespace crowdlens {

Result<std::vector<Table>> StatusTables(Workspace& workspace, const StatusRequest& request) {
  Result<WorkspaceSummary> summary = SummariseWorkspace(workspace, request.runs);
  if (!summary.ok()) return summary.status();
  std::string owners;
  for (const std::string& owner : summary->owners) owners += (owners.empty() ? "" : ", ") + owner;
  Table overview{.name = "workspace", .title = "Workspace",
                 .columns = {"path", "schema_version", "owners", "first_post", "last_post"}, .single_record = true};
  overview.rows.push_back({std::filesystem::absolute(summary->dir).lexically_normal().string(),
                           int64_t{summary->schema_version},
                           owners.empty() ? std::string("(none: crowdlens owner HANDLE)") : owners,
                           summary->first_post_at ? Cell{FormatTimestamp(summary->first_post_at)} : Cell{},
                           summary->last_post_at ? Cell{FormatTimestamp(summary->last_post_at)} : Cell{}});
  Table counts{.name = "tables", .title = "Rows per table", .columns = {"table", "rows"}};
  for (const TableCount& count : summary->tables) counts.rows.push_back({count.table, count.rows});
  Table platforms{.name = "platforms", .title = "Accounts and posts per platform",
                  .columns = {"platform", "accounts", "with_profile", "posts"}};
  for (const PlatformCount& platform : summary->platforms) {
    platforms.rows.push_back({platform.platform, platform.accounts, platform.profiles, platform.posts});
  }
  Table recent{.name = "runs", .title = "Recent imports",
               .columns = {"run_id", "started", "status", "inputs", "bytes", "records", "quarantined", "message"}};
  for (const RunRow& run : summary->recent_runs) {
    recent.rows.push_back({run.run_id, FormatTimestamp(run.started_at), run.status, run.inputs, run.bytes,
                           run.records, run.quarantined, run.message});
  }
  return std::vector<Table>{overview, counts, platforms, recent};
}

}  // namespace crowdlens
