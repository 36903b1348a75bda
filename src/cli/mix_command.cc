// `crowdlens mix [HANDLE]`: the owner's posts against the rule of thirds
// (interaction, content, promotion) month by month, what travelled by class
// and feature, and each post's class with its evidence.
// `crowdlens mix --draft "TEXT"`: a draft's class and features, and what posts
// like it drew in this workspace. Rules and word lists: docs/mix.md.
#include "cli/command.h"
#include "report/mix_tables.h"

namespace crowdlens::cli {

void AddMixCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "mix",
      "The content mix against the rule of thirds (interaction, content, promotion) per month, what travelled,\n"
      "each post's class with its evidence; --draft TEXT scores a post before it is sent");
  auto request = std::make_shared<MixRequest>();
  command->add_option("handle", request->handle, "The account (default: the workspace owner)");
  CLI::Option* draft =
      command->add_option("--draft", request->draft, "Classify a draft and estimate what it will draw");
  command->add_option("--posts", request->posts, "How many recent posts to list with their evidence (0: all)")
      ->capture_default_str();
  command->add_option("--since", request->since, "Only posts from this date (2023-01-01)");
  command->add_option("--until", request->until, "Only posts before this date, exclusive (2023-02-01)");
  AddOutputOption(*command, globals);
  command->callback([&globals, request, draft] {
    request->has_draft = draft->count() > 0;
    request->for_terminal = globals.output == "table";
    globals.exit_code = RunAndPrint(globals, OpenMode::kExisting, [&](Workspace& workspace) {
      return MixTables(workspace, *request);
    });
  });
}

}  // namespace crowdlens::cli
