// Who may call the server, and how often.
//
// Bound to a loopback address the server needs no token: only this machine
// reaches it. Bound to any other address it requires one: generated on the
// first such start (32 random bytes from the operating system, hex), stored
// in <workspace>/server-token readable by its owner only, and checked on
// every request in constant time, from `Authorization: Bearer TOKEN` or a
// `token` parameter (what a browser's EventSource can send).
// Each client address has a token bucket of requests per minute.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace crowdlens::server {

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopback(std::string_view host);

// The token in <workspace_dir>/server-token, made when missing; `created` tells which.
Result<std::string> LoadOrCreateToken(const std::string& workspace_dir, bool& created);

// Compares without stopping at the first difference, so the time taken tells nothing of the token.
bool TokenMatches(std::string_view given, std::string_view expected);

class RateLimiter {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  // `clock` is the steady clock unless a test passes its own.
  explicit RateLimiter(size_t requests_per_minute, Clock clock = std::chrono::steady_clock::now)
      : per_minute_(requests_per_minute), clock_(std::move(clock)) {}
  // Takes one request from `client`'s bucket; false when it is empty.
  bool Allow(const std::string& client);

 private:
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point refilled;
  };
  size_t per_minute_;
  Clock clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace crowdlens::server
