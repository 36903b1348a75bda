#include "store/config_file.h"

#include <filesystem>

namespace crowdlens {

Result<std::optional<toml::table>> ParseConfigFile(const std::string& path) {
  if (!std::filesystem::exists(path)) return std::optional<toml::table>();
  try {
    return std::optional<toml::table>(toml::parse_file(path));
  } catch (const toml::parse_error& error) {
    return DataError(path + " line " + std::to_string(error.source().begin.line) + ": " +
                     std::string(error.description()) + "; fix the file or delete it to get the default");
  }
}

}  // namespace crowdlens
