// Reciprocity: the share of directed edges whose reverse edge also exists
// (Newman, Forrest and Balthrop 2002; Garlaschelli and Loffredo 2004 for the
// weighted variants not computed here). On a follow graph it is the share of
// follows that are followed back.
//
//   ReciprocityResult mutual = Reciprocity(graph, {});
//   // mutual.reciprocated_edges / mutual.edges == mutual.reciprocity
//
// Parallel edges pair up one to one: with three edges u -> v and one v -> u,
// one of the three and the one reverse are reciprocated. Self-loops are left
// out by default, as igraph's reciprocity(ignore_loops=True) does; counted,
// a loop is its own reverse. Since every in-list is sorted, the reverse of
// u -> v is found by binary search in u's in-list, in parallel without any
// extra memory.
#pragma once

#include <cstdint>

#include "core/status.h"
#include "graph/graph.h"

namespace crowdlens::graph {

struct ReciprocityOptions {
  bool ignore_self_loops = true;
  int threads = 0;  // 0: OpenMP's default
};

struct ReciprocityResult {
  uint64_t edges = 0;               // edges counted (self-loops excluded when ignored)
  uint64_t reciprocated_edges = 0;  // of those, edges matched by a reverse edge
  uint64_t self_loops = 0;          // self-loops in the graph, counted or not
  double reciprocity = 0;           // reciprocated_edges / edges; 0 for no edges
};

ReciprocityResult Reciprocity(const Graph& graph, const ReciprocityOptions& options);

// Recounts by sorting every (source, target) pair and matching each pair's
// multiplicity against its reverse's, without the in-lists' order.
Status VerifyReciprocity(const Graph& graph, const ReciprocityOptions& options, const ReciprocityResult& result);

}  // namespace crowdlens::graph
