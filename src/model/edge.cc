#include "model/edge.h"

namespace crowdlens {

const char* RelationName(Relation relation) {
  switch (relation) {
    case Relation::kFollow: return "follow";
    case Relation::kRetweet: return "retweet";
    case Relation::kMention: return "mention";
    case Relation::kReply: return "reply";
  }
  return "follow";
}

std::optional<Relation> ParseRelation(std::string_view name) {
  if (name == "follow") return Relation::kFollow;
  if (name == "retweet") return Relation::kRetweet;
  if (name == "mention") return Relation::kMention;
  if (name == "reply") return Relation::kReply;
  return std::nullopt;
}

}  // namespace crowdlens
