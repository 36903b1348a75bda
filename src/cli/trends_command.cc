// `crowdlens trends [--from --to] [--bin hour|day|week]`: what burst, who rose with it, what set each year apart.
#include <cmath>
#include <tuple>

#include "analyses/trends.h"
#include "cli/command.h"
#include "core/time.h"

namespace crowdlens::cli {
namespace {

struct TrendsArguments {
  std::string from, to, bin, tag, per = "year";
  double s = 2.0, gamma = 1.0;
  int64_t min_count = 10;
  size_t top = 15;
  bool no_retweets = false;
};

double Round(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

int Run(GlobalOptions& globals, const TrendsArguments& arguments) {
  Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, OpenMode::kExisting);
  if (!workspace.ok()) return Fail(workspace.status());
  TrendsOptions options{.burst = {.s = arguments.s, .gamma = arguments.gamma},
                        .include_retweets = !arguments.no_retweets,
                        .min_count = arguments.min_count,
                        .top = arguments.top,
                        .tag = arguments.tag,
                        .period = arguments.per == "month" ? TrendPeriod::kMonth : TrendPeriod::kYear};
  if (arguments.s <= 1.0) return Fail(InvalidArgument("--s must be above 1 (the burst rate is s times the base rate)"));
  if (arguments.gamma <= 0) return Fail(InvalidArgument("--gamma must be above 0"));
  for (auto [text, bound, option] : {std::tuple{&arguments.from, &options.from, "--from"},
                                     std::tuple{&arguments.to, &options.to, "--to"}}) {
    if (text->empty()) continue;
    *bound = ParseDateBound(*text);
    if (!*bound) return Fail(InvalidArgument(std::string(option) + " \"" + *text + "\" is not a date; write 2021-03-01"));
  }
  if (!arguments.bin.empty()) options.bin = ParseTimeBin(arguments.bin);
  Result<TrendsReport> report = Trends((*workspace)->db(), options);
  if (!report.ok()) return Fail(report.status());

  Table summary{.name = "summary", .title = "Trends",
                .columns = {"posts", "bin", "bins_with_posts", "items_tested", "s", "gamma", "recurring_tag"},
                .single_record = true};
  summary.rows.push_back({report->posts, std::string(TimeBinName(report->bin)), report->bins, report->items_tested,
                          arguments.s, arguments.gamma,
                          report->distinctive_tag.empty() ? Cell{} : Cell{"#" + report->distinctive_tag}});
  Table bursts{.name = "bursts",
               .title = "Bursts (Kleinberg 2002, strongest first; baseline_z: peak trailing z-score in the burst)",
               .columns = {"item", "start", "end", "strength", "posts", "posts_in_bins", "base_share",
                           "baseline_z"}};
  for (const TrendBurst& burst : report->bursts) {
    bursts.rows.push_back({burst.item, FormatBin(burst.start, report->bin), FormatBin(burst.end, report->bin),
                           Round(burst.strength, 1), burst.posts, burst.bin_posts, Round(burst.base_share, 4),
                           Round(burst.baseline_peak_z, 1)});
  }
  Table voices{.name = "rising_voices",
               .title = "Rising voices: authors whose share of a bursting topic bursts",
               .columns = {"topic", "handle", "start", "end", "strength", "posts", "topic_posts", "new_voice"}};
  for (const RisingVoice& voice : report->rising_voices) {
    voices.rows.push_back({voice.topic, voice.handle, FormatBin(voice.start, report->bin),
                           FormatBin(voice.end, report->bin), Round(voice.strength, 1), voice.posts,
                           voice.topic_posts, voice.new_voice});
  }
  Table distinctive{.name = "distinctive_terms",
                    .title = report->distinctive_tag.empty()
                                 ? std::string("Distinctive terms: no tag recurs across periods (name one with --tag)")
                                 : "Distinctive terms of #" + report->distinctive_tag + " per " + arguments.per +
                                       " (log-odds, informative Dirichlet prior; Monroe et al. 2008)",
                    .columns = {arguments.per, "posts", "term", "z", "count"}};
  for (const PeriodTerm& term : report->distinctive_terms) {
    distinctive.rows.push_back({term.period, term.period_posts, term.term, Round(term.z, 2), term.count});
  }
  return Print(globals, {summary, bursts, voices, distinctive});
}

}  // namespace

void AddTrendsCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "trends",
      "What burst in a period (hashtags and terms, Kleinberg's burst automaton), the rising voices of each "
      "bursting topic, and the distinctive terms of each year of a recurring tag.");
  auto arguments = std::make_shared<TrendsArguments>();
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
  command->callback([&globals, arguments] { globals.exit_code = Run(globals, *arguments); });
}

}  // namespace crowdlens::cli
