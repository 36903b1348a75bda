// Connected components of SALSA's bipartite graph on a CombBLAS matrix, and
// per-component sums, for the closed form of plain SALSA (graph/salsa.h).
//
// The bipartite graph has every node twice: as a hub (element v) and as an
// authority (element n + v); edge s -> t joins hub s and authority t. Labels
// start as the element ids and each round takes the minimum over neighbours
// with two SpMVs on a (min, select-second) semiring: authorities pull from
// their hubs over A, hubs from their authorities over A's transpose. When a
// round changes nothing anywhere, every element carries the smallest element
// id of its component (min-label propagation, as in Pegasus, Kang et al. 2009;
// rounds grow with the component's diameter, which is small in social graphs).
//
//   BipartiteLabels labels = LabelBipartiteComponents(edges, transposed, grid);
//   std::vector<ComponentShare> hub_totals = ComponentTotals(grid, labels.hub_label, local_hub_weight);
#pragma once

#include <span>
#include <vector>

#include "mpi/distributed_matrix.h"

namespace crowdlens::mpi {

// This rank's part of the labels (indices as in LocalPart of a length-n vector).
struct BipartiteLabels {
  std::vector<double> hub_label;        // component label of hub v (exact integers below 2^53)
  std::vector<double> authority_label;  // component label of authority v
  int rounds = 0;
};

// Collective. `edges` is n x n with entry (t, s) for the edge s -> t; entries
// that are not positive join nothing (a zero-weight edge, as in graph::Salsa).
// `transposed` is `edges` transposed.
BipartiteLabels LabelBipartiteComponents(const Matrix& edges, const Matrix& transposed, const Grid& grid);

// What a component adds up to over all ranks: how many members count, and their total weight.
struct ComponentShare {
  double count = 0;
  double total = 0;
};

// Collective. For each local element (labels[i], weights[i]), the members of
// its component (same label, on any rank) with a positive weight: their count
// and weight total. Each label's sums live on rank label mod p, reached with
// two MPI_Alltoallv rounds (requests, then replies in the same order).
std::vector<ComponentShare> ComponentTotals(const Grid& grid, std::span<const double> labels,
                                            std::span<const double> weights);

}  // namespace crowdlens::mpi
