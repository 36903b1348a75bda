#include "mpi/bipartite_components.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_map>

namespace crowdlens::mpi {
namespace {

// y = min over entries a(i, j) > 0 of x(j): a neighbour's label through a positive edge.
struct MinLabelSRing {
  static double id() { return std::numeric_limits<double>::infinity(); }
  static bool returnedSAID() { return false; }
  static MPI_Op mpi_op() { return MPI_MIN; }
  static double add(const double& first, const double& second) { return std::min(first, second); }
  static double multiply(const double& weight, const double& label) { return weight > 0 ? label : id(); }
  static void axpy(double weight, const double& label, double& y) { y = std::min(y, multiply(weight, label)); }
};

// Takes the smaller of each local entry and `candidates`' (same distribution);
// returns whether any entry changed.
bool TakeMinimum(std::vector<double>& labels, const Vector& candidates) {
  const double* candidate = candidates.GetLocArr();
  bool changed = false;
  for (size_t offset = 0; offset < labels.size(); ++offset) {
    if (candidate[offset] < labels[offset]) {
      labels[offset] = candidate[offset];
      changed = true;
    }
  }
  return changed;
}

// Exchanges variable-length blocks of doubles: outgoing[r] goes to rank r; returns
// what arrived, concatenated in rank order, and how many doubles came from each rank.
std::vector<double> Exchange(MPI_Comm world, const std::vector<std::vector<double>>& outgoing,
                             std::vector<int>& arrived_counts) {
  const int ranks = static_cast<int>(outgoing.size());
  std::vector<int> send_counts(ranks), send_offsets(ranks), receive_offsets(ranks);
  std::vector<double> sending;
  for (int rank = 0; rank < ranks; ++rank) {
    send_counts[rank] = static_cast<int>(outgoing[rank].size());
    send_offsets[rank] = static_cast<int>(sending.size());
    sending.insert(sending.end(), outgoing[rank].begin(), outgoing[rank].end());
  }
  arrived_counts.assign(ranks, 0);
  MPI_Alltoall(send_counts.data(), 1, MPI_INT, arrived_counts.data(), 1, MPI_INT, world);
  int arrived_total = 0;
  for (int rank = 0; rank < ranks; ++rank) {
    receive_offsets[rank] = arrived_total;
    arrived_total += arrived_counts[rank];
  }
  std::vector<double> arrived(arrived_total);
  MPI_Alltoallv(sending.data(), send_counts.data(), send_offsets.data(), MPI_DOUBLE, arrived.data(),
                arrived_counts.data(), receive_offsets.data(), MPI_DOUBLE, world);
  return arrived;
}

}  // namespace

BipartiteLabels LabelBipartiteComponents(const Matrix& edges, const Matrix& transposed, const Grid& grid) {
  const Index node_count = edges.getnrow();
  Vector hub_labels = MakeVector(grid, node_count, [](Index node) { return static_cast<double>(node); });
  Vector authority_labels =
      MakeVector(grid, node_count, [&](Index node) { return static_cast<double>(node_count + node); });
  BipartiteLabels labels;
  labels.hub_label.assign(hub_labels.GetLocArr(), hub_labels.GetLocArr() + hub_labels.LocArrSize());
  labels.authority_label.assign(authority_labels.GetLocArr(),
                                authority_labels.GetLocArr() + authority_labels.LocArrSize());
  while (true) {
    ++labels.rounds;
    bool changed = TakeMinimum(labels.authority_label, combblas::SpMV<MinLabelSRing>(edges, hub_labels));
    for (size_t offset = 0; offset < labels.authority_label.size(); ++offset) {
      authority_labels.SetLocalElement(static_cast<Index>(offset), labels.authority_label[offset]);
    }
    changed |= TakeMinimum(labels.hub_label, combblas::SpMV<MinLabelSRing>(transposed, authority_labels));
    for (size_t offset = 0; offset < labels.hub_label.size(); ++offset) {
      hub_labels.SetLocalElement(static_cast<Index>(offset), labels.hub_label[offset]);
    }
    int any_changed = changed ? 1 : 0;
    MPI_Allreduce(MPI_IN_PLACE, &any_changed, 1, MPI_INT, MPI_MAX, grid->GetWorld());
    if (!any_changed) break;
  }
  return labels;
}

std::vector<ComponentShare> ComponentTotals(const Grid& grid, std::span<const double> labels,
                                            std::span<const double> weights) {
  MPI_Comm world = grid->GetWorld();
  const int ranks = grid->GetSize();
  // This rank's partial sums per label, then one request per label to the label's owner.
  std::unordered_map<uint64_t, ComponentShare> local_sums;
  for (size_t element = 0; element < labels.size(); ++element) {
    if (!(weights[element] > 0)) continue;
    ComponentShare& share = local_sums[static_cast<uint64_t>(labels[element])];
    share.count += 1;
    share.total += weights[element];
  }
  std::vector<std::vector<double>> requests(ranks);
  for (const auto& [label, share] : local_sums) {
    std::vector<double>& request = requests[label % static_cast<uint64_t>(ranks)];
    request.insert(request.end(), {static_cast<double>(label), share.count, share.total});
  }
  std::vector<int> request_counts;
  const std::vector<double> arrived = Exchange(world, requests, request_counts);
  std::unordered_map<uint64_t, ComponentShare> owned_sums;
  for (size_t at = 0; at < arrived.size(); at += 3) {
    ComponentShare& share = owned_sums[static_cast<uint64_t>(arrived[at])];
    share.count += arrived[at + 1];
    share.total += arrived[at + 2];
  }
  // Replies: for each request received, in order, the component's totals.
  std::vector<std::vector<double>> replies(ranks);
  size_t at = 0;
  for (int rank = 0; rank < ranks; ++rank) {
    for (int entry = 0; entry < request_counts[rank] / 3; ++entry, at += 3) {
      const ComponentShare& share = owned_sums[static_cast<uint64_t>(arrived[at])];
      replies[rank].insert(replies[rank].end(), {share.count, share.total});
    }
  }
  std::vector<int> reply_counts;
  const std::vector<double> answers = Exchange(world, replies, reply_counts);
  // Answers come back grouped by owner rank, each group in the order this rank asked.
  std::vector<size_t> next_answer(ranks);
  size_t group_start = 0;
  for (int rank = 0; rank < ranks; ++rank) {
    next_answer[rank] = group_start;
    group_start += reply_counts[rank];
  }
  std::unordered_map<uint64_t, ComponentShare> totals;
  for (int rank = 0; rank < ranks; ++rank) {
    for (size_t request = 0; request < requests[rank].size(); request += 3) {
      const size_t answer = next_answer[rank];
      totals[static_cast<uint64_t>(requests[rank][request])] = {answers[answer], answers[answer + 1]};
      next_answer[rank] += 2;
    }
  }
  std::vector<ComponentShare> shares(labels.size());
  for (size_t element = 0; element < labels.size(); ++element) {
    if (weights[element] > 0) shares[element] = totals[static_cast<uint64_t>(labels[element])];
  }
  return shares;
}

}  // namespace crowdlens::mpi
