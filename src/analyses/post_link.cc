#include "analyses/post_link.h"

#include <algorithm>

namespace crowdlens {

std::string PostLink(std::string_view platform, std::string_view platform_id, std::string_view author_handle) {
  if (platform_id.empty()) return "";
  if (platform_id.starts_with("https://") || platform_id.starts_with("http://")) return std::string(platform_id);
  if (platform == "twitter") {
    if (!std::all_of(platform_id.begin(), platform_id.end(), [](char c) { return c >= '0' && c <= '9'; })) return "";
    // Without a handle the platform's handle-free form still resolves.
    std::string account = author_handle.empty() ? "i/web" : std::string(author_handle);
    return "https://twitter.com/" + account + "/status/" + std::string(platform_id);
  }
  if (platform == "bluesky" && platform_id.starts_with("at://")) {
    // at://DID/app.bsky.feed.post/RKEY -> https://bsky.app/profile/DID/post/RKEY
    std::string_view rest = platform_id.substr(5);
    size_t slash = rest.find('/');
    constexpr std::string_view kCollection = "/app.bsky.feed.post/";
    if (slash == std::string_view::npos || rest.substr(slash, kCollection.size()) != kCollection) return "";
    return "https://bsky.app/profile/" + std::string(rest.substr(0, slash)) + "/post/" +
           std::string(rest.substr(slash + kCollection.size()));
  }
  return "";
}

}  // namespace crowdlens
