// The crowd as graphs: one directed, weighted Graph per layer, built from the
// workspace and cached as binary graph files in <workspace>/graphs/.
//
// Edges point the way attention flows, so PageRank lands on whoever receives it:
//   follow   follower -> followee              (weight 1)
//   retweet  retweeter -> retweeted author     (weight: retweets and quotes, plus
//                                               imported retweet edges' weights)
//   mention  author -> mentioned account        (weight: posts mentioning)
//   reply    replier -> replied-to account      (weight: replies)
// Node labels are account_keys. Every account with at least one edge in the
// layer is a node.
//
// A cached file is reused while its stamp (the row counts and largest keys of
// the tables it came from) matches the database; otherwise it is rebuilt. A
// torn file fails its checksum and is rebuilt.
//
//   Result<graph::Graph> follows = LoadLayer(workspace, Layer::kFollow);
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/status.h"
#include "graph/graph.h"
#include "store/workspace.h"

namespace crowdlens {

enum class Layer { kFollow, kRetweet, kMention, kReply };

inline constexpr std::array<Layer, 4> kAllLayers = {Layer::kFollow, Layer::kRetweet, Layer::kMention, Layer::kReply};

// "follow", "retweet", "mention", "reply".
std::string_view LayerName(Layer layer);
// Parses a layer name; kInvalidArgument naming the choices otherwise.
Result<Layer> ParseLayer(std::string_view name);

// Builds the layer from the database without touching the cache.
Result<graph::Graph> BuildLayer(Workspace& workspace, Layer layer);

// The cached layer, rebuilt when stale or torn.
Result<graph::Graph> LoadLayer(Workspace& workspace, Layer layer);

}  // namespace crowdlens
