#include "report/network_tables.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "analyses/audience_inputs.h"
#include "analyses/crowd_graph.h"
#include "store/account_lookup.h"

namespace crowdlens {
namespace {

double Score(const InfluenceAnalysis& influence, int64_t account_key) {
  std::optional<uint32_t> index = influence.accounts().IndexOf(account_key);
  return index ? influence.scores[*index].score : 0.0;
}

double Round1(double value) { return std::round(value * 10.0) / 10.0; }

}  // namespace

Result<std::vector<Table>> NetworkTables(Workspace& workspace, const InfluenceAnalysis& influence,
                                         const NetworkRequest& request) {
  if (request.limit < 2) return InvalidArgument("limit must be at least 2: the owner and one member");
  Result<Layer> layer = ParseLayer(request.layer);
  if (!layer.ok()) return layer.status();
  Result<AudienceInputs> inputs = LoadAudienceInputs(workspace, {.refresh = request.refresh});
  if (!inputs.ok()) return inputs.status();
  Result<int64_t> owner = AccountOrOwner(workspace.db(), inputs->config, request.handle, "network");
  if (!owner.ok()) return owner.status();
  Result<AudienceReport> audience =
      AnalyseAudience(workspace, {.account_key = *owner}, inputs->segments, inputs->target());
  if (!audience.ok()) return audience.status();

  // The most influential members first; ties by handle so the picture is the same every time.
  std::vector<const CrowdMember*> members;
  for (const CrowdMember& member : audience->members) members.push_back(&member);
  std::stable_sort(members.begin(), members.end(), [&](const CrowdMember* left, const CrowdMember* right) {
    return Score(influence, left->account_key) > Score(influence, right->account_key);
  });
  if (members.size() > request.limit - 1) members.resize(request.limit - 1);

  Table nodes{.name = "nodes", .title = "The crowd of @" + audience->owner_handle + " (most influential first)",
              .columns = {"id", "handle", "name", "kind", "score", "country", "in_target", "followers"}};
  std::unordered_map<int64_t, bool> drawn;
  {
    std::optional<uint32_t> index = influence.accounts().IndexOf(*owner);
    const std::string name = index ? influence.accounts().account(*index).name : std::string();
    auto found = inputs->segments.find(*owner);
    nodes.rows.push_back({*owner, audience->owner_handle, name, std::string("owner"),
                          Round1(Score(influence, *owner)),
                          found != inputs->segments.end() ? Cell{found->second.country} : Cell{}, false,
                          audience->followers});
    drawn[*owner] = true;
  }
  for (const CrowdMember* member : members) {
    const char* kind = member->follower && member->followed ? "mutual" : member->follower ? "follower" : "followed";
    const std::string country = member->segments != nullptr ? member->segments->country : std::string();
    nodes.rows.push_back({member->account_key, member->handle, member->name, std::string(kind),
                          Round1(Score(influence, member->account_key)),
                          country.empty() ? Cell{} : Cell{country}, member->in_target, member->followers});
    drawn[member->account_key] = true;
  }

  Result<CrowdGraph> graph = BuildCrowdGraph(workspace, {*layer});
  if (!graph.ok()) return graph.status();
  Table edges{.name = "edges", .title = std::string("Edges of the ") + std::string(LayerName(*layer)) +
                                        " layer among them (source follows, retweets, mentions or replies to target)",
              .columns = {"source", "target", "layer", "weight"}};
  for (const CrowdGraphEdge& edge : graph->edges) {
    const int64_t source = graph->nodes[edge.source].account_key;
    const int64_t target = graph->nodes[edge.target].account_key;
    if (source == target || !drawn.contains(source) || !drawn.contains(target)) continue;
    edges.rows.push_back({source, target, std::string(LayerName(edge.layer)), edge.weight});
  }
  return std::vector<Table>{nodes, edges};
}

}  // namespace crowdlens
