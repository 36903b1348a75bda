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
#include "store/segment_config.h"

namespace crowdlens {

struct OwnerRef {
  std::string platform;  // "twitter" unless written "bluesky:alice.bsky.social"
  std::string handle;
};

// A listening query saved under [queries] in crowdlens.toml: name = "query".
struct SavedQuery {
  std::string name;
  std::string query;
};

struct Config {
  std::string path;
  std::vector<OwnerRef> owners;  // the accounts whose crowd is analysed by default
  std::vector<SavedQuery> queries;  // [queries], in name order
  SegmentConfig segmentation;       // [topics] and [roles]: what ClassifyAccounts labels with

  // Reads and validates the file; errors name the line.
  static Result<Config> Load(const std::string& path);
  // Writes the commented default file unless one exists.
  static Status WriteDefault(const std::string& path);
  // Replaces the owner list in the file at `path`, keeping everything else.
  static Status SetOwners(const std::string& path, const std::vector<OwnerRef>& owners);
  // Adds or replaces `name = "query"` under [queries], keeping everything else.
  // Names are TOML bare keys: letters, digits, '-' and '_'.
  static Status SetQuery(const std::string& path, const std::string& name, const std::string& query);
};

// "bluesky:alice" -> {bluesky, alice}; "@Alice" -> {twitter, Alice}.
OwnerRef ParseOwnerRef(const std::string& text);
std::string FormatOwnerRef(const OwnerRef& owner);

}  // namespace crowdlens
