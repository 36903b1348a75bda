#include "report/trends_tables.h"

#include <cmath>
#include <tuple>

#include "analyses/trends.h"
#include "core/time.h"

namespace crowdlens {
namespace {

double Round(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

}  // namespace

Result<std::vector<Table>> TrendsTables(Workspace& workspace, const TrendsRequest& arguments) {
  TrendsOptions options{.burst = {.s = arguments.s, .gamma = arguments.gamma},
                        .include_retweets = !arguments.no_retweets,
                        .min_count = arguments.min_count,
                        .top = arguments.top,
                        .tag = arguments.tag,
                        .period = arguments.per == "month" ? TrendPeriod::kMonth : TrendPeriod::kYear};
  if (arguments.s <= 1.0) return InvalidArgument("--s must be above 1 (the burst rate is s times the base rate)");
  if (arguments.gamma <= 0) return InvalidArgument("--gamma must be above 0");
  for (auto [text, bound, option] : {std::tuple{&arguments.from, &options.from, "--from"},
                                     std::tuple{&arguments.to, &options.to, "--to"}}) {
    if (text->empty()) continue;
    *bound = ParseDateBound(*text);
    if (!*bound) return InvalidArgument(std::string(option) + " \"" + *text + "\" is not a date; write 2021-03-01");
  }
  if (!arguments.bin.empty()) options.bin = ParseTimeBin(arguments.bin);
  Result<TrendsReport> report = Trends(workspace.db(), options);
  if (!report.ok()) return report.status();

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
  return std::vector<Table>{summary, bursts, voices, distinctive};
}


}  // namespace crowdlens
