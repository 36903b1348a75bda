// `crowdlens quarantine`: the records that could not be read, and why.
#include "cli/command.h"
#include "store/workspace_summary.h"

namespace crowdlens::cli {

void AddQuarantineCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand("quarantine", "List records that could not be read: file, line, reason");
  auto run_id = std::make_shared<int64_t>(0);
  auto limit = std::make_shared<size_t>(100);
  command->add_option("--run", *run_id, "Only this import run (default: all)");
  command->add_option("--limit", *limit, "At most this many entries")->capture_default_str();
  AddOutputOption(*command, globals);
  command->callback([&globals, run_id, limit] {
    Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, OpenMode::kExisting);
    if (!workspace.ok()) {
      globals.exit_code = Fail(workspace.status());
      return;
    }
    Result<std::vector<QuarantineRow>> rows = ListQuarantine(**workspace, *run_id, *limit);
    if (!rows.ok()) {
      globals.exit_code = Fail(rows.status());
      return;
    }
    Table table{.name = "quarantine", .title = "Quarantined records",
                .columns = {"run_id", "source", "line", "offset", "reason", "raw"}};
    for (const QuarantineRow& row : *rows) {
      table.rows.push_back({row.run_id, row.source, row.line, row.offset, row.reason, row.raw});
    }
    globals.exit_code = Print(globals, {table});
  });
}

}  // namespace crowdlens::cli
