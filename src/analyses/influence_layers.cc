#include "analyses/influence_layers.h"

#include "graph/graph_builder.h"

namespace crowdlens {
namespace {

bool EventBelongsTo(const AttentionEvent& event, Layer layer) {
  switch (layer) {
    case Layer::kFollow:
      return false;
    case Layer::kRetweet:
      return event.kind == AttentionKind::kRetweet || event.kind == AttentionKind::kQuote;
    case Layer::kMention:
      return event.kind == AttentionKind::kMention && !IsCourtesy(event.mention_kind);
    case Layer::kReply:
      return event.kind == AttentionKind::kReply;
  }
  return false;
}

LayerRank EmptyLayer(Layer layer, uint32_t account_count) {
  LayerRank rank{.layer = layer};
  rank.pagerank.assign(account_count, 0.0);
  rank.relative.assign(account_count, 0.0);
  rank.node.assign(account_count, false);
  return rank;
}

}  // namespace

size_t LayerIndex(Layer layer) {
  for (size_t index = 0; index < kAllLayers.size(); ++index) {
    if (kAllLayers[index] == layer) return index;
  }
  return 0;
}

graph::PageRankOptions InfluencePageRankOptions() {
  return {.damping = 0.85, .max_iterations = 200, .tolerance = 1e-10};
}

LayerRank RankLayerGraph(const graph::Graph& graph, Layer layer, const AccountDirectory& accounts) {
  LayerRank rank = EmptyLayer(layer, accounts.size());
  rank.node_count = graph.node_count();
  rank.edge_count = graph.edge_count();
  if (graph.node_count() == 0) return rank;
  graph::PageRankResult result = graph::PageRank(graph, InfluencePageRankOptions());
  rank.iterations = result.iterations;
  rank.converged = result.converged;
  std::vector<bool> pointed_to(accounts.size(), false);
  for (graph::NodeId node = 0; node < graph.node_count(); ++node) {
    std::optional<uint32_t> account = accounts.IndexOf(static_cast<int64_t>(graph.labels()[node]));
    if (!account) continue;
    rank.node[*account] = true;
    rank.pagerank[*account] += result.scores[node];
    if (graph.in_edges(node).size() > 0) pointed_to[*account] = true;
  }
  for (uint32_t account = 0; account < accounts.size(); ++account) {
    if (pointed_to[account]) rank.relative[account] = static_cast<double>(graph.node_count()) * rank.pagerank[account];
  }
  return rank;
}

graph::Graph BuildAttentionGraph(const WorkspaceActivity& activity, Layer layer, const TimeWindow* window) {
  graph::GraphBuilder builder({.weighted = true, .merge_duplicates = true, .drop_self_loops = true});
  for (const AttentionEvent& event : activity.events) {
    if (!EventBelongsTo(event, layer)) continue;
    if (window != nullptr && (event.imported || !window->Contains(event.at))) continue;
    builder.AddEdge(static_cast<uint64_t>(activity.accounts.account(event.source).account_key),
                    static_cast<uint64_t>(activity.accounts.account(event.target).account_key),
                    static_cast<float>(event.weight));
  }
  return std::move(builder).Build();
}

Result<LayerRanks> RankAllLayers(Workspace& workspace, const WorkspaceActivity& activity) {
  LayerRanks ranks;
  for (Layer layer : kAllLayers) {
    if (layer == Layer::kMention) {
      ranks[LayerIndex(layer)] =
          RankLayerGraph(BuildAttentionGraph(activity, layer, nullptr), layer, activity.accounts);
      continue;
    }
    Result<graph::Graph> graph = LoadLayer(workspace, layer);
    if (!graph.ok())
      return graph.status().WithContext(std::string("loading the ") + std::string(LayerName(layer)) + " layer");
    ranks[LayerIndex(layer)] = RankLayerGraph(*graph, layer, activity.accounts);
  }
  return ranks;
}

LayerRanks RankWindowLayers(const WorkspaceActivity& activity, TimeWindow window) {
  LayerRanks ranks;
  for (Layer layer : kAllLayers) {
    if (layer == Layer::kFollow) {
      ranks[LayerIndex(layer)] = EmptyLayer(layer, activity.accounts.size());
      continue;
    }
    ranks[LayerIndex(layer)] = RankLayerGraph(BuildAttentionGraph(activity, layer, &window), layer, activity.accounts);
  }
  return ranks;
}

}  // namespace crowdlens
