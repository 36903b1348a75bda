#include "store/audience_config.h"

#include <toml++/toml.h>

#include <filesystem>

#include "store/config_file.h"

namespace crowdlens {

Result<AudienceConfig> LoadAudienceConfig(const std::string& path) {
  AudienceConfig config;
  Result<std::optional<toml::table>> parsed = ParseConfigFile(path);
  if (!parsed.ok()) return parsed.status();
  if (!*parsed) return config;
  const toml::table& table = **parsed;
  if (const toml::node* target = table.at_path("audience.target").node()) {
    std::optional<std::string> text = target->value<std::string>();
    if (!text) {
      return DataError(path + " line " + std::to_string(target->source().begin.line) +
                       ": audience.target must be a rule in quotes, e.g. \"country = GB and role = journalist\"");
    }
    config.target = *text;
    config.target_line = static_cast<int>(target->source().begin.line);
  }
  if (const toml::table* segments = table["segments"].as_table()) {
    for (const auto& [name, value] : *segments) {
      std::optional<std::string> text = value.value<std::string>();
      if (!text) {
        return DataError(path + " line " + std::to_string(value.source().begin.line) + ": segments." +
                         std::string(name.str()) + " must be a rule in quotes");
      }
      config.segments[std::string(name.str())] = *text;
      config.segment_lines[std::string(name.str())] = static_cast<int>(value.source().begin.line);
    }
  }
  return config;
}

}  // namespace crowdlens
