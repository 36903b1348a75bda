// k-core decomposition: a node's core number is the largest k such that it
// belongs to a subgraph in which every node has degree at least k (Seidman
// 1983). By default degrees ignore direction: a node's degree is its in-degree
// plus its out-degree, parallel edges count each time and a self-loop twice, as
// in igraph's coreness(mode="all") and networkx's core_number on a DiGraph.
// The in- and out-cores count only one direction (igraph's mode="in"/"out");
// the in-core of a graph stored with both directions of every edge (an
// undirected graph) is its undirected k-core.
//
//   KCoreResult cores = KCoreDecomposition(graph, {});
//   Status checked = VerifyKCore(graph, {}, cores);
//
// The algorithm is Batagelj and Zaversnik's O(m) peeling (arXiv cs/0310049,
// 2003): nodes bucketed by current degree, removed lowest first, each removal
// lowering its neighbours' degrees and moving them one bucket down. It is
// sequential by nature; at the graph sizes here it runs in a fraction of one
// PageRank iteration.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "graph/graph.h"

namespace crowdlens::graph {

enum class KCoreMode {
  kAll,  // degree = in-degree + out-degree
  kIn,   // degree = in-degree: removing a node lowers its targets
  kOut,  // degree = out-degree: removing a node lowers its sources
};

struct KCoreOptions {
  KCoreMode mode = KCoreMode::kAll;
};

struct KCoreResult {
  std::vector<uint32_t> core;  // per node
  uint32_t max_core = 0;       // the degeneracy of the graph
};

KCoreResult KCoreDecomposition(const Graph& graph, const KCoreOptions& options);

// Recomputes the core numbers by a different route, the h-index iteration of
// Lu, Zhou, Zhang and Stanley (Nature Communications 7, 2016): starting from
// the degrees, each node repeatedly takes the h-index of the values of the
// neighbours that make up its degree until nothing changes, which converges
// to the core numbers.
Status VerifyKCore(const Graph& graph, const KCoreOptions& options, const KCoreResult& result);

}  // namespace crowdlens::graph
