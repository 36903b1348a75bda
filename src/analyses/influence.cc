#include "analyses/influence.h"

#include <algorithm>
#include <numeric>

namespace crowdlens {

std::array<std::vector<double>, kComponentCount> ComponentValues(const std::vector<InfluenceCounts>& counts,
                                                                 const LayerRanks& layers) {
  std::array<std::vector<double>, kComponentCount> values;
  for (std::vector<double>& column : values) column.assign(counts.size(), 0.0);
  for (size_t account = 0; account < counts.size(); ++account) {
    const InfluenceCounts& count = counts[account];
    values[kFollowers][account] = static_cast<double>(count.followers);
    values[kAmplification][account] = count.amplification();
    values[kMentions][account] = static_cast<double>(count.mentions_substantive);
    values[kReplies][account] = static_cast<double>(count.replies_received);
    values[kPageRankFollow][account] = layers[LayerIndex(Layer::kFollow)].relative[account];
    values[kPageRankRetweet][account] = layers[LayerIndex(Layer::kRetweet)].relative[account];
    values[kPageRankMention][account] = layers[LayerIndex(Layer::kMention)].relative[account];
    values[kPageRankReply][account] = layers[LayerIndex(Layer::kReply)].relative[account];
  }
  return values;
}

std::vector<uint32_t> RankByScore(const std::vector<InfluenceScore>& scores, const std::vector<InfluenceCounts>& counts,
                                  const AccountDirectory& accounts) {
  std::vector<uint32_t> order(scores.size());
  std::iota(order.begin(), order.end(), uint32_t{0});
  std::vector<std::string> labels(scores.size());
  for (uint32_t account = 0; account < scores.size(); ++account) labels[account] = accounts.Label(account);
  std::sort(order.begin(), order.end(), [&](uint32_t left, uint32_t right) {
    if (scores[left].score != scores[right].score) return scores[left].score > scores[right].score;
    if (counts[left].followers != counts[right].followers) return counts[left].followers > counts[right].followers;
    if (labels[left] != labels[right]) return labels[left] < labels[right];
    return left < right;
  });
  return order;
}

Result<InfluenceAnalysis> AnalyseInfluence(Workspace& workspace) {
  InfluenceAnalysis analysis;
  Result<WorkspaceActivity> activity = LoadWorkspaceActivity(workspace.db());
  if (!activity.ok()) return activity.status();
  analysis.activity = std::move(activity).value();
  analysis.counts = CountAllTime(analysis.activity);
  Result<LayerRanks> layers = RankAllLayers(workspace, analysis.activity);
  if (!layers.ok()) return layers.status();
  analysis.layers = std::move(layers).value();
  analysis.scores = ScorePopulation(ComponentValues(analysis.counts, analysis.layers), AllComponents());
  analysis.ranking = RankByScore(analysis.scores, analysis.counts, analysis.accounts());
  return analysis;
}

std::vector<RankingMeasure> AgreementMeasures(const InfluenceAnalysis& analysis) {
  const size_t account_count = analysis.counts.size();
  std::vector<bool> seen_themselves(account_count, false);
  for (uint32_t account = 0; account < account_count; ++account) {
    seen_themselves[account] = analysis.accounts().account(account).has_profile;
  }
  for (const PostRecord& post : analysis.activity.posts) seen_themselves[post.author] = true;
  RankingMeasure followers{.name = "followers"}, pagerank{.name = "pagerank"}, retweets{.name = "retweets_received"},
      mentions{.name = "mentions_received"};
  const LayerRank& follow_layer = analysis.layers[LayerIndex(Layer::kFollow)];
  for (uint32_t account = 0; account < account_count; ++account) {
    const InfluenceCounts& count = analysis.counts[account];
    followers.values.push_back(static_cast<double>(count.followers));
    followers.defined.push_back(count.followers_from_profile);
    pagerank.values.push_back(static_cast<double>(follow_layer.node_count) * follow_layer.pagerank[account]);
    pagerank.defined.push_back(follow_layer.node[account]);
    retweets.values.push_back(static_cast<double>(count.retweets_received + count.quotes_received));
    retweets.defined.push_back(seen_themselves[account]);
    mentions.values.push_back(static_cast<double>(count.mentions_substantive));
    mentions.defined.push_back(seen_themselves[account]);
  }
  return {followers, pagerank, retweets, mentions};
}

}  // namespace crowdlens
