// `crowdlens influence [HANDLE...]`: who moves the crowd, with the crowdlens
// score and its breakdown; per account its activity and engagement style;
// `--weekly HANDLE`, `--topics` and `--agreement` for the other views.
// The formula and every count are documented in docs/influence.md.
#include "cli/command.h"
#include "report/influence_tables.h"

namespace crowdlens::cli {

void AddInfluenceCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "influence",
      "Who moves the crowd: the crowdlens score (0-100) with its breakdown, per account or the top N;\n"
      "--weekly HANDLE, --topics and --agreement for the score over time, per topic and how rankings disagree");
  auto request = std::make_shared<InfluenceRequest>();
  command->add_option("handles", request->handles, "Accounts to report (HANDLE, @HANDLE or platform:HANDLE)");
  command->add_option("--top", request->top, "How many accounts to list [20; 10 per topic with --topics]");
  command->add_flag("--topics", request->topics, "Top accounts per topic (TwitterRank; a topic is a hashtag)");
  command->add_option("--topic", request->topic_tags, "A topic for --topics, e.g. --topic '#germanwings' (repeatable)");
  command->add_option("--topic-count", request->topic_count, "How many top hashtags become topics without --topic")
      ->capture_default_str();
  command->add_option("--weekly", request->weekly, "The score of HANDLE week by week");
  command->add_flag("--agreement", request->agreement,
                    "Spearman rank correlation between followers, PageRank, retweets and mentions received");
  command->add_option("--since", request->period.since, "Start of the activity period (2021-03-01)");
  command->add_option("--until", request->period.until, "End of the activity period, exclusive (2021-04-01)");
  command->add_option("--days", request->days, "The last N days up to the workspace's last post")
      ->check(CLI::PositiveNumber);
  AddOutputOption(*command, globals);
  command->callback([&globals, request] {
    globals.exit_code = RunAndPrint(globals, OpenMode::kExisting, [&](Workspace& workspace) {
      return InfluenceTables(workspace, *request);
    });
  });
}

}  // namespace crowdlens::cli
