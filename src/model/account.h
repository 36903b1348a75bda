// Account: one identity on one platform, keyed by (platform, platform_id).
//
// A reader fills what its source says and leaves the rest empty: a mention
// gives only id and handle; an embedded user object gives the whole profile.
// The store merges observations, keeping the newest non-empty value of each
// field (observed_at decides which is newest).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace crowdlens {

struct Account {
  std::string platform;     // "twitter", "bluesky", "mastodon", or "graph:<name>" for anonymous graphs
  std::string platform_id;  // the platform's stable id; "@handle" when only a handle is known
  std::string handle;       // screen name without '@'; may be empty for anonymous graph nodes
  std::optional<std::string> name;
  std::optional<std::string> bio;
  std::optional<std::string> location;
  std::optional<std::string> url;
  std::optional<int64_t> followers_count;
  std::optional<int64_t> following_count;
  std::optional<int64_t> post_count;
  std::optional<int64_t> listed_count;
  std::optional<int64_t> created_at;  // Unix seconds
  std::optional<bool> verified;
  std::optional<bool> bot;
  std::optional<std::string> time_zone;
  std::optional<std::string> lang;
  int64_t observed_at = 0;  // when this view of the profile was true (the post's time, or the import time)
  bool has_profile = false; // true when the source carried a profile, not just an id and a handle
};

}  // namespace crowdlens
