// Writers for the crowd's graph in the formats network tools read:
//   GraphML   (Cytoscape, NodeXL, networkx, igraph, yEd)
//   GEXF 1.2  (Gephi)
//   edgelist  ("source target weight layer" by handle, for scripts)
// Nodes carry the account's handle, name, platform, location, follower and
// following counts, posts held and PageRank per layer; edges carry their layer
// and weight. Node ids are "a<account_key>", stable across exports.
//
//   WriteGraphMl(std::cout, crowd);
#pragma once

#include <optional>
#include <ostream>
#include <string_view>

#include "analyses/crowd_graph.h"

namespace crowdlens {

enum class GraphFormat { kGraphMl, kGexf, kEdgeList };

// "graphml", "gexf" or "edgelist".
std::optional<GraphFormat> ParseGraphFormat(std::string_view name);

void WriteGraphMl(std::ostream& out, const CrowdGraph& crowd);
void WriteGexf(std::ostream& out, const CrowdGraph& crowd);
void WriteEdgeList(std::ostream& out, const CrowdGraph& crowd);

void WriteGraph(std::ostream& out, GraphFormat format, const CrowdGraph& crowd);

}  // namespace crowdlens
