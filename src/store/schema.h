// The workspace schema and its migrations.
//
// The schema version lives in PRAGMA user_version. Each migration is a SQL
// script applied once, in order, inside a transaction; a workspace written
// by a newer crowdlens is refused rather than misread.
#pragma once

#include "store/sqlite.h"

namespace crowdlens {

// The version this build writes.
int CurrentSchemaVersion();

// Brings `db` up to CurrentSchemaVersion().
Status Migrate(Database& db);

}  // namespace crowdlens
