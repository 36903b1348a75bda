// Finding an account by what a user types: "alice", "@Alice",
// "bluesky:alice.bsky.social", or a handle the account used to have.
//
//   Result<int64_t> key = FindAccountKey(workspace.db(), "@BBCBreaking");
#pragma once

#include <cstdint>
#include <string_view>

#include "core/status.h"
#include "store/sqlite.h"

namespace crowdlens {

// The account_key of the account with this handle now (any case), else of the
// account that had it most recently. kNotFound names the handle and the fix.
Result<int64_t> FindAccountKey(Database& db, std::string_view reference);

}  // namespace crowdlens
