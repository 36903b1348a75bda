// Reading the workspace config file (crowdlens.toml) as a TOML table, with
// the one message every config reader gives for a file that does not parse.
//
//   Result<std::optional<toml::table>> table = ParseConfigFile(workspace.config_path());
//   if (!table.ok()) return table.status();     // names the file and line
//   if (!*table) return defaults;               // no config file yet
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <string>

#include "core/status.h"

namespace crowdlens {

// The parsed file; nullopt when it does not exist. A syntax error is a
// DataError naming the file, the line and what to do.
Result<std::optional<toml::table>> ParseConfigFile(const std::string& path);

}  // namespace crowdlens
