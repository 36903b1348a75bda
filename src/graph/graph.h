// Graph: a directed graph with dense 32-bit node ids in compressed sparse row
// form, stored by *incoming* edges so that the iterative kernels (PageRank,
// TwitterRank, HITS-like SALSA halves) pull from their sources without atomics.
//
// Memory per edge is 4 bytes (source id), plus 4 for a weight when the graph is
// weighted; per node 8 bytes of offset, 4 of out-weight and 8 of label. A graph
// is built once (GraphBuilder, LoadEdgeList, ReadGraphFile) and never changes;
// kernels take it by const reference.
//
//   Result<Graph> graph = LoadEdgeList("soc-Slashdot0902.txt", {});
//   for (NodeId target = 0; target < graph->node_count(); ++target)
//     for (EdgeIndex edge : graph->in_edges(target)) use(graph->in_sources()[edge], graph->in_weight(edge));
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace crowdlens::graph {

using NodeId = uint32_t;
using EdgeIndex = uint64_t;

// A half-open range of edge indices [begin, end), iterable in a range-for.
struct EdgeRange {
  struct Iterator {
    EdgeIndex edge;
    EdgeIndex operator*() const { return edge; }
    Iterator& operator++() { ++edge; return *this; }
    bool operator!=(const Iterator& other) const { return edge != other.edge; }
  };
  EdgeIndex begin_edge;
  EdgeIndex end_edge;
  Iterator begin() const { return {begin_edge}; }
  Iterator end() const { return {end_edge}; }
  EdgeIndex size() const { return end_edge - begin_edge; }
};

// One direction of adjacency in CSR form: the neighbours of node v are
// neighbors[offsets[v] .. offsets[v+1]), sorted ascending; weights is empty
// for an unweighted graph, else parallel to neighbors.
struct Adjacency {
  std::span<const EdgeIndex> offsets;  // node_count + 1 entries
  std::span<const NodeId> neighbors;
  std::span<const float> weights;

  EdgeRange edges(NodeId node) const { return {offsets[node], offsets[node + 1]}; }
  EdgeIndex degree(NodeId node) const { return offsets[node + 1] - offsets[node]; }
  float weight(EdgeIndex edge) const { return weights.empty() ? 1.0f : weights[edge]; }
};

// The buffers behind a graph: owned vectors, or a read-only memory-mapped file.
class GraphStorage {
 public:
  virtual ~GraphStorage() = default;
};

class Graph {
 public:
  Graph() = default;
  // Used by the builder and the file reader; spans must stay valid while `storage` lives.
  Graph(NodeId node_count, Adjacency in, std::span<const float> out_weight, std::span<const uint64_t> labels,
        std::unique_ptr<GraphStorage> storage)
      : node_count_(node_count), in_(in), out_weight_(out_weight), labels_(labels), storage_(std::move(storage)) {}

  NodeId node_count() const { return node_count_; }
  EdgeIndex edge_count() const { return in_.neighbors.size(); }
  bool weighted() const { return !in_.weights.empty(); }

  // Incoming edges: in().neighbors holds the *sources* of the edges into each node.
  const Adjacency& in() const { return in_; }
  EdgeRange in_edges(NodeId target) const { return in_.edges(target); }
  std::span<const NodeId> in_sources() const { return in_.neighbors; }
  float in_weight(EdgeIndex edge) const { return in_.weight(edge); }

  // Sum of the weights of each node's outgoing edges (its out-degree when unweighted);
  // 0 marks a dangling node.
  std::span<const float> out_weight() const { return out_weight_; }

  // The id each dense node had in its source: the file's own node id, or the
  // workspace's account_key. labels()[v] is node v's label.
  std::span<const uint64_t> labels() const { return labels_; }

  // Bytes held by the graph's arrays (what "resident graph" means in the benchmarks).
  uint64_t memory_bytes() const {
    return in_.offsets.size_bytes() + in_.neighbors.size_bytes() + in_.weights.size_bytes() +
           out_weight_.size_bytes() + labels_.size_bytes();
  }

 private:
  NodeId node_count_ = 0;
  Adjacency in_;
  std::span<const float> out_weight_;
  std::span<const uint64_t> labels_;
  std::unique_ptr<GraphStorage> storage_;
};

// Outgoing adjacency, built on demand by kernels that walk forwards (SALSA,
// Monte-Carlo walks, k-core). Owns its arrays.
class OutAdjacency {
 public:
  explicit OutAdjacency(const Graph& graph);
  // Moving keeps the vectors' buffers, so the view stays valid; a copy would not.
  OutAdjacency(OutAdjacency&&) = default;
  OutAdjacency& operator=(OutAdjacency&&) = default;
  OutAdjacency(const OutAdjacency&) = delete;
  OutAdjacency& operator=(const OutAdjacency&) = delete;

  const Adjacency& view() const { return view_; }
  EdgeRange edges(NodeId source) const { return view_.edges(source); }
  std::span<const NodeId> targets() const { return view_.neighbors; }
  float weight(EdgeIndex edge) const { return view_.weight(edge); }

 private:
  std::vector<EdgeIndex> offsets_;
  std::vector<NodeId> targets_;
  std::vector<float> weights_;
  Adjacency view_;
};

}  // namespace crowdlens::graph
