#include "store/mix_config.h"

#include <toml++/toml.h>

#include <filesystem>

#include "store/config_file.h"

namespace crowdlens {
namespace {

// "https://www.Acme.com/shop" -> "acme.com": what a user may paste is reduced to the host.
std::string NormaliseDomain(std::string domain) {
  for (char& c : domain) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  size_t scheme = domain.find("://");
  if (scheme != std::string::npos) domain.erase(0, scheme + 3);
  domain = domain.substr(0, domain.find_first_of("/?#"));
  if (domain.rfind("www.", 0) == 0) domain.erase(0, 4);
  return domain;
}

}  // namespace

Result<MixConfig> LoadMixConfig(const std::string& path) {
  MixConfig config;
  Result<std::optional<toml::table>> parsed = ParseConfigFile(path);
  if (!parsed.ok()) return parsed.status();
  if (!*parsed) return config;
  const toml::table& table = **parsed;
  const toml::node* domains = table.at_path("mix.own_domains").node();
  if (domains == nullptr) return config;
  const std::string wrong = path + " line " + std::to_string(domains->source().begin.line) +
                            ": mix.own_domains must be a list of domains in quotes, e.g. [\"example.com\"]";
  const toml::array* list = domains->as_array();
  if (list == nullptr) return DataError(wrong);
  for (const toml::node& entry : *list) {
    std::optional<std::string> text = entry.value<std::string>();
    if (!text) return DataError(wrong);
    std::string domain = NormaliseDomain(*text);
    if (domain.empty()) {
      return DataError(path + " line " + std::to_string(entry.source().begin.line) +
                       ": an empty domain in mix.own_domains; remove it or write the site, e.g. \"example.com\"");
    }
    config.own_domains.push_back(std::move(domain));
  }
  return config;
}

}  // namespace crowdlens
