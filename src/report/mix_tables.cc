#include "report/mix_tables.h"

#include <cmath>

#include "analyses/mix.h"
#include "analyses/mix_draft.h"
#include "analyses/mix_travel.h"
#include "core/time.h"
#include "store/account_lookup.h"
#include "store/mix_config.h"

namespace crowdlens {
namespace {

double Round(double value, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(value * scale) / scale;
}

std::string Day(int64_t at) { return FormatTimestamp(at).substr(0, 10); }

// A post's text on one line, for the terminal table (which clips long cells); json and csv keep it as written.
std::string OneLine(const std::string& text) {
  std::string flat;
  for (char c : text) flat += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return flat;
}

std::string Features(const MixVerdict& verdict) {
  std::string list;
  for (MixFeature feature : kMixFeatures) {
    if (verdict.Has(feature)) list += (list.empty() ? "" : ", ") + std::string(MixFeatureName(feature));
  }
  return list;
}

std::string FeatureEvidence(const MixVerdict& verdict) {
  std::string text;
  for (const std::string& line : verdict.feature_evidence) text += (text.empty() ? "" : "; ") + line;
  return text;
}

Cell Ratio(double with, double without) { return without > 0 ? Cell{Round(with / without, 2)} : Cell{}; }

// A mean per post, empty over no posts (0 would read as "drew nothing").
Cell Mean(int64_t posts, double mean) { return posts > 0 ? Cell{Round(mean, 2)} : Cell{}; }

Result<int64_t> ParseBound(const std::string& text, const char* option) {
  if (text.empty()) return int64_t{0};
  std::optional<int64_t> at = ParseTimestamp(text);
  if (!at) return InvalidArgument(std::string(option) + " " + text + ": not a date; write it as 2023-01-31");
  return *at;
}

std::string Verdict(const MixMonth& total) {
  if (total.posts == 0) return "no posts in the period";
  MixClass furthest = MixClass::kInteraction;
  for (MixClass mix_class : kMixClasses) {
    if (std::abs(total.Deviation(mix_class)) > std::abs(total.Deviation(furthest))) furthest = mix_class;
  }
  const double points = 100.0 * total.Deviation(furthest);
  if (std::abs(points) < 5.0) return "close to thirds: every class within 5 points of 33%";
  return std::string(MixClassName(furthest)) + " is " + std::to_string(std::lround(100.0 * total.Share(furthest))) +
         "% of posts, " + std::to_string(std::lround(std::abs(points))) + " points " + (points > 0 ? "over" : "under") +
         " the one-third target";
}

std::vector<Table> ReportTables(const MixReport& report, size_t shown_posts, bool terminal) {
  std::vector<MixMonth> months = MonthlyMix(report.posts);
  const MixMonth& total = months.back();
  std::string sites;
  for (const std::string& site : report.sites.site_names) sites += (sites.empty() ? "" : ", ") + site;

  Table summary{.name = "mix_summary",
                .title = "Content mix of @" + report.handle + " against the rule of thirds (docs/mix.md)",
                .columns = {"account", "posts", "first_post", "last_post", "interaction_share", "content_share",
                            "promotion_share", "own_sites", "message"},
                .single_record = true};
  summary.rows.push_back(
      {report.handle, total.posts, report.posts.empty() ? Cell{} : Cell{Day(report.posts.front().created_at)},
       report.posts.empty() ? Cell{} : Cell{Day(report.posts.back().created_at)},
       Round(total.Share(MixClass::kInteraction), 3), Round(total.Share(MixClass::kContent), 3),
       Round(total.Share(MixClass::kPromotion), 3),
       sites.empty() ? std::string("(none: no profile URL or [mix] own_domains)") : sites, Verdict(total)});

  Table monthly{
      .name = "monthly",
      .title = "Mix per month (deviation: share minus the 1/3 target)",
      .columns = {"month", "posts", "interaction", "content", "promotion", "interaction_share", "content_share",
                  "promotion_share", "interaction_deviation", "content_deviation", "promotion_deviation"}};
  for (const MixMonth& month : months) {
    std::vector<Cell> row = {month.month, month.posts};
    for (MixClass mix_class : kMixClasses) row.push_back(month.counts[static_cast<size_t>(mix_class)]);
    for (MixClass mix_class : kMixClasses) row.push_back(Round(month.Share(mix_class), 3));
    for (MixClass mix_class : kMixClasses) row.push_back(Round(month.Deviation(mix_class), 3));
    monthly.rows.push_back(std::move(row));
  }

  MixTravel travel = MeasureTravel(report.posts);
  Table travelled{.name = "travel",
                  .title =
                      "What travelled: retweets and replies received per own post (retweets excluded), "
                      "with the group against the rest",
                  .columns = {"by", "group", "posts", "retweets_per_post", "replies_per_post", "posts_without",
                              "retweets_per_post_without", "replies_per_post_without", "retweet_ratio", "reply_ratio"}};
  for (MixClass mix_class : kMixClasses) {
    const TravelGroup& with = travel.by_class[static_cast<size_t>(mix_class)];
    const int64_t rest = travel.all.posts - with.posts;
    const double rest_retweets = rest > 0 ? static_cast<double>(travel.all.retweets - with.retweets) / rest : 0.0;
    const double rest_replies = rest > 0 ? static_cast<double>(travel.all.replies - with.replies) / rest : 0.0;
    travelled.rows.push_back({std::string("class"), std::string(MixClassName(mix_class)), with.posts,
                              Mean(with.posts, with.retweets_per_post), Mean(with.posts, with.replies_per_post), rest,
                              Mean(rest, rest_retweets), Mean(rest, rest_replies),
                              with.posts > 0 ? Ratio(with.retweets_per_post, rest_retweets) : Cell{},
                              with.posts > 0 ? Ratio(with.replies_per_post, rest_replies) : Cell{}});
  }
  for (MixFeature feature : kMixFeatures) {
    const FeatureTravel& entry = travel.by_feature[static_cast<size_t>(feature)];
    travelled.rows.push_back(
        {std::string("feature"), std::string(MixFeatureName(feature)), entry.with.posts,
         Mean(entry.with.posts, entry.with.retweets_per_post), Mean(entry.with.posts, entry.with.replies_per_post),
         entry.without.posts, Mean(entry.without.posts, entry.without.retweets_per_post),
         Mean(entry.without.posts, entry.without.replies_per_post),
         entry.with.posts > 0 ? Ratio(entry.with.retweets_per_post, entry.without.retweets_per_post) : Cell{},
         entry.with.posts > 0 ? Ratio(entry.with.replies_per_post, entry.without.replies_per_post) : Cell{}});
  }

  Table sources{.name = "received_from",
                .title = "Where the received figures come from",
                .columns = {"own_posts", "posts_with_stored_retweet_count", "posts_with_stored_reply_count",
                            "posts_with_retweets_in_workspace", "posts_with_replies_in_workspace", "message"},
                .single_record = true};
  sources.rows.push_back({travel.all.posts, travel.posts_with_stored_retweets, travel.posts_with_stored_replies,
                          travel.posts_with_observed_retweets, travel.posts_with_observed_replies,
                          std::string("per post the larger of the platform's stored count and the retweets of / "
                                      "replies to it by other accounts held in the workspace")});

  const size_t shown = shown_posts == 0 ? report.posts.size() : std::min(shown_posts, report.posts.size());
  Table posts{.name = "posts",
              .title = "The " + std::to_string(shown) + " most recent of " + std::to_string(report.posts.size()) +
                       " posts, with the rule that classified each",
              .columns = {"date", "post_id", "class", "rule", "evidence", "features", "retweets_received",
                          "replies_received", "text"}};
  for (size_t count = 0; count < shown; ++count) {
    const MixPost& post = report.posts[report.posts.size() - 1 - count];
    posts.rows.push_back(
        {Day(post.created_at), post.platform_id, std::string(MixClassName(post.verdict.mix_class)), post.verdict.rule,
         post.verdict.evidence, Features(post.verdict), post.is_retweet ? Cell{} : Cell{post.retweets_received},
         post.is_retweet ? Cell{} : Cell{post.replies_received}, terminal ? OneLine(post.text) : post.text});
  }
  return {summary, monthly, travelled, sources, posts};
}

std::vector<Table> DraftTables(const MixReport& report, const DraftScore& score) {
  Table draft{.name = "draft",
              .title = "The draft, classified as a post of @" + report.handle + " would be",
              .columns = {"class", "rule", "evidence", "features", "feature_evidence"},
              .single_record = true};
  draft.rows.push_back({std::string(MixClassName(score.verdict.mix_class)), score.verdict.rule, score.verdict.evidence,
                        Features(score.verdict), FeatureEvidence(score.verdict)});
  Table estimates{.name = "draft_estimate",
                  .title = "Expected per post, from @" + report.handle + "'s own posts like it (at least " +
                           std::to_string(kMixMinEvidence) + " posts for an estimate)",
                  .columns = {"basis", "posts", "retweets_per_post", "replies_per_post", "enough", "chosen"}};
  for (size_t index = 0; index < score.estimates.size(); ++index) {
    const DraftEstimate& estimate = score.estimates[index];
    const bool any = estimate.group.posts > 0;
    estimates.rows.push_back({estimate.basis, estimate.group.posts,
                              any ? Cell{Round(estimate.group.retweets_per_post, 2)} : Cell{},
                              any ? Cell{Round(estimate.group.replies_per_post, 2)} : Cell{}, estimate.enough,
                              score.chosen && *score.chosen == index});
  }
  Table reasons{.name = "draft_reasons", .title = "Why", .columns = {"reason"}};
  for (const std::string& reason : score.reasons) reasons.rows.push_back({reason});
  return {draft, estimates, reasons};
}

}  // namespace

Result<std::vector<Table>> MixTables(Workspace& workspace, const MixRequest& request) {
  Result<Config> config = workspace.LoadConfig();
  if (!config.ok()) return config.status();
  Result<MixConfig> mix_config = LoadMixConfig(workspace.config_path());
  if (!mix_config.ok()) return mix_config.status();
  Result<int64_t> account = AccountOrOwner(workspace.db(), *config, request.handle, "mix");
  if (!account.ok()) return account.status();
  Result<int64_t> since = ParseBound(request.since, "--since");
  if (!since.ok()) return since.status();
  Result<int64_t> until = ParseBound(request.until, "--until");
  if (!until.ok()) return until.status();
  if (*since != 0 && *until != 0 && *until <= *since) return InvalidArgument("--until must be after --since");
  if (request.has_draft && request.draft.find_first_not_of(" \t\r\n") == std::string::npos) {
    return InvalidArgument("--draft needs the text of the post, e.g. --draft \"Join us on Friday\"");
  }
  Result<MixReport> report =
      AnalyseMix(workspace.db(),
                 {.account_key = *account, .own_domains = mix_config->own_domains, .since = *since, .until = *until});
  if (!report.ok()) return report.status();
  if (request.has_draft) return DraftTables(*report, ScoreDraft(request.draft, report->sites, report->posts));
  return ReportTables(*report, request.posts, request.for_terminal);
}


}  // namespace crowdlens
