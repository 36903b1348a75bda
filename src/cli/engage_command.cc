// `crowdlens engage [--hours N] [--topic T | --hashtag H | --query Q]`: the
// engagement queue, posts of the last N hours by the target audience and the
// top prospects on the owner's topics, newest and most promising first, each
// with its link and why. The rules are in docs/prospects.md.
#include "cli/command.h"
#include "report/engage_tables.h"

namespace crowdlens::cli {

void AddEngageCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "engage",
      "The engagement queue: recent posts by your target audience and top prospects on your topics,\n"
      "newest and most promising first, to comment on while they are talking about it");
  auto request = std::make_shared<EngageRequest>();
  command->add_option("--hours", request->hours, "Posts of the last N hours before the newest post (or --now)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  auto* topic = command->add_option("--topic", request->topic,
                                    "A topic of crowdlens.toml's [topics], else a word [default: all your topics]");
  auto* hashtag = command->add_option("--hashtag", request->hashtag, "A hashtag, e.g. germanwings");
  auto* query = command->add_option("--query", request->query, "A listening query (see crowdlens listen)");
  topic->excludes(hashtag)->excludes(query);
  hashtag->excludes(query);
  command->add_option("--now", request->now, "The end of the window, a date (2015-03-24T12:00:00Z) [newest post]");
  command->add_option("--prospects", request->prospects, "How many top prospects' posts qualify")
      ->capture_default_str();
  command->add_option("--per-author", request->per_author, "Posts listed per author, best first")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--half-life", request->half_life, "Half-life of the prospect ranking's relevance")
      ->capture_default_str();
  command->add_flag("--include-competitors", request->include_competitors,
                    "Keep posts by accounts labelled supplier or competitor");
  command->add_option("--owner", request->owner, "Whose queue (HANDLE); default: the workspace's owner");
  command->add_option("--top", request->top, "How many posts to list")->capture_default_str();
  AddOutputOption(*command, globals);
  command->callback([&globals, request] {
    globals.exit_code = RunAndPrint(globals, OpenMode::kExisting,
                                    [&](Workspace& workspace) { return EngageTables(workspace, *request); });
  });
}

}  // namespace crowdlens::cli
