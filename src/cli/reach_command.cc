// `crowdlens reach`: expected real audience per post; `--when`: the best hours to post.
// The model is in docs/reach.md.
#include "cli/command.h"
#include "report/reach_tables.h"

namespace crowdlens::cli {

void AddReachCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "reach", "How many followers and target followers are expected to see each post; --when: best hours to post");
  auto arguments = std::make_shared<ReachRequest>();
  command->add_option("handle", arguments->handle, "Whose posts (default: the workspace's owner)");
  command->add_option("--top", arguments->top, "Posts listed, newest first (0: all)")->capture_default_str();
  command->add_option("--since", arguments->since, "Posts from this date (2021-03-01)");
  command->add_option("--until", arguments->until, "Posts before this date (2021-04-01)");
  command->add_option("--days", arguments->days, "Posts of the last N days up to the owner's last post")
      ->check(CLI::PositiveNumber);
  command->add_flag("--when", arguments->when,
                    "A week-hour heat map of expected target reach, the best slots per segment and the hours whose "
                    "past posts drew retweets and replies");
  command->add_flag("--refresh", arguments->refresh, "Classify every account again instead of reading stored labels");
  AddOutputOption(*command, globals);
  command->callback([&globals, arguments] {
    globals.exit_code = RunAndPrint(globals, OpenMode::kExisting, [&](Workspace& workspace) {
      return ReachTables(workspace, *arguments);
    });
  });
}

}  // namespace crowdlens::cli
