// Options every reader takes; each reader uses the ones that concern it.
#pragma once

#include <cstdint>
#include <string>

#include "model/edge.h"

namespace crowdlens {

// What an id page (followers/ids, friends/ids) lists.
enum class IdPageKind { kFollowers, kFollowing };

struct ReadOptions {
  // Edge lists: the relation their lines mean, and the platform their node ids
  // belong to ("twitter" when they are Twitter user ids). Empty: "graph:<file stem>".
  Relation relation = Relation::kFollow;
  std::string platform;
  // Id pages carry no owner: `--of HANDLE` (or "#USER_ID") names it and `--ids` says which list it is.
  std::string ids_owner;
  IdPageKind ids_kind = IdPageKind::kFollowers;
  // When the import happens (Unix seconds): the observation time of records that carry none.
  int64_t import_time = 0;
};

}  // namespace crowdlens
