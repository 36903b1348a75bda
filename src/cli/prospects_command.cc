// `crowdlens prospects --topic T | --hashtag H | --query Q`: the people who
// talk about it, ranked by relevance, influence, fit to the target audience
// and reachability, each row with why. The formula is in docs/prospects.md.
#include "cli/command.h"
#include "report/prospects_tables.h"

namespace crowdlens::cli {

void AddProspectsCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "prospects",
      "People who talk about a topic, hashtag or query, ranked by how much and how recently they talk about it,\n"
      "influence, fit to the target audience and how reachable they are; the owner, accounts already followed,\n"
      "suppliers, competitors and spam are left out");
  auto request = std::make_shared<ProspectsRequest>();
  auto* topic = command->add_option("--topic", request->topic,
                                    "A topic of crowdlens.toml's [topics] (e.g. aviation), else a word to look for");
  auto* hashtag = command->add_option("--hashtag", request->hashtag, "A hashtag, e.g. germanwings or '#germanwings'");
  auto* query = command->add_option("--query", request->query,
                                    "A listening query, e.g. 'germanwings OR \"plane crash\"' (see crowdlens listen)");
  topic->excludes(hashtag)->excludes(query);
  hashtag->excludes(query);
  command->add_option("--half-life", request->half_life, "Posts lose half their weight in this long (30d, 12h)")
      ->capture_default_str();
  command->add_option("--since", request->since,
                      "Only posts from this date (2015-03-01), or this long before the newest post (90d)");
  command->add_option("--now", request->now, "Measure ages from this date instead of the newest post (2015-03-27)");
  command->add_flag("--include-competitors", request->include_competitors,
                    "Keep accounts labelled supplier or competitor");
  command->add_option("--owner", request->owner, "Whose prospects (HANDLE); default: the workspace's owner");
  command->add_option("--top", request->top, "How many prospects to list")->capture_default_str();
  AddOutputOption(*command, globals);
  command->callback([&globals, request] {
    globals.exit_code = RunAndPrint(globals, OpenMode::kExisting,
                                    [&](Workspace& workspace) { return ProspectsTables(workspace, *request); });
  });
}

}  // namespace crowdlens::cli
