// SALSA (Lempel and Moran, WWW 2000): hub and authority scores from the
// random walk on the bipartite graph whose left side holds every node as a
// hub (its outgoing edges) and whose right side every node as an authority
// (its incoming edges). The authority walk goes backwards along a random
// in-edge to a hub and forwards along a random out-edge of that hub; the hub
// walk the other way round.
//
//   SalsaResult plain = Salsa(graph, {});
//   std::vector<double> circle_weights = ...;  // e.g. Monte-Carlo visit shares
//   SalsaResult personal = Salsa(graph, {.hubs = circle, .restart = circle_weights});
//   Status checked = VerifySalsa(graph, options, personal, 1e-6);
//
// Plain SALSA has a closed form, Lempel and Moran's main result: within each
// connected component C of the bipartite graph, an authority's score is its
// share of C's in-weight and a hub's its share of C's out-weight, scaled by C's
// share of all authorities (or hubs). The kernel computes that exactly in O(m)
// with union-find rather than iterating towards it.
//
// The personalised variant is the step of Twitter's Who-To-Follow (Gupta et
// al., WWW 2013): the left side is limited to a user's "circle of trust" and
// the walk restarts to it, so the authority scores rank whom the circle
// follows and the hub scores rank members of the circle by similarity. It is
// a power iteration of the hub walk with restart probability alpha:
//   h = alpha r + (1 - alpha) (B F h + dangling(h) r)
// where F moves a hub's mass forwards along its out-edges (by weight over its
// out-weight), B moves an authority's mass back along its in-edges from hubs
// (by weight over its in-weight from hubs), and a hub without out-edges hands
// its mass to the restart. The authority scores are then F h, normalised.
#pragma once

#include <span>
#include <vector>

#include "core/status.h"
#include "graph/graph.h"

namespace crowdlens::graph {

struct SalsaOptions {
  bool use_weights = true;  // ignored on an unweighted graph
  // The left side: only edges leaving these nodes take part. Empty: every node is a hub.
  std::span<const NodeId> hubs;
  // Personalised SALSA: one restart weight per node (normalised here), zero outside `hubs`.
  // Empty: plain SALSA, computed in closed form.
  std::span<const double> restart;
  // Probability that the hub walk restarts at each step (alpha above); used with `restart`.
  double restart_probability = 0.15;
  int max_iterations = 1000;
  // Stop once the L1 change of the hub scores falls below this; 0 runs exactly max_iterations.
  double tolerance = 1e-10;
  int threads = 0;  // 0: OpenMP's default
};

struct SalsaResult {
  std::vector<double> hub_scores;        // per node, summing to 1 (0 for a node that is no hub)
  std::vector<double> authority_scores;  // per node, summing to 1 (0 for a node no hub points to)
  int iterations = 0;                    // 0 for the closed form
  double l1_change = 0;                  // of the hub scores in the last iteration
  bool converged = false;
};

// Checks hub ids, the restart vector (finite, non-negative, positive sum, zero
// off the hubs), restart_probability in [0, 1) and the iteration settings.
Status ValidateSalsaOptions(const Graph& graph, const SalsaOptions& options);

// Requires ValidateSalsaOptions(graph, options).ok().
SalsaResult Salsa(const Graph& graph, const SalsaOptions& options);

// Checks that both score vectors are probability vectors and stationary: for
// plain SALSA each is a fixed point of its own two-step walk, for the
// personalised one the hub scores satisfy the restart equation above and the
// authority scores equal F h normalised; all within `tolerance` in L1, with
// every step recomputed edge by edge, independently of the kernel.
Status VerifySalsa(const Graph& graph, const SalsaOptions& options, const SalsaResult& result, double tolerance);

}  // namespace crowdlens::graph
