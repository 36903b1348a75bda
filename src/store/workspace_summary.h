// What a workspace holds: table counts, owners, recent import runs, and the
// quarantine of records that could not be read. The `status` and
// `quarantine` commands print these.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/workspace.h"

namespace crowdlens {

struct TableCount {
  std::string table;
  int64_t rows = 0;
};

struct PlatformCount {
  std::string platform;
  int64_t accounts = 0;
  int64_t profiles = 0;  // accounts with a profile (not just an id)
  int64_t posts = 0;
};

struct RunRow {
  int64_t run_id = 0;
  int64_t started_at = 0;
  int64_t finished_at = 0;  // 0 while running or when interrupted
  std::string status;       // done, failed, running, interrupted
  int64_t inputs = 0;
  int64_t bytes = 0;
  int64_t records = 0;
  int64_t quarantined = 0;
  std::string arguments;
  std::string message;
};

struct WorkspaceSummary {
  std::string dir;
  int schema_version = 0;
  std::vector<std::string> owners;
  std::vector<TableCount> tables;
  std::vector<PlatformCount> platforms;
  std::vector<RunRow> recent_runs;
  int64_t first_post_at = 0;
  int64_t last_post_at = 0;
};

Result<WorkspaceSummary> SummariseWorkspace(Workspace& workspace, size_t recent_runs);

struct QuarantineRow {
  int64_t run_id = 0;
  std::string source;
  int64_t line = 0;
  int64_t offset = 0;
  std::string reason;
  std::string raw;
};

// Quarantined records, newest run first; `run_id` 0 means every run.
Result<std::vector<QuarantineRow>> ListQuarantine(Workspace& workspace, int64_t run_id, size_t limit);

}  // namespace crowdlens
