#include "server/access.h"

#include <sys/stat.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <random>

namespace crowdlens::server {
namespace {

constexpr size_t kTokenBytes = 32;
// Buckets of clients not seen for this long are dropped, so the table stays small.
constexpr auto kForgetAfter = std::chrono::minutes(10);
constexpr size_t kMaxClients = 10000;

}  // namespace

bool IsLoopback(std::string_view host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.starts_with("127.");
}

Result<std::string> LoadOrCreateToken(const std::string& workspace_dir, bool& created) {
  const std::string path = workspace_dir + "/server-token";
  created = false;
  std::error_code error;
  if (std::filesystem::exists(path, error)) {
    std::ifstream in(path);
    std::string token;
    std::getline(in, token);
    if (token.size() == 2 * kTokenBytes) return token;
    return DataError(path + " does not hold a server token; delete it and start `crowdlens serve` again to make one");
  }
  std::random_device source;  // the operating system's random source
  static constexpr char kHex[] = "0123456789abcdef";
  std::string token;
  for (size_t index = 0; index < kTokenBytes; ++index) {
    const unsigned byte = source() & 0xff;
    token += kHex[byte >> 4];
    token += kHex[byte & 0xf];
  }
  {
    std::ofstream out(path, std::ios::trunc);
    out << token << "\n";
    if (!out) return IoError("cannot write the server token to " + path);
  }
  ::chmod(path.c_str(), S_IRUSR | S_IWUSR);
  created = true;
  return token;
}

bool TokenMatches(std::string_view given, std::string_view expected) {
  unsigned difference = given.size() == expected.size() ? 0 : 1;
  for (size_t index = 0; index < expected.size(); ++index) {
    const unsigned char left = index < given.size() ? static_cast<unsigned char>(given[index]) : 0;
    difference |= left ^ static_cast<unsigned char>(expected[index]);
  }
  return difference == 0;
}

bool RateLimiter::Allow(const std::string& client) {
  const auto now = clock_();
  std::lock_guard<std::mutex> lock(mutex_);
  if (buckets_.size() > kMaxClients) {
    std::erase_if(buckets_, [&](const auto& entry) { return now - entry.second.refilled > kForgetAfter; });
  }
  auto [found, inserted] = buckets_.try_emplace(client, Bucket{static_cast<double>(per_minute_), now});
  Bucket& bucket = found->second;
  if (!inserted) {
    const double minutes = std::chrono::duration<double>(now - bucket.refilled).count() / 60.0;
    bucket.tokens = std::min(static_cast<double>(per_minute_), bucket.tokens + minutes * per_minute_);
    bucket.refilled = now;
  }
  if (bucket.tokens < 1.0) return false;
  bucket.tokens -= 1.0;
  return true;
}

}  // namespace crowdlens::server
