#include "store/segment_config_reader.h"

#include <cstdio>
#include <set>

namespace crowdlens {
namespace {

std::string At(const std::string& path, const toml::node& node) {
  return path + " line " + std::to_string(node.source().begin.line);
}

// Fails on a key the table does not know, listing the ones it does.
Status CheckKeys(const toml::table& table, const std::string& path, const std::string& where,
                 const std::set<std::string>& known) {
  for (const auto& [key, node] : table) {
    if (known.contains(std::string(key.str()))) continue;
    std::string list;
    for (const std::string& name : known) list += (list.empty() ? "" : ", ") + name;
    return DataError(At(path, node) + ": unknown key '" + std::string(key.str()) + "' in " + where + "; use " + list);
  }
  return Status::Ok();
}

Status ReadStrings(const toml::table& table, const std::string& key, const std::string& path, const std::string& where,
                   std::vector<std::string>& out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return Status::Ok();
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    return DataError(At(path, *node) + ": " + where + "." + key +
                     " must be an array of strings such as [\"a\", \"b\"]");
  }
  for (const toml::node& entry : *array) {
    std::optional<std::string> text = entry.value<std::string>();
    if (!text) return DataError(At(path, entry) + ": " + where + "." + key + " must hold strings only");
    if (!text->empty()) out.push_back(*text);
  }
  return Status::Ok();
}

Status ReadNumber(const toml::table& table, const std::string& key, const std::string& path, const std::string& where,
                  double low, double high, double& out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return Status::Ok();
  std::optional<double> value = node->value<double>();
  if (!value || *value < low || *value > high) {
    char range[64];
    std::snprintf(range, sizeof range, "%g to %g", low, high);
    return DataError(At(path, *node) + ": " + where + "." + key + " must be a number from " + range);
  }
  out = *value;
  return Status::Ok();
}

const toml::table* SubTable(const toml::table& table, const std::string& key, Status& status, const std::string& path,
                            const std::string& where) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return nullptr;
  const toml::table* sub = node->as_table();
  if (sub == nullptr) status = DataError(At(path, *node) + ": " + where + " must be a table ([" + where + "])");
  return sub;
}

Status ReadOrganisations(const toml::table& roles, const std::string& key, const std::string& path,
                         text::RoleOrganisations& out) {
  std::string where = "roles." + key;
  Status status;
  const toml::table* table = SubTable(roles, key, status, path, where);
  if (table == nullptr) return status;
  CROWDLENS_RETURN_IF_ERROR(CheckKeys(*table, path, "[" + where + "]", {"names", "handles", "domains", "keywords"}));
  CROWDLENS_RETURN_IF_ERROR(ReadStrings(*table, "names", path, where, out.names));
  CROWDLENS_RETURN_IF_ERROR(ReadStrings(*table, "handles", path, where, out.handles));
  CROWDLENS_RETURN_IF_ERROR(ReadStrings(*table, "domains", path, where, out.domains));
  return ReadStrings(*table, "keywords", path, where, out.keywords);
}

}  // namespace

Status ReadSegmentConfig(const toml::table& table, const std::string& path, SegmentConfig& config) {
  Status status;
  if (const toml::table* topics = SubTable(table, "topics", status, path, "topics")) {
    CROWDLENS_RETURN_IF_ERROR(ReadNumber(*topics, "threshold", path, "topics", 0, 1, config.topic_threshold));
    for (const auto& [key, node] : *topics) {
      std::string name(key.str());
      if (name == "threshold") continue;
      std::string where = "topics." + name;
      const toml::table* topic = node.as_table();
      if (topic == nullptr) {
        return DataError(At(path, node) + ": " + where + " must be a table: write [" + where +
                         "] with keywords, hashtags and accounts under it");
      }
      CROWDLENS_RETURN_IF_ERROR(CheckKeys(*topic, path, "[" + where + "]", {"keywords", "hashtags", "accounts"}));
      text::TopicDefinition definition{.name = name, .keywords = {}, .hashtags = {}, .accounts = {}};
      CROWDLENS_RETURN_IF_ERROR(ReadStrings(*topic, "keywords", path, where, definition.keywords));
      CROWDLENS_RETURN_IF_ERROR(ReadStrings(*topic, "hashtags", path, where, definition.hashtags));
      CROWDLENS_RETURN_IF_ERROR(ReadStrings(*topic, "accounts", path, where, definition.accounts));
      if (definition.keywords.empty() && definition.hashtags.empty() && definition.accounts.empty()) {
        return DataError(At(path, node) + ": [" + where +
                         "] defines nothing to match; give it keywords, hashtags or accounts, or delete it");
      }
      config.topics.push_back(std::move(definition));
    }
  }
  CROWDLENS_RETURN_IF_ERROR(status);

  if (const toml::table* roles = SubTable(table, "roles", status, path, "roles")) {
    CROWDLENS_RETURN_IF_ERROR(CheckKeys(*roles, path, "[roles]",
                                        {"threshold", "spam_threshold", "colleagues", "suppliers", "competitors",
                                         "decision_functions", "celebrity_min_followers", "celebrity_min_ratio"}));
    CROWDLENS_RETURN_IF_ERROR(ReadNumber(*roles, "threshold", path, "roles", 0, 1, config.role_threshold));
    CROWDLENS_RETURN_IF_ERROR(ReadNumber(*roles, "spam_threshold", path, "roles", 0, 1, config.spam_threshold));
    CROWDLENS_RETURN_IF_ERROR(ReadOrganisations(*roles, "colleagues", path, config.roles.colleagues));
    CROWDLENS_RETURN_IF_ERROR(ReadOrganisations(*roles, "suppliers", path, config.roles.suppliers));
    CROWDLENS_RETURN_IF_ERROR(ReadOrganisations(*roles, "competitors", path, config.roles.competitors));
    CROWDLENS_RETURN_IF_ERROR(
        ReadStrings(*roles, "decision_functions", path, "roles", config.roles.decision_functions));
    double min_followers = static_cast<double>(config.roles.celebrity_min_followers);
    CROWDLENS_RETURN_IF_ERROR(ReadNumber(*roles, "celebrity_min_followers", path, "roles", 0, 1e12, min_followers));
    config.roles.celebrity_min_followers = static_cast<int64_t>(min_followers);
    CROWDLENS_RETURN_IF_ERROR(
        ReadNumber(*roles, "celebrity_min_ratio", path, "roles", 0, 1e9, config.roles.celebrity_min_ratio));
  }
  return status;
}

}  // namespace crowdlens
