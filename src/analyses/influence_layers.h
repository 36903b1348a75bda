// Graph position for influence: PageRank (Page, Brin, Motwani and Winograd
// 1999) on each layer of the crowd, turned into one value per directory
// account.
//
// All time, the follow, retweet and reply layers are the workspace's shared
// layers (store/graph_layers.h, cached on disk). The mention layer is built
// here from the classified mentions: the shared layer minus the courtesy
// mentions (analyses/courtesy.h), since a "thanks for the follow" passes no
// attention on. For a window of time (weekly scores) the retweet, mention and
// reply layers are built from the window's posts alone; the follow layer has
// no dates and is left out.
//
// An account's value on a layer is n * PageRank (n: the layer's nodes), so 1
// is the average node; it is 0 for an account that no edge of the layer points
// to, because the teleport share every node gets is no one's attention.
//
//   Result<LayerRanks> ranks = RankAllLayers(workspace, activity);
//   ranks->at(LayerIndex(Layer::kRetweet)).relative[account];
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "analyses/influence_counts.h"
#include "analyses/influence_events.h"
#include "graph/graph.h"
#include "graph/pagerank.h"
#include "store/graph_layers.h"
#include "store/workspace.h"

namespace crowdlens {

struct LayerRank {
  Layer layer = Layer::kFollow;
  std::vector<double> pagerank;  // per directory account; the sum over its rows; 0 when not a node
  std::vector<double> relative;  // n * pagerank, or 0 when nothing points to the account
  std::vector<bool> node;        // the account is a node of the layer
  graph::NodeId node_count = 0;
  graph::EdgeIndex edge_count = 0;
  int iterations = 0;
  bool converged = true;
};

using LayerRanks = std::array<LayerRank, kAllLayers.size()>;

// Position of `layer` in kAllLayers (and in LayerRanks).
size_t LayerIndex(Layer layer);

// The options every influence PageRank runs with: damping 0.85 (Page et al.
// 1999), L1 tolerance 1e-10, at most 200 iterations.
graph::PageRankOptions InfluencePageRankOptions();

// PageRank on a graph whose node labels are account keys.
LayerRank RankLayerGraph(const graph::Graph& graph, Layer layer, const AccountDirectory& accounts);

// A retweet, mention (substantive only) or reply graph from the attention
// events: all of them, or only those of `window` (imported edges have no date
// and are left out of windows). Labels are account keys, weights counts.
graph::Graph BuildAttentionGraph(const WorkspaceActivity& activity, Layer layer, const TimeWindow* window);

// The four all-time layers.
Result<LayerRanks> RankAllLayers(Workspace& workspace, const WorkspaceActivity& activity);

// The layers of one window: follow left empty (no node anywhere).
LayerRanks RankWindowLayers(const WorkspaceActivity& activity, TimeWindow window);

}  // namespace crowdlens
