#include "report/prospects_tables.h"

#include <cmath>

#include "core/time.h"

namespace crowdlens {
namespace {

double Round(double value, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(value * scale) / scale;
}

std::string Weights() {
  std::string weights;
  for (const ProspectComponentSpec& spec : kProspectComponents) {
    weights += (weights.empty() ? "" : " + ") + std::to_string(static_cast<int>(std::lround(spec.weight * 100))) + "% " +
               std::string(spec.name);
  }
  return weights;
}

Table SummaryTable(const ProspectReport& report, size_t shown, size_t prospects) {
  Table summary{.name = "prospects_summary",
                .title = "What was searched and who was left out",
                .columns = {"subject", "owner", "reference_time", "half_life_days", "since", "matching_posts", "authors",
                            "prospects", "shown", "excluded_owner", "excluded_already_followed",
                            "excluded_supplier_or_competitor", "excluded_spam", "target_audience", "score"},
                .single_record = true};
  summary.rows.push_back(
      {report.subject, report.owner, FormatTimestamp(report.reference_time),
       Round(static_cast<double>(report.half_life) / 86400.0, 2),
       report.since ? Cell{FormatTimestamp(*report.since)} : Cell{}, report.matching_posts,
       static_cast<int64_t>(report.ranked.size()), static_cast<int64_t>(prospects), static_cast<int64_t>(shown),
       report.excluded(ProspectExclusion::kOwner), report.excluded(ProspectExclusion::kFollowed),
       report.excluded(ProspectExclusion::kCompetitor), report.excluded(ProspectExclusion::kSpam),
       report.has_target, report.has_target ? Weights() : Weights() + " (no target audience: fit left out, the rest scaled to 1)"});
  return summary;
}

}  // namespace

Result<int64_t> ParseDurationOption(const std::string& text, const char* option) {
  std::optional<int64_t> seconds = ParseDuration(text);
  if (!seconds) {
    return InvalidArgument(std::string(option) + " \"" + text + "\" is not a duration; write it as 30d, 12h or 90m");
  }
  return *seconds;
}

Result<std::optional<int64_t>> ParseDateOption(const std::string& text, const char* option) {
  if (text.empty()) return std::optional<int64_t>();
  std::optional<int64_t> at = ParseTimestamp(text);
  if (!at) {
    return InvalidArgument(std::string(option) + " \"" + text +
                           "\" is not a date; write it as 2015-03-24 or 2015-03-24T12:00:00Z");
  }
  return at;
}

Result<std::vector<Table>> ProspectsTables(Workspace& workspace, const ProspectsRequest& request) {
  if (request.top == 0) return InvalidArgument("--top must be at least 1");
  ProspectOptions options{.subject = {.topic = request.topic, .hashtag = request.hashtag, .query = request.query},
                          .include_competitors = request.include_competitors,
                          .owner = request.owner};
  Result<int64_t> half_life = ParseDurationOption(request.half_life, "--half-life");
  if (!half_life.ok()) return half_life.status();
  options.half_life = *half_life;
  if (!request.since.empty()) {
    // A date, or a duration back from the reference time.
    if (std::optional<int64_t> at = ParseTimestamp(request.since); at && request.since.find('-') != std::string::npos) {
      options.since = *at;
    } else if (std::optional<int64_t> back = ParseDuration(request.since)) {
      options.within = *back;
    } else {
      return InvalidArgument("--since \"" + request.since +
                             "\" is neither a date (2015-03-01) nor a duration back from the newest post (90d)");
    }
  }
  Result<std::optional<int64_t>> now = ParseDateOption(request.now, "--now");
  if (!now.ok()) return now.status();
  options.now = *now;

  Result<ProspectReport> report = AnalyseProspects(workspace, options);
  if (!report.ok()) return report.status();
  std::vector<const Prospect*> prospects = report->prospects();
  const size_t shown = std::min(request.top, prospects.size());

  Table table{.name = "prospects",
              .title = "People who talk about " + report->subject + ": top " + std::to_string(shown) + " of " +
                       std::to_string(prospects.size()) + " prospects (score 0-1: " + Weights() +
                       "; docs/prospects.md)",
              .columns = {"rank", "handle", "name", "matching_posts", "retweets", "last_posted_at", "weighted_posts",
                          "relevance", "influence", "fit", "reach", "influence_score", "in_target", "follows_you",
                          "followed_by_your_follows", "score", "why"}};
  for (size_t position = 0; position < shown; ++position) {
    const Prospect& prospect = *prospects[position];
    table.rows.push_back({static_cast<int64_t>(position + 1), prospect.standing.handle, prospect.standing.name,
                          prospect.matching_posts, prospect.retweets, FormatTimestamp(prospect.last_post_at),
                          Round(prospect.weighted_posts, 4), Round(prospect.components[kRelevance], 3),
                          Round(prospect.components[kInfluence], 3),
                          report->has_target ? Cell{Round(prospect.components[kFit], 3)} : Cell{},
                          Round(prospect.components[kReach], 3), Round(prospect.standing.influence, 1),
                          prospect.standing.in_target, prospect.standing.follows_owner,
                          prospect.standing.followed_by_owner_follows, Round(prospect.score, 3), prospect.why});
  }
  return std::vector<Table>{table, SummaryTable(*report, shown, prospects.size())};
}

}  // namespace crowdlens
