// `crowdlens trends [--from --to] [--bin hour|day|week]`: what burst, who rose with it, what set each year apart.
#include "cli/command.h"
#include "report/trends_tables.h"

namespace crowdlens::cli {

void AddTrendsCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "trends",
      "What burst in a period (hashtags and terms, Kleinberg's burst automaton), the rising voices of each "
      "bursting topic, and the distinctive terms of each year of a recurring tag.");
  auto arguments = std::make_shared<TrendsRequest>();
  command->add_option("--from", arguments->from, "Only posts from this date (2021-03-01, UTC)");
  command->add_option("--to", arguments->to, "Only posts before this date");
  command->add_option("--bin", arguments->bin, "Time bin: hour, day or week (default: chosen from the span)")
      ->check(CLI::IsMember({"hour", "day", "week"}));
  command->add_option("--s", arguments->s, "Burst rate as a multiple of the base rate (Kleinberg's s)")
      ->capture_default_str();
  command->add_option("--gamma", arguments->gamma, "Cost of entering a burst (Kleinberg's gamma)")
      ->capture_default_str();
  command->add_option("--min-count", arguments->min_count, "Posts an item needs to be tested")->capture_default_str();
  command->add_option("--top", arguments->top, "Bursts to list")->capture_default_str();
  command->add_option("--tag", arguments->tag, "Recurring tag whose periods to compare (default: the largest)");
  command->add_option("--per", arguments->per, "Compare the tag per year or per month")
      ->check(CLI::IsMember({"year", "month"}))
      ->capture_default_str();
  command->add_flag("--no-retweets", arguments->no_retweets, "Leave retweets out");
  AddOutputOption(*command, globals);
  command->callback([&globals, arguments] {
    globals.exit_code = RunAndPrint(globals, OpenMode::kExisting, [&](Workspace& workspace) {
      return TrendsTables(workspace, *arguments);
    });
  });
}

}  // namespace crowdlens::cli
