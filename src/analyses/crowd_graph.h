// The crowd as one multi-layer graph with node attributes, ready to export
// to Gephi, Cytoscape or NodeXL: every account with an edge in the chosen
// layers, its profile figures and its PageRank on each layer, and every edge
// with its layer and weight.
//
//   Result<CrowdGraph> crowd = BuildCrowdGraph(workspace, {Layer::kFollow, Layer::kRetweet});
//   WriteGraphMl(std::cout, *crowd);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/graph_layers.h"
#include "store/workspace.h"

namespace crowdlens {

struct CrowdGraphNode {
  int64_t account_key = 0;
  std::string platform;
  std::string handle;  // the platform id prefixed with "id:" when the handle is unknown
  std::string name;
  std::string location;
  std::optional<int64_t> followers;  // as the profile states it
  std::optional<int64_t> following;
  int64_t posts = 0;  // posts held in the workspace
  bool verified = false;
  std::vector<double> pagerank;  // one per exported layer, in CrowdGraph::layers order
};

struct CrowdGraphEdge {
  uint32_t source = 0;  // index into CrowdGraph::nodes
  uint32_t target = 0;
  Layer layer = Layer::kFollow;
  double weight = 1;
};

struct CrowdGraph {
  std::vector<Layer> layers;
  std::vector<CrowdGraphNode> nodes;  // ascending account_key
  std::vector<CrowdGraphEdge> edges;  // by layer, then target
};

// Builds the graph of `layers` (cached layer files are used), with PageRank
// (damping 0.85, weighted) computed per layer.
Result<CrowdGraph> BuildCrowdGraph(Workspace& workspace, const std::vector<Layer>& layers);

}  // namespace crowdlens
