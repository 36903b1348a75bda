// `crowdlens serve`: the JSON API under /api/v1/ (one endpoint per analysis,
// api_routes.cc), live events, and the dashboard's static files.
//
// Safe by default: it binds 127.0.0.1; any other address needs a token
// (access.h). Requests larger than `max_request_bytes` are refused, each
// client has a rate limit, no path outside the static folder is served,
// errors are JSON {"error": message} without stacks or the workspace's
// path, and every request is logged with its status and duration. A fixed
// pool of `workers` threads serves requests; analyses read snapshots
// (snapshots.h), so requests never block each other or an import.
//
//   LiveEvents events;
//   Result<std::unique_ptr<ApiServer>> server = ApiServer::Create({.workspace_dir = "ws"}, events);
//   Result<int> port = (*server)->Bind();
//   (*server)->Run();  // until Stop()
#pragma once

#include <httplib.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "core/status.h"
#include "server/access.h"
#include "server/live_events.h"
#include "server/snapshots.h"

namespace crowdlens::server {

// Responses are sent as they are: with a parameter, httplib's compressor (brotli at its slowest
// level) leaves them alone. On a local network the seconds it costs on a large body buy nothing.
inline constexpr const char* kJsonContentType = "application/json; charset=utf-8";

struct ServeOptions {
  std::string workspace_dir;
  std::string host = "127.0.0.1";
  int port = 8080;                   // 0: any free port
  std::string static_dir;            // the dashboard's built files; empty: none served
  size_t workers = 64;               // threads serving requests (a kept-alive connection holds one)
  size_t max_request_bytes = 64 * 1024;
  size_t requests_per_minute = 6000;  // per client address
  std::string token;                 // required on every request when not empty
  std::ostream* log = nullptr;       // one line per request; null: none
};

class ApiServer {
 public:
  static Result<std::unique_ptr<ApiServer>> Create(ServeOptions options, LiveEvents& events);
  ~ApiServer();

  // Binds the address; returns the port (the one chosen when options.port is 0).
  Result<int> Bind();
  // Serves until Stop() (from another thread or a signal handler's thread).
  void Run();
  void Stop();

 private:
  ApiServer(ServeOptions options, LiveEvents& events, std::unique_ptr<Snapshots> snapshots);
  void Configure();
  // The message of a failure as a client may see it: the workspace's path left out.
  std::string PublicMessage(const Status& status) const;
  void SendError(httplib::Response& response, int http_status, const std::string& message) const;
  void SendStatus(httplib::Response& response, const Status& status) const;

  friend void AddApiRoutes(ApiServer& server);

  ServeOptions options_;
  LiveEvents& events_;
  std::unique_ptr<Snapshots> snapshots_;
  RateLimiter limiter_;
  httplib::Server http_;
  std::mutex log_mutex_;
};

// Registers the /api/v1/ endpoints (api_routes.cc).
void AddApiRoutes(ApiServer& server);

}  // namespace crowdlens::server
