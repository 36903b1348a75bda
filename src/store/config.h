// The workspace's config file, crowdlens.toml: commented TOML that users edit
// by hand and that later capabilities extend (topics, segments, reading
// habits). Commands change a value in place, so the user's comments and
// additions survive.
//
//   Result<Config> config = Config::Load(workspace_dir + "/crowdlens.toml");
//   config->owners;   // {"twitter:SenatorBaldwin"} style "platform:handle" entries
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace crowdlens {

struct OwnerRef {
  std::string platform;  // "twitter" unless written "bluesky:alice.bsky.social"
  std::string handle;
};

struct Config {
  std::string path;
  std::vector<OwnerRef> owners;  // the accounts whose crowd is analysed by default

  // Reads and validates the file; errors name the line.
  static Result<Config> Load(const std::string& path);
  // Writes the commented default file unless one exists.
  static Status WriteDefault(const std::string& path);
  // Replaces the owner list in the file at `path`, keeping everything else.
  static Status SetOwners(const std::string& path, const std::vector<OwnerRef>& owners);
};

// "bluesky:alice" -> {bluesky, alice}; "@Alice" -> {twitter, Alice}.
OwnerRef ParseOwnerRef(const std::string& text);
std::string FormatOwnerRef(const OwnerRef& owner);

}  // namespace crowdlens
