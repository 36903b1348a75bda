// PageRank on a CombBLAS matrix partitioned over MPI ranks: the mathematics
// of graph/pagerank.h (weighted or not, personalised or uniform teleport,
// dangling mass redistributed by the teleport distribution), with each
// iteration one distributed SpMV over the (plus, times) semiring.
//
//   Result<DistributedPageRankResult> ranks = DistributedPageRank(graph, {.tolerance = 1e-10}, grid);
//   if (rank == 0) use(ranks->scores);  // every node's score, on rank 0 only
//
// The design follows the serial pull kernel: the vector multiplied is
// contribution[u] = score[u] / out_weight[u], so the SpMV adds no division
// per edge; the out-weights are the matrix's column sums (CombBLAS Reduce).
// Each iteration is one SpMV plus one MPI_Allreduce of two numbers (the L1
// change and the next dangling mass), so it stops at the same iteration as
// the serial kernel under the same tolerance.
#pragma once

#include <vector>

#include "core/status.h"
#include "graph/graph.h"
#include "graph/pagerank.h"
#include "mpi/distributed_matrix.h"

namespace crowdlens::mpi {

struct DistributedPageRankResult {
  std::vector<double> scores;  // on rank 0: per node, summing to 1; empty on other ranks
  int iterations = 0;
  double l1_change = 0;  // of the last iteration
  bool converged = false;
  double distribute_seconds = 0;  // building the distributed matrix
  double kernel_seconds = 0;      // the iterations
};

// Collective: every rank of `grid` calls it with the same graph and options.
// Checks the options with graph::ValidatePageRankOptions (options.threads is unused).
Result<DistributedPageRankResult> DistributedPageRank(const graph::Graph& graph, const graph::PageRankOptions& options,
                                                      const Grid& grid);

}  // namespace crowdlens::mpi
