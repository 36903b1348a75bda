// SALSA (Lempel and Moran 2000) on a CombBLAS matrix partitioned over MPI
// ranks: the mathematics of graph/salsa.h, plain and personalised.
//
//   Result<DistributedSalsaResult> plain = DistributedSalsa(graph, {}, grid);
//   Result<DistributedSalsaResult> personal =
//       DistributedSalsa(graph, {.hubs = circle, .restart = circle_weights}, grid);
//
// The matrix A holds only the edges that leave a hub (entry (t, s) for s -> t),
// and its transpose is kept beside it, so both halves of the walk are SpMVs:
// F (hub mass to authorities) is A times h / hub_weight, B (authority mass
// back to hubs) is A' times a / authority_weight; the weights are A's column
// and row sums.
//
// Plain SALSA uses Lempel and Moran's closed form as the serial kernel does:
// components of the bipartite graph (bipartite_components.h), then each
// node's share of its component's weight, scaled by the component's share of
// all hubs (authorities). Personalised SALSA is the power iteration
//   h = alpha r + (1 - alpha) (B F h + dangling(h) r),
// stopped under the same L1 tolerance as the serial kernel; authority scores
// are F h, normalised.
#pragma once

#include <vector>

#include "core/status.h"
#include "graph/graph.h"
#include "graph/salsa.h"
#include "mpi/distributed_matrix.h"

namespace crowdlens::mpi {

struct DistributedSalsaResult {
  // On rank 0, per node, each summing to 1; empty on other ranks.
  std::vector<double> hub_scores;
  std::vector<double> authority_scores;
  int iterations = 0;  // 0 for the closed form
  int label_rounds = 0;  // rounds of component labelling (closed form only)
  double l1_change = 0;
  bool converged = false;
  double distribute_seconds = 0;  // building A and its transpose
  double kernel_seconds = 0;
};

// Collective: every rank calls it with the same graph and options. Checks the
// options with graph::ValidateSalsaOptions (options.threads is unused).
Result<DistributedSalsaResult> DistributedSalsa(const graph::Graph& graph, const graph::SalsaOptions& options,
                                                const Grid& grid);

}  // namespace crowdlens::mpi
