#include "store/config.h"

#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace crowdlens {
namespace {

constexpr const char* kDefaultConfig = R"toml(# crowdlens workspace configuration.
# Edit freely: crowdlens commands change only the values they own and keep
# your comments. Lists are TOML arrays of strings.

[owner]
# The account(s) whose crowd is analysed by default: "handle" for Twitter/X,
# "platform:handle" for others (e.g. "bluesky:alice.bsky.social").
# Set with: crowdlens owner HANDLE
accounts = []
)toml";

std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

OwnerRef ParseOwnerRef(const std::string& text) {
  std::string value = text;
  OwnerRef owner{.platform = "twitter", .handle = {}};
  size_t colon = value.find(':');
  if (colon != std::string::npos) {
    owner.platform = value.substr(0, colon);
    value = value.substr(colon + 1);
  }
  if (!value.empty() && value[0] == '@') value.erase(0, 1);
  owner.handle = value;
  return owner;
}

std::string FormatOwnerRef(const OwnerRef& owner) {
  return owner.platform == "twitter" ? owner.handle : owner.platform + ":" + owner.handle;
}

Result<Config> Config::Load(const std::string& path) {
  Config config;
  config.path = path;
  if (!std::filesystem::exists(path)) return config;
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& error) {
    return DataError(path + " line " + std::to_string(error.source().begin.line) + ": " +
                     std::string(error.description()) + "; fix the file or delete it to get the default");
  }
  if (const toml::array* accounts = table.at_path("owner.accounts").as_array()) {
    for (const toml::node& entry : *accounts) {
      std::optional<std::string> text = entry.value<std::string>();
      if (!text) {
        return DataError(path + " line " + std::to_string(entry.source().begin.line) +
                         ": owner.accounts must hold strings such as \"SenatorBaldwin\"");
      }
      if (!text->empty()) config.owners.push_back(ParseOwnerRef(*text));
    }
  }
  return config;
}

Status Config::WriteDefault(const std::string& path) {
  if (std::filesystem::exists(path)) return Status::Ok();
  std::ofstream out(path);
  out << kDefaultConfig;
  if (!out) return IoError("cannot write " + path);
  return Status::Ok();
}

Status Config::SetOwners(const std::string& path, const std::vector<OwnerRef>& owners) {
  CROWDLENS_RETURN_IF_ERROR(WriteDefault(path));
  Result<Config> check = Load(path);
  if (!check.ok()) return check.status();
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();

  std::string list = "accounts = [";
  for (size_t index = 0; index < owners.size(); ++index) {
    if (index > 0) list += ", ";
    list += Quote(FormatOwnerRef(owners[index]));
  }
  list += "]";

  // Replace the `accounts = [...]` line of the [owner] table, or add it.
  std::vector<std::string> lines;
  std::istringstream reader(text);
  for (std::string line; std::getline(reader, line);) lines.push_back(line);
  std::string table;
  bool replaced = false;
  int owner_table_line = -1;
  for (size_t index = 0; index < lines.size(); ++index) {
    std::string trimmed = lines[index].substr(std::min(lines[index].find_first_not_of(" \t"), lines[index].size()));
    if (trimmed.starts_with("[")) {
      table = trimmed.substr(0, trimmed.find(']') + 1);
      if (table == "[owner]") owner_table_line = static_cast<int>(index);
      continue;
    }
    if (table == "[owner]" && trimmed.starts_with("accounts") && !replaced) {
      lines[index] = list;
      replaced = true;
      // A multi-line array continues until its closing bracket.
      if (trimmed.find(']') == std::string::npos) {
        size_t end = index + 1;
        while (end < lines.size() && lines[end].find(']') == std::string::npos) ++end;
        lines.erase(lines.begin() + static_cast<long>(index) + 1,
                    lines.begin() + static_cast<long>(std::min(end + 1, lines.size())));
      }
    }
  }
  if (!replaced) {
    if (owner_table_line >= 0) {
      lines.insert(lines.begin() + owner_table_line + 1, list);
    } else {
      lines.push_back("");
      lines.push_back("[owner]");
      lines.push_back(list);
    }
  }
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary);
    for (const std::string& line : lines) out << line << "\n";
    if (!out) return IoError("cannot write " + temporary);
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) return IoError("cannot replace " + path + ": " + error.message());
  return Status::Ok();
}

}  // namespace crowdlens
