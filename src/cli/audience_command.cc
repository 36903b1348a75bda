// `crowdlens audience [HANDLE]`: the crowd by country, topic and role, the
// target audience's share, who does not follow back, growth and unfollows.
#include "cli/command.h"
#include "report/audience_tables.h"

namespace crowdlens::cli {

void AddAudienceCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "audience", "Followers and follows by country, topic and role; the target audience; growth and unfollows");
  auto arguments = std::make_shared<AudienceRequest>();
  command->add_option("handle", arguments->handle, "Whose crowd (default: the workspace's owner)");
  command->add_option("--segment", arguments->segment,
                      "List the crowd members matching a rule (e.g. \"country = GB and topic = social-media\"), "
                      "a [segments] name, or 'target'");
  command->add_option("--period", arguments->period, "Growth per day, week or month")
      ->check(CLI::IsMember({"day", "week", "month"}))
      ->capture_default_str();
  command->add_option("--top", arguments->top, "Segments shown per kind (0: all)")->capture_default_str();
  command->add_option("--unfollows", arguments->unfollows, "Unfollows listed (0: all)")->capture_default_str();
  command->add_flag("--refresh", arguments->refresh, "Classify every account again instead of reading stored labels");
  AddOutputOption(*command, globals);
  command->callback([&globals, arguments] {
    globals.exit_code = RunAndPrint(globals, OpenMode::kExisting, [&](Workspace& workspace) {
      return AudienceTables(workspace, *arguments);
    });
  });
}

}  // namespace crowdlens::cli
