// The audience part of crowdlens.toml: the target audience rule and named
// segments that rules and queries refer to.
//
//   [audience]
//   target = "(country = GB and topic in [contact-centres, social-media]) or role = journalist"
//
//   [segments]
//   uk-press = "country = GB and role = journalist"
//
//   Result<AudienceConfig> audience = LoadAudienceConfig(workspace.config_path());
#pragma once

#include <map>
#include <string>

#include "core/status.h"

namespace crowdlens {

struct AudienceConfig {
  std::string target;                          // empty: no target audience defined
  int target_line = 0;                         // where it was written, for error messages
  std::map<std::string, std::string> segments;  // name -> rule text
  std::map<std::string, int> segment_lines;
};

// Reads the [audience] and [segments] tables; a missing file or table gives an
// empty config. Values that are not strings are errors naming the line.
Result<AudienceConfig> LoadAudienceConfig(const std::string& path);

}  // namespace crowdlens
