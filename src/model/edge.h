// Edge: a directed relation between two accounts of one platform.
//
// Follow edges say "source follows target". Interaction edges (retweet,
// mention, reply) come from edge-list files that carry no posts; the same
// relations are otherwise derived from posts and need no edge records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace crowdlens {

enum class Relation { kFollow, kRetweet, kMention, kReply };

const char* RelationName(Relation relation);
std::optional<Relation> ParseRelation(std::string_view name);

struct Edge {
  std::string platform;
  std::string source_id;
  std::string target_id;
  Relation relation = Relation::kFollow;
  double weight = 1.0;
  int64_t observed_at = 0;  // when the edge was seen (the file's capture time or the import time)
  std::optional<std::string> record_id;  // the platform's id of the follow itself (Bluesky at:// URI), if any
};

}  // namespace crowdlens
