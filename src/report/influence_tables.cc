#include "report/influence_tables.h"

#include <algorithm>
#include <cmath>

#include "analyses/influence_topics.h"
#include "analyses/influence_weekly.h"
#include "core/time.h"

namespace crowdlens {
namespace {

double Round(double value, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(value * scale) / scale;
}

// A rounded number; from a million up a whole one, which the table prints without an exponent.
Cell Number(double value, int digits) {
  if (std::abs(value) >= 1e6) return static_cast<int64_t>(std::llround(value));
  return Round(value, digits);
}

std::string Day(int64_t at) { return FormatTimestamp(at).substr(0, 10); }

Cell OptionalRatio(const InfluenceCounts& counts) {
  std::optional<double> ratio = counts.ratio();
  return ratio ? Number(*ratio, 2) : Cell{};
}

// One row of the main table.
std::vector<Cell> InfluenceRow(const InfluenceAnalysis& analysis, uint32_t account, int64_t rank) {
  const InfluenceCounts& counts = analysis.counts[account];
  return {rank,
          analysis.accounts().Label(account),
          Round(analysis.scores[account].score, 1),
          counts.followers,
          counts.following,
          OptionalRatio(counts),
          counts.posts,
          counts.retweets_received,
          counts.quotes_received,
          Number(counts.amplification(), 2),
          counts.mentions_substantive,
          counts.mentions_courtesy,
          counts.replies_received};
}

Table InfluenceTable(const std::string& title) {
  return Table{
      .name = "influence",
      .title = title,
      .columns = {"rank", "account", "score", "followers", "following", "ratio", "posts", "retweets_received",
                  "quotes_received", "amplification", "mentions_substantive", "mentions_courtesy", "replies_received"}};
}

Table BreakdownTable() {
  Table table{.name = "score_breakdown",
              .title = "Score breakdown: points each component adds (weights in docs/influence.md)",
              .columns = {"rank", "account", "score"}};
  for (const ScoreComponentSpec& spec : kScoreComponents) table.columns.push_back(std::string(spec.name));
  return table;
}

std::vector<Cell> BreakdownRow(const InfluenceAnalysis& analysis, uint32_t account, int64_t rank) {
  std::vector<Cell> row = {rank, analysis.accounts().Label(account), Round(analysis.scores[account].score, 1)};
  for (const ScoreComponentSpec& spec : kScoreComponents) {
    row.push_back(Round(analysis.scores[account].components[spec.component].points, 1));
  }
  return row;
}

Table PageRankTable() {
  return Table{
      .name = "pagerank",
      .title = "PageRank on each layer (each layer's ranks sum to 1; empty: not a node)",
      .columns = {"rank", "account", "pagerank_follow", "pagerank_retweet", "pagerank_mention", "pagerank_reply"}};
}

std::vector<Cell> PageRankRow(const InfluenceAnalysis& analysis, uint32_t account, int64_t rank) {
  std::vector<Cell> row = {rank, analysis.accounts().Label(account)};
  for (Layer layer : kAllLayers) {
    const LayerRank& ranks = analysis.layers[LayerIndex(layer)];
    row.push_back(ranks.node[account] ? Cell{ranks.pagerank[account]} : Cell{});
  }
  return row;
}

Table LayersTable(const InfluenceAnalysis& analysis) {
  Table table{.name = "layers",
              .title = "Graph layers (mention: substantive mentions only)",
              .columns = {"layer", "nodes", "edges", "iterations", "converged"}};
  for (Layer layer : kAllLayers) {
    const LayerRank& ranks = analysis.layers[LayerIndex(layer)];
    table.rows.push_back({std::string(LayerName(layer)), static_cast<int64_t>(ranks.node_count),
                          static_cast<int64_t>(ranks.edge_count), int64_t{ranks.iterations}, ranks.converged});
  }
  return table;
}

std::vector<Table> TopTables(const InfluenceAnalysis& analysis, size_t top) {
  const size_t shown = std::min(top, analysis.ranking.size());
  Table main = InfluenceTable("Who moves the crowd: top " + std::to_string(shown) + " of " +
                              std::to_string(analysis.ranking.size()) + " accounts by crowdlens score (0-100)");
  Table breakdown = BreakdownTable();
  Table pagerank = PageRankTable();
  for (size_t position = 0; position < shown; ++position) {
    uint32_t account = analysis.ranking[position];
    int64_t rank = static_cast<int64_t>(position + 1);
    main.rows.push_back(InfluenceRow(analysis, account, rank));
    breakdown.rows.push_back(BreakdownRow(analysis, account, rank));
    pagerank.rows.push_back(PageRankRow(analysis, account, rank));
  }
  return {main, breakdown, pagerank, LayersTable(analysis)};
}

Result<std::vector<Table>> AccountTables(const InfluenceAnalysis& analysis, const std::vector<uint32_t>& accounts,
                                         const ActivityPeriod& period) {
  std::vector<int64_t> rank_of(analysis.ranking.size());
  for (size_t position = 0; position < analysis.ranking.size(); ++position) {
    rank_of[analysis.ranking[position]] = static_cast<int64_t>(position + 1);
  }
  Table main = InfluenceTable("Influence (rank among " + std::to_string(analysis.ranking.size()) + " accounts)");
  Table pagerank = PageRankTable();
  Table breakdown{
      .name = "score_breakdown",
      .title = "Why: each component = (percentile + log_scaled) / 2; points = weight x component",
      .columns = {"account", "component", "value", "percentile", "log_scaled", "component_score", "weight", "points"}};
  Table mentions{.name = "mentions_by_kind",
                 .title = "Mentions received, by the courtesy classifier",
                 .columns = {"account", "kind", "mentions"}};
  Table activity{.name = "activity",
                 .title = "Activity " + period.label,
                 .columns = {"account", "posts", "original_posts", "replies_sent", "retweets_sent", "mentions_received",
                             "mentions_courtesy", "retweets_received", "replies_received", "new_followers"}};
  // The sentence gets a table of its own: a "message" column is printed whole on a terminal.
  Table sentences{.name = "activity_summary", .title = "In short", .columns = {"account", "message"}};
  Table style{
      .name = "engagement_style",
      .title = "Engagement style " + period.label,
      .columns = {"account", "style", "original_share", "reply_share", "retweet_share", "curated_share", "reason"}};
  for (uint32_t account : accounts) {
    const std::string label = analysis.accounts().Label(account);
    main.rows.push_back(InfluenceRow(analysis, account, rank_of[account]));
    pagerank.rows.push_back(PageRankRow(analysis, account, rank_of[account]));
    for (const ScoreComponentSpec& spec : kScoreComponents) {
      const ComponentScore& part = analysis.scores[account].components[spec.component];
      breakdown.rows.push_back({label, std::string(spec.name), Number(part.value, 4), Round(part.percentile, 1),
                                Round(part.log_scaled, 1), Round(part.score, 1), Round(part.weight, 3),
                                Round(part.points, 2)});
    }
    mentions.rows.push_back({label, std::string(MentionKindName(MentionKind::kSubstantive)),
                             analysis.counts[account].mentions_substantive});
    for (MentionKind kind : kCourtesyKinds) {
      mentions.rows.push_back({label, std::string(MentionKindName(kind)),
                               analysis.counts[account].mentions_by_kind[static_cast<size_t>(kind)]});
    }
    ActivitySummary summary = SummariseActivity(analysis.activity, account, period);
    const InfluenceCounts& counts = summary.counts;
    activity.rows.push_back({label, counts.posts, counts.original_posts, counts.replies_sent, counts.retweets_sent,
                             counts.mentions_substantive + counts.mentions_courtesy, counts.mentions_courtesy,
                             counts.retweets_received + counts.quotes_received, counts.replies_received,
                             counts.new_followers});
    sentences.rows.push_back({label, summary.sentence});
    std::string reasons;
    for (const std::string& reason : summary.style.reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
    style.rows.push_back({label, std::string(EngagementStyleName(summary.style.style)),
                          Round(summary.style.original_share, 3), Round(summary.style.reply_share, 3),
                          Round(summary.style.retweet_share, 3), Round(summary.style.curated_share, 3), reasons});
  }
  return std::vector<Table>{main, breakdown, pagerank, mentions, activity, sentences, style};
}

std::vector<Table> WeeklyTables(const InfluenceAnalysis& analysis, uint32_t account, const WeeklyTrend& trend) {
  Table weeks{.name = "weekly",
              .title = "Weekly score of " + analysis.accounts().Label(account) +
                       " (weeks with activity; each scored against the accounts active in it)",
              .columns = {"week", "posts", "retweets_received", "quotes_received", "mentions_substantive",
                          "mentions_courtesy", "replies_received", "score", "active_accounts"}};
  for (const WeeklyScore& week : trend.weeks) {
    weeks.rows.push_back({Day(week.week_start), week.counts.posts, week.counts.retweets_received,
                          week.counts.quotes_received, week.counts.mentions_substantive, week.counts.mentions_courtesy,
                          week.counts.replies_received, Round(week.score.score, 1), int64_t{week.active_accounts}});
  }
  Table summary{.name = "weekly_summary",
                .title = "Trend",
                .columns = {"account", "active_weeks", "quiet_weeks", "first_week", "last_week", "first_score",
                            "last_score", "summary"},
                .single_record = true};
  std::vector<Cell> row = {analysis.accounts().Label(account), static_cast<int64_t>(trend.weeks.size()),
                           trend.quiet_weeks};
  if (trend.weeks.empty()) {
    row.insert(row.end(), {Cell{}, Cell{}, Cell{}, Cell{}});
  } else {
    row.insert(row.end(), {Day(trend.weeks.front().week_start), Day(trend.weeks.back().week_start),
                           Round(trend.weeks.front().score.score, 1), Round(trend.weeks.back().score.score, 1)});
  }
  row.push_back(trend.summary);
  summary.rows.push_back(std::move(row));
  return {summary, weeks};
}

std::vector<Table> AgreementTables(const InfluenceAnalysis& analysis, size_t top) {
  RankAgreement agreement = CompareRankings(AgreementMeasures(analysis), {.top_k = top, .disagreement_count = 10});
  Table pairs{.name = "agreement",
              .title = "Do the rankings agree? Spearman's rho with ties (Cha et al. 2010 found they do not)",
              .columns = {"measure_a", "measure_b", "accounts", "spearman_rho", "top_k", "top_overlap"}};
  for (const PairAgreement& pair : agreement.pairs) {
    pairs.rows.push_back({pair.first, pair.second, static_cast<int64_t>(pair.accounts),
                          pair.rho ? Cell{Round(*pair.rho, 3)} : Cell{}, static_cast<int64_t>(pair.top_k),
                          static_cast<int64_t>(pair.top_overlap)});
  }
  Table disagreements{.name = "disagreements",
                      .title = "Top disagreements: ranked high by one measure, low by another (percentile 100 = top)",
                      .columns = {"account", "ranked_high_by", "high_percentile", "high_value", "ranked_low_by",
                                  "low_percentile", "low_value"}};
  for (const Disagreement& entry : agreement.disagreements) {
    disagreements.rows.push_back({analysis.accounts().Label(static_cast<uint32_t>(entry.account)), entry.high_measure,
                                  Round(entry.high_percentile, 1), Number(entry.high_value, 2), entry.low_measure,
                                  Round(entry.low_percentile, 1), Number(entry.low_value, 2)});
  }
  return {pairs, disagreements};
}

std::vector<Table> TopicTables(const InfluenceAnalysis& analysis, const std::vector<TopicRanking>& rankings) {
  Table topics{.name = "topics",
               .title = "Topics (hashtags) and their use among the follow graph's accounts",
               .columns = {"topic", "posts", "accounts_with_posts"}};
  Table ranks{.name = "topic_ranks",
              .title = "Top accounts per topic by TwitterRank (Weng et al. 2010)",
              .columns = {"topic", "rank", "account", "twitter_rank", "relative_rank", "topic_posts", "topic_share"}};
  for (const TopicRanking& ranking : rankings) {
    topics.rows.push_back({"#" + ranking.tag, ranking.posts, int64_t{ranking.accounts_with_posts}});
    int64_t rank = 0;
    for (const TopicAccount& entry : ranking.top) {
      ranks.rows.push_back({"#" + ranking.tag, ++rank, analysis.accounts().Label(entry.account), entry.rank,
                            Round(entry.relative, 2), entry.topic_posts, Round(entry.share, 3)});
    }
  }
  return {topics, ranks};
}

}  // namespace

Result<std::vector<Table>> InfluenceTables(Workspace& workspace, const InfluenceRequest& request) {
  Result<InfluenceAnalysis> analysis = AnalyseInfluence(workspace);
  if (!analysis.ok()) return analysis.status();
  return InfluenceTables(workspace, *analysis, request);
}

Result<std::vector<Table>> InfluenceTables(Workspace& workspace, const InfluenceAnalysis& analysis,
                                           const InfluenceRequest& given) {
  InfluenceRequest request = given;
  if (!request.topic_tags.empty()) request.topics = true;
  int modes = (request.agreement ? 1 : 0) + (request.topics ? 1 : 0) + (request.weekly.empty() ? 0 : 1);
  if (modes > 1) return InvalidArgument("choose one of --agreement, --topics and --weekly");
  if (modes == 1 && !request.handles.empty()) {
    return InvalidArgument("HANDLEs list accounts; --agreement, --topics and --weekly are views of their own");
  }
  // Twenty accounts, or ten per topic, unless top says otherwise.
  const size_t top = request.top.value_or(request.topics ? 10 : 20);
  if (top == 0) return InvalidArgument("--top must be at least 1");
  if (request.days != 0) request.period.days = request.days;
  Result<ActivityPeriod> period = ResolvePeriod(analysis.activity, request.period);
  if (!period.ok()) return period.status();
  if (request.agreement) return AgreementTables(analysis, top);
  if (request.topics) {
    Result<std::vector<TopicRanking>> rankings =
        RankTopics(workspace, analysis, {.tags = request.topic_tags, .topic_count = request.topic_count}, top);
    if (!rankings.ok()) return rankings.status();
    return TopicTables(analysis, *rankings);
  }
  if (!request.weekly.empty()) {
    Result<uint32_t> account = analysis.accounts().Find(request.weekly);
    if (!account.ok()) return account.status();
    bool bounded = request.period.days || !request.period.since.empty() || !request.period.until.empty();
    WeeklyTrend trend = WeeklyScores(analysis, *account, bounded ? period->window : TimeWindow{});
    return WeeklyTables(analysis, *account, trend);
  }
  if (request.handles.empty()) return TopTables(analysis, top);
  std::vector<uint32_t> accounts;
  for (const std::string& handle : request.handles) {
    Result<uint32_t> account = analysis.accounts().Find(handle);
    if (!account.ok()) return account.status();
    accounts.push_back(*account);
  }
  return AccountTables(analysis, accounts, *period);
}

}  // namespace crowdlens
