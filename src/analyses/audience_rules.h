// The config's audience rules: the [audience] target and its named
// [segments], parsed together so a rule may use other named rules, with
// errors naming the config line. `crowdlens audience` lists them and the
// reach model groups followers by them.
//
//   Result<AudienceConfig> config = LoadAudienceConfig(workspace.config_path());
//   Result<AudienceRules> rules = ParseAudienceRules(*config, workspace.config_path());
//   if (rules->target) rules->target->Matches(subject);
#pragma once

#include <map>
#include <optional>
#include <string>

#include "analyses/audience_rule.h"
#include "core/status.h"
#include "store/audience_config.h"

namespace crowdlens {

struct AudienceRules {
  std::optional<AudienceRule> target;         // absent when the config sets no target
  std::map<std::string, AudienceRule> named;  // the [segments] rules by name
};

// Parses the named rules in dependency order, then the target; an error names
// `path`, the line and the rule.
Result<AudienceRules> ParseAudienceRules(const AudienceConfig& config, const std::string& path);

}  // namespace crowdlens
