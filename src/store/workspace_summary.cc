#include "store/workspace_summary.h"

#include <signal.h>

#include <cerrno>

#include "store/schema.h"

namespace crowdlens {
namespace {

// A run left 'running' by a process that no longer exists was interrupted.
bool ProcessAlive(int64_t pid) { return pid > 0 && (kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

}  // namespace

Result<WorkspaceSummary> SummariseWorkspace(Workspace& workspace, size_t recent_runs) {
  Database& db = workspace.db();
  WorkspaceSummary summary;
  summary.dir = workspace.dir();
  summary.schema_version = CurrentSchemaVersion();
  Result<Config> config = workspace.LoadConfig();
  if (!config.ok()) return config.status();
  for (const OwnerRef& owner : config->owners) summary.owners.push_back(FormatOwnerRef(owner));

  for (const char* table : {"accounts", "posts", "post_hashtags", "post_mentions", "post_urls", "follows",
                            "interactions", "lists", "list_members", "contacts", "import_runs", "quarantine"}) {
    Result<int64_t> rows = db.QueryInt(std::string("SELECT count(*) FROM ") + table);
    if (!rows.ok()) return rows.status();
    summary.tables.push_back({table, rows.value()});
  }

  Result<Statement> platforms = db.Prepare(
      "SELECT a.platform, count(*), sum(a.profile_observed_at IS NOT NULL), "
      "(SELECT count(*) FROM posts p WHERE p.platform = a.platform) "
      "FROM accounts a GROUP BY a.platform ORDER BY count(*) DESC");
  if (!platforms.ok()) return platforms.status();
  while (true) {
    Result<bool> row = platforms->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    summary.platforms.push_back({.platform = platforms->ColumnText(0), .accounts = platforms->ColumnInt(1),
                                 .profiles = platforms->ColumnInt(2), .posts = platforms->ColumnInt(3)});
  }

  Result<Statement> span = db.Prepare("SELECT min(created_at), max(created_at) FROM posts WHERE created_at > 0");
  if (!span.ok()) return span.status();
  if (Result<bool> row = span->Step(); row.ok() && row.value() && !span->ColumnIsNull(0)) {
    summary.first_post_at = span->ColumnInt(0);
    summary.last_post_at = span->ColumnInt(1);
  }

  Result<Statement> runs = db.Prepare(
      "SELECT run_id, started_at, coalesce(finished_at, 0), status, pid, inputs, bytes, records, quarantined, "
      "coalesce(arguments, ''), coalesce(message, '') FROM import_runs ORDER BY run_id DESC LIMIT ?1");
  if (!runs.ok()) return runs.status();
  runs->Bind(1, static_cast<int64_t>(recent_runs));
  while (true) {
    Result<bool> row = runs->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    RunRow run{.run_id = runs->ColumnInt(0), .started_at = runs->ColumnInt(1), .finished_at = runs->ColumnInt(2),
               .status = runs->ColumnText(3), .inputs = runs->ColumnInt(5), .bytes = runs->ColumnInt(6),
               .records = runs->ColumnInt(7), .quarantined = runs->ColumnInt(8), .arguments = runs->ColumnText(9),
               .message = runs->ColumnText(10)};
    if (run.status == "running" && !ProcessAlive(runs->ColumnInt(4))) {
      run.status = "interrupted";
      if (run.message.empty()) run.message = "the import stopped before finishing; run the same import again to complete it";
    }
    summary.recent_runs.push_back(std::move(run));
  }
  return summary;
}

Result<std::vector<QuarantineRow>> ListQuarantine(Workspace& workspace, int64_t run_id, size_t limit) {
  Result<Statement> query = workspace.db().Prepare(
      "SELECT run_id, source, line, byte_offset, reason, raw FROM quarantine "
      "WHERE ?1 = 0 OR run_id = ?1 ORDER BY run_id DESC, source, byte_offset LIMIT ?2");
  if (!query.ok()) return query.status();
  query->Bind(1, run_id);
  query->Bind(2, static_cast<int64_t>(limit));
  std::vector<QuarantineRow> rows;
  while (true) {
    Result<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    rows.push_back({.run_id = query->ColumnInt(0), .source = query->ColumnText(1), .line = query->ColumnInt(2),
                    .offset = query->ColumnInt(3), .reason = query->ColumnText(4), .raw = query->ColumnText(5)});
  }
  return rows;
}

}  // namespace crowdlens
