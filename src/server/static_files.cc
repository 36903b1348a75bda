#include "server/static_files.h"

#include <filesystem>
#include <system_error>

namespace crowdlens::server {
namespace {

namespace fs = std::filesystem;

std::string ContentType(const fs::path& path) {
  const std::string extension = path.extension().string();
  if (extension == ".html") return "text/html; charset=utf-8";
  if (extension == ".js" || extension == ".mjs") return "application/javascript; charset=utf-8";
  if (extension == ".css") return "text/css; charset=utf-8";
  if (extension == ".json" || extension == ".map") return "application/json; charset=utf-8";
  if (extension == ".svg") return "image/svg+xml";
  if (extension == ".png") return "image/png";
  if (extension == ".ico") return "image/x-icon";
  if (extension == ".woff2") return "font/woff2";
  if (extension == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

std::optional<StaticFile> ResolveStaticFile(const std::string& root, std::string_view request_path) {
  if (request_path.empty() || request_path.front() != '/') return std::nullopt;
  std::string relative(request_path.substr(1));
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  if (relative.find('\\') != std::string::npos || relative.find('\0') != std::string::npos) return std::nullopt;
  for (const fs::path& segment : fs::path(relative)) {
    if (segment == ".." || segment == "." || segment.is_absolute()) return std::nullopt;
  }
  std::error_code error;
  const fs::path base = fs::canonical(root, error);
  if (error) return std::nullopt;
  const fs::path resolved = fs::canonical(base / relative, error);
  if (error || !fs::is_regular_file(resolved, error)) return std::nullopt;
  // Inside the folder even after symbolic links are followed.
  auto [base_end, resolved_at] = std::mismatch(base.begin(), base.end(), resolved.begin(), resolved.end());
  if (base_end != base.end()) return std::nullopt;
  return StaticFile{.path = resolved.string(), .content_type = ContentType(resolved)};
}

}  // namespace crowdlens::server
