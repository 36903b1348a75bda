// The graph as a CombBLAS matrix over a 2-D grid of MPI ranks, and the few
// helpers the kernels share for distributed vectors.
//
// Every rank holds the same graph::Graph (a memory-mapped .clg, or an edge
// list each rank parsed) and turns only its slice of the incoming edges,
// [rank * m / p, (rank + 1) * m / p), into triples (target, source, weight).
// CombBLAS redistributes the triples into its 2-D blocks (one DCSC block per
// rank of a sqrt(p) x sqrt(p) grid), summing duplicate edges, which is what
// the serial kernels do when they walk a kept duplicate twice. Entry (t, s) is
// the edge s -> t, so y = A x pulls over in-edges exactly like the serial
// pull kernels, and A's column sums are the out-weights.
//
//   Result<std::shared_ptr<combblas::CommGrid>> grid = MakeSquareGrid(MPI_COMM_WORLD);
//   Matrix edges = DistributeEdges(graph, {.use_weights = true}, *grid);
//   Vector out_weight = edges.Reduce(combblas::Column, std::plus<double>(), 0.0);
#pragma once

#include <CombBLAS/CombBLAS.h>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/status.h"
#include "graph/graph.h"

namespace crowdlens::mpi {

using Index = int64_t;
using Matrix = combblas::SpParMat<Index, double, combblas::SpDCCols<Index, double>>;
using Vector = combblas::FullyDistVec<Index, double>;
using Grid = std::shared_ptr<combblas::CommGrid>;

// CombBLAS's SpMV needs a square grid of ranks: 1, 4, 9, 16, ...
// kInvalidArgument names the rank count otherwise.
Result<Grid> MakeSquareGrid(MPI_Comm world);

// Which of the graph's edges become entries, and with what value.
struct EdgeSelection {
  // The edge's weight as the entry (when the graph has weights); else 1 per edge.
  bool use_weights = true;
  // One flag per node: keep only edges whose source is flagged. Empty: every edge.
  std::span<const uint8_t> sources;
};

// The n x n matrix of `graph`'s selected edges; collective over the grid.
Matrix DistributeEdges(const graph::Graph& graph, const EdgeSelection& selection, const Grid& grid);

// The global indices this rank holds of a distributed vector: [first, first + count).
struct LocalSpan {
  Index first = 0;
  Index count = 0;
};
LocalSpan LocalPart(const Vector& vector);

// A vector of length `length` whose local entries are fill(global_index).
template <typename Fill>
Vector MakeVector(const Grid& grid, Index length, Fill fill) {
  Vector vector(grid, length, 0.0);
  const LocalSpan local = LocalPart(vector);
  for (Index offset = 0; offset < local.count; ++offset) vector.SetLocalElement(offset, fill(local.first + offset));
  return vector;
}

// Sums `values` over all ranks of the grid, element by element, in place.
void SumOverRanks(const Grid& grid, std::span<double> values);

// GatherToRoot counts in MPI's int: kUnsupported for vectors of 2^31 entries or more.
Status CheckGatherable(Index length);

// The whole vector on rank `root` (in global order); an empty vector elsewhere.
// Requires CheckGatherable(vector.TotalLength()).ok().
std::vector<double> GatherToRoot(const Grid& grid, const Vector& vector, int root);

}  // namespace crowdlens::mpi
