#include "analyses/audience_rules.h"

namespace crowdlens {

Result<AudienceRules> ParseAudienceRules(const AudienceConfig& config, const std::string& path) {
  AudienceRules rules;
  // A rule may name others (segment = NAME): parse in rounds until every rule that can be parsed is.
  std::map<std::string, std::string> pending = config.segments;
  while (!pending.empty()) {
    bool progressed = false;
    Status last_error;
    for (auto it = pending.begin(); it != pending.end();) {
      Result<AudienceRule> rule = AudienceRule::Parse(it->second, rules.named);
      if (rule.ok()) {
        rules.named.emplace(it->first, std::move(*rule));
        it = pending.erase(it);
        progressed = true;
      } else {
        last_error = rule.status().WithContext(path + " line " + std::to_string(config.segment_lines.at(it->first)) +
                                               ", segments." + it->first);
        ++it;
      }
    }
    if (!progressed) return last_error;
  }
  if (!config.target.empty()) {
    Result<AudienceRule> target = AudienceRule::Parse(config.target, rules.named);
    if (!target.ok()) {
      return target.status().WithContext(path + " line " + std::to_string(config.target_line) + ", audience.target");
    }
    rules.target = std::move(*target);
  }
  return rules;
}

}  // namespace crowdlens
