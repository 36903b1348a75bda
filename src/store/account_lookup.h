// Finding an account by what a user types: "alice", "@Alice",
// "bluesky:alice.bsky.social", or a handle the account used to have.
//
//   Result<int64_t> key = FindAccountKey(workspace.db(), "@BBCBreaking");
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/config.h"
#include "store/sqlite.h"

namespace crowdlens {

// The account_key of the account with this handle now (any case), else of the
// account that had it most recently. kNotFound names the handle and the fix.
Result<int64_t> FindAccountKey(Database& db, std::string_view reference);

// The account a command is about: `handle` as FindAccountKey reads it, or the
// config's first owner when `handle` is empty. Without either, an
// InvalidArgument that tells the user how `crowdlens COMMAND HANDLE` or an
// owner fixes it.
Result<int64_t> AccountOrOwner(Database& db, const Config& config, const std::string& handle,
                               std::string_view command);

}  // namespace crowdlens
