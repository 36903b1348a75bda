// `crowdlens triage [HANDLE]`: which followers to follow back and which
// follows to drop, each row with its reasons. It only lists; it never follows
// or unfollows anyone. Rules and defaults: docs/triage.md.
#include "cli/command.h"
#include "report/triage_tables.h"

namespace crowdlens::cli {

void AddTriageCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "triage",
      "Follow-back and unfollow triage: followers you do not follow back (follow_back or ignore) and\n"
      "follows you may drop (inactive, spam, off-topic, never engage, celebrity outside your topics), with reasons");
  auto request = std::make_shared<TriageRequest>();
  command->add_option("handle", request->handle, "Whose crowd (HANDLE, @HANDLE or platform:HANDLE) [the owner]");
  command
      ->add_option("--inactive-days", request->inactive_days,
                   "Silent this many days before the account's newest post (else its crowd's): inactive")
      ->capture_default_str();
  command->add_option("--celebrity-followers", request->celebrity_followers,
                      "Followers from which an account counts as a celebrity [[roles] celebrity_min_followers]");
  command->add_option("--top", request->top, "Rows shown per list (0: all)")->capture_default_str();
  command->add_flag("--refresh", request->refresh, "Classify every account again instead of reading stored labels");
  AddOutputOption(*command, globals);
  command->callback([&globals, request] {
    globals.exit_code = RunAndPrint(globals, OpenMode::kExisting,
                                    [&](Workspace& workspace) { return TriageTables(workspace, *request); });
  });
}

}  // namespace crowdlens::cli
