// `crowdlens suggest [HANDLE]`: whom to follow, after Twitter's WTF service:
// accounts your circle of trust follows (interested_in), accounts like you
// (similar_to) and, with --from, whom your key accounts follow. Every row
// says why. The method is in docs/suggest.md.
#include "cli/command.h"
#include "report/suggest_tables.h"

namespace crowdlens::cli {

void AddSuggestCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "suggest",
      "Whom to follow: what your circle of trust follows and accounts similar to you (Monte-Carlo\n"
      "personalised PageRank, then SALSA, as Twitter's WTF); --from HANDLE mines key accounts' follows");
  auto request = std::make_shared<SuggestRequest>();
  command->add_option("handle", request->handle, "Whom the suggestions are for (default: the workspace owner)");
  command->add_option("--top", request->top, "Rows per list")->capture_default_str()->check(CLI::PositiveNumber);
  command->add_flag("--target", request->target, "Keep only accounts in the target audience ([audience] target)");
  command->add_option("--min-mutual", request->min_mutual,
                      "Keep only accounts followed by at least N of the accounts you follow")
      ->capture_default_str();
  command->add_option("--from", request->from, "A key account whose follows to mine (repeatable)");
  command->add_option("--circle", request->circle, "Members of the circle of trust")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command->add_option("--walks", request->walks, "Monte-Carlo walks from the account")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  AddOutputOption(*command, globals);
  command->callback([&globals, request] {
    globals.exit_code = RunAndPrint(globals, OpenMode::kExisting, [&](Workspace& workspace) {
      return SuggestTables(workspace, *request);
    });
  });
}

}  // namespace crowdlens::cli
