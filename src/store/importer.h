// Importing: inputs -> readers -> workspace, as one recorded run.
//
// A reader thread parses while the calling thread writes, so parsing and
// SQLite share the two cores; a bounded queue between them keeps memory
// flat. Each batch is one transaction. The run and each input are recorded
// (import_runs, import_files), so `crowdlens status` shows what happened,
// and a run whose process died shows as interrupted; rerunning the same
// import completes it, since every write is an idempotent upsert.
//
//   ImportOptions options{.paths = {"data/sample"}};
//   Result<ImportSummary> summary = Import(*workspace, options);
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ingest/format.h"
#include "ingest/read_options.h"
#include "store/batch_writer.h"
#include "store/workspace.h"

namespace crowdlens {

struct ImportOptions {
  std::vector<std::string> paths;
  Format forced_format = Format::kUnknown;  // --as
  ReadOptions read;                         // --relation, --platform, --of, --ids
  size_t batch_records = 20000;
  bool show_progress = true;
  std::string arguments;  // the command line, recorded with the run
  // Called after each committed batch with the records written so far (tests use it).
  std::function<void(uint64_t records)> after_batch;
};

struct ImportedInput {
  std::string source;
  std::string format;
  std::string status;  // done, skipped, failed
  uint64_t bytes = 0;
  uint64_t records = 0;
  uint64_t quarantined = 0;
  std::string message;
};

struct ImportSummary {
  int64_t run_id = 0;
  std::vector<ImportedInput> inputs;
  WriteCounts written;
  uint64_t bytes = 0;
  double seconds = 0;
  uint64_t failed_inputs = 0;
  std::string adopted_owner;  // set when an input named the owner and the workspace had none
};

// Fails only when the workspace cannot be written or no input exists; an
// input that cannot be read is recorded as failed and the others go on.
Result<ImportSummary> Import(Workspace& workspace, const ImportOptions& options);

}  // namespace crowdlens
