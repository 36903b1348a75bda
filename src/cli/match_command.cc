// `crowdlens match`: address-book contacts matched to social accounts by
// email, handle or profile link, then by name with company and title
// evidence; stores the matches for other commands (event). docs/match.md.
#include "cli/command.h"
#include "report/match_tables.h"

namespace crowdlens::cli {

void AddMatchCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "match",
      "Match address-book contacts to social accounts (email, handle or profile link, then name with\n"
      "company and title evidence); each match with a confidence and its evidence, and the unmatched");
  auto request = std::make_shared<MatchRequest>();
  command->add_option("--min-confidence", request->min_confidence, "Name matches below this are left unmatched")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  command->add_flag("--dry-run", [request](int64_t) { request->store = false; },
                    "Show the matches without storing them");
  AddOutputOption(*command, globals);
  command->callback([&globals, request] {
    globals.exit_code = RunAndPrint(globals, OpenMode::kExisting, [&](Workspace& workspace) {
      return MatchTables(workspace, *request);
    });
  });
}

}  // namespace crowdlens::cli
