#include "analyses/crowd_graph.h"

#include <algorithm>
#include <unordered_map>

#include "graph/pagerank.h"

namespace crowdlens {

Result<CrowdGraph> BuildCrowdGraph(Workspace& workspace, const std::vector<Layer>& layers) {
  CrowdGraph crowd;
  crowd.layers = layers;
  std::vector<graph::Graph> graphs;
  std::vector<std::vector<double>> ranks;
  std::vector<int64_t> keys;
  for (Layer layer : layers) {
    Result<graph::Graph> loaded = LoadLayer(workspace, layer);
    if (!loaded.ok()) return loaded.status();
    ranks.push_back(graph::PageRank(*loaded, {.damping = 0.85, .max_iterations = 200, .tolerance = 1e-12}).scores);
    for (uint64_t label : loaded->labels()) keys.push_back(static_cast<int64_t>(label));
    graphs.push_back(std::move(*loaded));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::unordered_map<int64_t, uint32_t> index_of;
  index_of.reserve(keys.size());
  crowd.nodes.resize(keys.size());
  for (uint32_t index = 0; index < keys.size(); ++index) {
    index_of[keys[index]] = index;
    crowd.nodes[index].account_key = keys[index];
    crowd.nodes[index].pagerank.assign(layers.size(), 0.0);
  }

  for (size_t layer_index = 0; layer_index < layers.size(); ++layer_index) {
    const graph::Graph& layer_graph = graphs[layer_index];
    std::vector<uint32_t> node_of(layer_graph.node_count());
    for (graph::NodeId node = 0; node < layer_graph.node_count(); ++node) {
      node_of[node] = index_of.at(static_cast<int64_t>(layer_graph.labels()[node]));
      crowd.nodes[node_of[node]].pagerank[layer_index] = ranks[layer_index][node];
    }
    for (graph::NodeId target = 0; target < layer_graph.node_count(); ++target) {
      for (graph::EdgeIndex edge : layer_graph.in_edges(target)) {
        crowd.edges.push_back({.source = node_of[layer_graph.in_sources()[edge]], .target = node_of[target],
                               .layer = layers[layer_index], .weight = layer_graph.in_weight(edge)});
      }
    }
  }

  Result<Statement> profile = workspace.db().Prepare(
      "SELECT platform, handle, platform_id, name, location, followers_count, following_count, verified, "
      "(SELECT count(*) FROM posts WHERE author_key = account_key) FROM accounts WHERE account_key = ?");
  if (!profile.ok()) return profile.status();
  for (CrowdGraphNode& node : crowd.nodes) {
    profile->Reset();
    profile->Bind(1, node.account_key);
    Result<bool> row = profile->Step();
    if (!row.ok()) return row.status();
    if (!*row) continue;
    node.platform = profile->ColumnText(0);
    node.handle = profile->ColumnIsNull(1) ? "id:" + profile->ColumnText(2) : profile->ColumnText(1);
    node.name = profile->ColumnText(3);
    node.location = profile->ColumnText(4);
    if (!profile->ColumnIsNull(5)) node.followers = profile->ColumnInt(5);
    if (!profile->ColumnIsNull(6)) node.following = profile->ColumnInt(6);
    node.verified = profile->ColumnInt(7) != 0;
    node.posts = profile->ColumnInt(8);
  }
  return crowd;
}

}  // namespace crowdlens
