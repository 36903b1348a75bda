// The web address of a post, when its platform and id say it: Twitter/X
// status links, Bluesky posts from their at:// URI, and Mastodon statuses,
// whose id is already their address. Empty when it cannot be known (a
// network edge list has no posts; a CSV row may lack an id).
//
//   PostLink("twitter", "580333909008871424", "BBCBreaking");
//   // "https://twitter.com/BBCBreaking/status/580333909008871424"
#pragma once

#include <string>
#include <string_view>

namespace crowdlens {

std::string PostLink(std::string_view platform, std::string_view platform_id, std::string_view author_handle);

}  // namespace crowdlens
