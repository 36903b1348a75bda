// The [mix] part of crowdlens.toml: which sites are the account's own, so that
// `crowdlens mix` can tell promotion (links to them) from content (links to
// anyone else's). The site of the account's profile URL is always its own;
// this table adds the others (a shop, a blog, a second brand).
//
//   [mix]
//   own_domains = ["acme.com", "acme-shop.co.uk"]
//
//   Result<MixConfig> mix = LoadMixConfig(workspace.config_path());
//   mix->own_domains;  // {"acme.com", "acme-shop.co.uk"}
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace crowdlens {

struct MixConfig {
  // Domains as written in the file, lower-cased, without scheme or "www.".
  std::vector<std::string> own_domains;
};

// Reads [mix] own_domains; a missing file, table or key gives an empty list.
// A value that is not an array of strings is an error naming the file and line.
Result<MixConfig> LoadMixConfig(const std::string& path);

}  // namespace crowdlens
