// `crowdlens status`: what the workspace holds and what the last imports did.
#include "cli/command.h"
#include "report/status_tables.h"

namespace crowdlens::cli {

void AddStatusCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand("status", "Counts of every table, the owners and the recent imports");
  auto request = std::make_shared<StatusRequest>();
  command->add_option("--runs", request->runs, "How many recent imports to list")->capture_default_str();
  AddOutputOption(*command, globals);
  command->callback([&globals, request] {
    globals.exit_code = RunAndPrint(globals, OpenMode::kExisting, [&](Workspace& workspace) {
      return StatusTables(workspace, *request);
    });
  });
}

}  // namespace crowdlens::cli
