#include "mpi/distributed_matrix.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace crowdlens::mpi {

Result<Grid> MakeSquareGrid(MPI_Comm world) {
  int ranks = 0;
  MPI_Comm_size(world, &ranks);
  const int side = static_cast<int>(std::lround(std::sqrt(static_cast<double>(ranks))));
  if (side * side != ranks) {
    return InvalidArgument("CombBLAS partitions the matrix over a square grid of ranks: run with 1, 4, 9, 16, ... "
                           "ranks (mpirun -np N), not " + std::to_string(ranks));
  }
  return std::make_shared<combblas::CommGrid>(world, side, side);
}

Matrix DistributeEdges(const graph::Graph& graph, const EdgeSelection& selection, const Grid& grid) {
  const int ranks = grid->GetSize();
  const int rank = grid->GetRank();
  const graph::EdgeIndex edge_count = graph.edge_count();
  // This rank's share of the in-edge array; 128-bit products so m * rank cannot overflow.
  const auto share_start = [&](int part) {
    return static_cast<graph::EdgeIndex>(static_cast<unsigned __int128>(edge_count) * part / ranks);
  };
  const graph::EdgeIndex first_edge = share_start(rank);
  const graph::EdgeIndex end_edge = share_start(rank + 1);
  std::span<const graph::EdgeIndex> offsets = graph.in().offsets;
  std::span<const graph::NodeId> sources = graph.in_sources();
  const bool weighted = selection.use_weights && graph.weighted();

  // Each triple goes straight to the rank owning its 2-D block, in that block's local indices
  // (CombBLAS 1.6.2's FullyDistVec-from-local-arrays constructor mishandles unequal slices).
  const Index node_count = graph.node_count();
  Matrix matrix(grid);
  using LocalIndex = Matrix::LocalIT;
  std::vector<std::vector<std::tuple<LocalIndex, LocalIndex, double>>> outgoing(ranks);
  LocalIndex triple_count = 0;
  if (first_edge < end_edge) {
    // The target owning first_edge: the last node whose offset is at most first_edge.
    graph::NodeId target = static_cast<graph::NodeId>(
        std::upper_bound(offsets.begin(), offsets.end(), first_edge) - offsets.begin() - 1);
    for (graph::EdgeIndex edge = first_edge; edge < end_edge; ++edge) {
      while (offsets[target + 1] <= edge) ++target;
      const graph::NodeId source = sources[edge];
      if (!selection.sources.empty() && !selection.sources[source]) continue;
      LocalIndex local_row = 0, local_column = 0;
      const int owner = matrix.Owner(node_count, node_count, target, source, local_row, local_column);
      outgoing[owner].emplace_back(local_row, local_column,
                                   weighted ? static_cast<double>(graph.in_weight(edge)) : 1.0);
      ++triple_count;
    }
  }
  // Duplicate edges are summed, as the serial kernels walk a kept duplicate twice.
  matrix.SparseCommon(outgoing, triple_count, node_count, node_count, std::plus<double>());
  return matrix;
}

LocalSpan LocalPart(const Vector& vector) { return {.first = vector.LengthUntil(), .count = vector.LocArrSize()}; }

void SumOverRanks(const Grid& grid, std::span<double> values) {
  MPI_Allreduce(MPI_IN_PLACE, values.data(), static_cast<int>(values.size()), MPI_DOUBLE, MPI_SUM, grid->GetWorld());
}

Status CheckGatherable(Index length) {
  if (length <= std::numeric_limits<int>::max()) return Status::Ok();
  return Unsupported("crowdlens-mpi gathers the scores on rank 0 with MPI_Gatherv, whose offsets are int: " +
                     std::to_string(length) + " nodes is more than 2^31 - 1");
}

std::vector<double> GatherToRoot(const Grid& grid, const Vector& vector, int root) {
  MPI_Comm world = grid->GetWorld();
  int ranks = 0, rank = 0;
  MPI_Comm_size(world, &ranks);
  MPI_Comm_rank(world, &rank);
  const LocalSpan local = LocalPart(vector);
  // Counts and offsets fit an int: a rank's share of a vector is far below 2^31 entries.
  int count = static_cast<int>(local.count);
  int first = static_cast<int>(local.first);
  std::vector<int> counts(rank == root ? ranks : 0), firsts(rank == root ? ranks : 0);
  MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, root, world);
  MPI_Gather(&first, 1, MPI_INT, firsts.data(), 1, MPI_INT, root, world);
  std::vector<double> whole(rank == root ? static_cast<size_t>(vector.TotalLength()) : 0);
  MPI_Gatherv(vector.GetLocArr(), count, MPI_DOUBLE, whole.data(), counts.data(), firsts.data(), MPI_DOUBLE, root,
              world);
  return whole;
}

}  // namespace crowdlens::mpi
