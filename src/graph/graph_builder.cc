#include "graph/graph_builder.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>

namespace crowdlens::graph {
namespace {

constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

// The arrays of a graph built in memory.
struct OwnedStorage : GraphStorage {
  std::vector<EdgeIndex> offsets;
  std::vector<NodeId> sources;
  std::vector<float> weights;
  std::vector<float> out_weight;
  std::vector<uint64_t> labels;
};

// Maps labels to dense ids in ascending label order. Labels that are small
// compared with the number of edges (SNAP files, R-MAT, account keys) go
// through a direct table; others through a sorted array and binary search.
class DenseIds {
 public:
  DenseIds(const std::vector<uint64_t>& sources, const std::vector<uint64_t>& targets,
           const std::vector<uint64_t>& isolated) {
    uint64_t max_label = 0;
    for (uint64_t label : sources) max_label = std::max(max_label, label);
    for (uint64_t label : targets) max_label = std::max(max_label, label);
    for (uint64_t label : isolated) max_label = std::max(max_label, label);
    const uint64_t mentions = sources.size() + targets.size() + isolated.size();
    if (mentions == 0) return;
    direct_ = max_label < (uint64_t{1} << 32) - 1 && max_label <= 2 * mentions + (uint64_t{1} << 20);
    if (direct_) {
      table_.assign(max_label + 1, kNoNode);
      auto mark = [&](const std::vector<uint64_t>& labels) {
        for (uint64_t label : labels) table_[label] = 0;
      };
      mark(sources);
      mark(targets);
      mark(isolated);
      NodeId next = 0;
      for (uint64_t label = 0; label <= max_label; ++label) {
        if (table_[label] != kNoNode) {
          table_[label] = next++;
          labels_.push_back(label);
        }
      }
    } else {
      labels_.reserve(mentions);
      labels_.insert(labels_.end(), sources.begin(), sources.end());
      labels_.insert(labels_.end(), targets.begin(), targets.end());
      labels_.insert(labels_.end(), isolated.begin(), isolated.end());
      std::sort(labels_.begin(), labels_.end());
      labels_.erase(std::unique(labels_.begin(), labels_.end()), labels_.end());
    }
  }

  NodeId operator()(uint64_t label) const {
    if (direct_) return table_[label];
    return static_cast<NodeId>(std::lower_bound(labels_.begin(), labels_.end(), label) - labels_.begin());
  }

  std::vector<uint64_t> TakeLabels() && { return std::move(labels_); }

 private:
  bool direct_ = false;
  std::vector<NodeId> table_;
  std::vector<uint64_t> labels_;
};

std::vector<NodeId> ToDense(std::vector<uint64_t>&& labels, const DenseIds& ids) {
  std::vector<NodeId> dense(labels.size());
  for (size_t index = 0; index < labels.size(); ++index) dense[index] = ids(labels[index]);
  labels.clear();
  labels.shrink_to_fit();
  return dense;
}

}  // namespace

void GraphBuilder::Reserve(size_t edges) {
  sources_.reserve(edges);
  targets_.reserve(edges);
  if (options_.weighted) weights_.reserve(edges);
}

void GraphBuilder::AddEdge(uint64_t source_label, uint64_t target_label, float weight) {
  sources_.push_back(source_label);
  targets_.push_back(target_label);
  if (options_.weighted) weights_.push_back(weight);
}

Graph GraphBuilder::Build() && {
  return BuildFromLabelledEdges(std::move(sources_), std::move(targets_), std::move(weights_), std::move(isolated_),
                                options_);
}

Graph BuildFromLabelledEdges(std::vector<uint64_t>&& source_labels, std::vector<uint64_t>&& target_labels,
                             std::vector<float>&& weights, std::vector<uint64_t>&& isolated,
                             const BuildOptions& options) {
  auto storage = std::make_unique<OwnedStorage>();
  const bool weighted = options.weighted && !weights.empty();
  if (!weighted) {
    weights.clear();
    weights.shrink_to_fit();
  }
  DenseIds ids(source_labels, target_labels, isolated);
  isolated.clear();
  std::vector<NodeId> sources = ToDense(std::move(source_labels), ids);
  std::vector<NodeId> targets = ToDense(std::move(target_labels), ids);
  storage->labels = std::move(ids).TakeLabels();
  const NodeId node_count = static_cast<NodeId>(storage->labels.size());

  if (options.undirected) {
    const size_t original = sources.size();
    sources.reserve(2 * original);
    targets.reserve(2 * original);
    if (weighted) weights.reserve(2 * original);
    for (size_t index = 0; index < original; ++index) {
      if (sources[index] == targets[index]) continue;  // a loop is its own reverse
      sources.push_back(targets[index]);
      targets.push_back(sources[index]);
      if (weighted) weights.push_back(weights[index]);
    }
  }

  // Counting sort by target: offsets from in-degrees, then each edge into its slot.
  std::vector<EdgeIndex>& offsets = storage->offsets;
  offsets.assign(static_cast<size_t>(node_count) + 1, 0);
  for (size_t index = 0; index < sources.size(); ++index) {
    if (options.drop_self_loops && sources[index] == targets[index]) continue;
    ++offsets[targets[index] + 1];
  }
  for (NodeId node = 0; node < node_count; ++node) offsets[node + 1] += offsets[node];
  std::vector<NodeId>& in_sources = storage->sources;
  in_sources.resize(offsets[node_count]);
  std::vector<float> in_weights(weighted ? in_sources.size() : 0);
  {
    std::vector<EdgeIndex> next(offsets.begin(), offsets.end() - 1);
    for (size_t index = 0; index < sources.size(); ++index) {
      if (options.drop_self_loops && sources[index] == targets[index]) continue;
      EdgeIndex slot = next[targets[index]]++;
      in_sources[slot] = sources[index];
      if (weighted) in_weights[slot] = weights[index];
    }
  }
  sources = {};
  targets = {};
  weights = {};

  // Sort each in-list by source (reciprocity and merging rely on it).
#pragma omp parallel for schedule(dynamic, 4096)
  for (int64_t node = 0; node < static_cast<int64_t>(node_count); ++node) {
    EdgeIndex begin = offsets[node];
    EdgeIndex end = offsets[node + 1];
    if (end - begin < 2) continue;
    if (!weighted) {
      std::sort(in_sources.begin() + begin, in_sources.begin() + end);
      continue;
    }
    std::vector<std::pair<NodeId, float>> pairs;
    pairs.reserve(end - begin);
    for (EdgeIndex edge = begin; edge < end; ++edge) pairs.emplace_back(in_sources[edge], in_weights[edge]);
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (EdgeIndex edge = begin; edge < end; ++edge) {
      in_sources[edge] = pairs[edge - begin].first;
      in_weights[edge] = pairs[edge - begin].second;
    }
  }

  if (options.merge_duplicates) {
    EdgeIndex write = 0;
    EdgeIndex begin = 0;
    for (NodeId node = 0; node < node_count; ++node) {
      EdgeIndex end = offsets[node + 1];
      for (EdgeIndex edge = begin; edge < end; ++edge) {
        if (write > offsets[node] && in_sources[write - 1] == in_sources[edge] && edge != begin) {
          if (weighted) in_weights[write - 1] += in_weights[edge];
          continue;
        }
        in_sources[write] = in_sources[edge];
        if (weighted) in_weights[write] = in_weights[edge];
        ++write;
      }
      begin = end;
      offsets[node + 1] = write;
    }
    in_sources.resize(write);
    in_sources.shrink_to_fit();
    if (weighted) {
      in_weights.resize(write);
      in_weights.shrink_to_fit();
    }
  }

  // Out-weights, summed in double so that large counts stay exact.
  {
    std::vector<double> sums(node_count, 0.0);
    for (EdgeIndex edge = 0; edge < in_sources.size(); ++edge) {
      sums[in_sources[edge]] += weighted ? in_weights[edge] : 1.0;
    }
    storage->out_weight.assign(sums.begin(), sums.end());
  }
  storage->weights = std::move(in_weights);

  Adjacency in{.offsets = storage->offsets, .neighbors = storage->sources, .weights = storage->weights};
  std::span<const float> out_weight = storage->out_weight;
  std::span<const uint64_t> labels = storage->labels;
  return Graph(node_count, in, out_weight, labels, std::move(storage));
}

}  // namespace crowdlens::graph
