// `crowdlens segments [HANDLE...]`: topics, roles, spam score and place, with evidence.
#include "cli/command.h"
#include "report/segments_tables.h"

namespace crowdlens::cli {

void AddSegmentsCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "segments", "Topics, roles, spam score and place of accounts, with the evidence for each label");
  auto options = std::make_shared<SegmentsRequest>();
  command->add_option("handles", options->handles,
                      "Accounts to show (\"handle\" or \"platform:handle\"); default: all");
  command->add_flag("--refresh", options->refresh, "Recompute and store every account's labels");
  command->add_flag("--all", options->all, "With HANDLEs: also list labels under their threshold");
  command->add_option("--topic", options->topic, "Only accounts with this topic");
  command->add_option("--role", options->role, "Only accounts with this role");
  command->add_option("--limit", options->limit, "How many accounts to list without HANDLEs")->capture_default_str();
  AddOutputOption(*command, globals);
  command->callback([&globals, options] {
    globals.exit_code = RunAndPrint(globals, OpenMode::kExisting, [&](Workspace& workspace) {
      return SegmentsTables(workspace, *options);
    });
  });
}

}  // namespace crowdlens::cli
