// The dashboard's built files, served from one folder and never from outside
// it: a request path is decoded by the HTTP layer, then refused when any
// segment is "..", holds a backslash or a NUL, or when the resolved file
// (symbolic links followed) lies outside the folder.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace crowdlens::server {

struct StaticFile {
  std::string path;          // resolved, inside the folder
  std::string content_type;  // from the extension
};

// The file `request_path` names under `root` ("/" is index.html); nullopt when
// it does not exist or is not allowed.
std::optional<StaticFile> ResolveStaticFile(const std::string& root, std::string_view request_path);

}  // namespace crowdlens::server
