#include "server/api_server.h"

#include <malloc.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/time.h"
#include "server/static_files.h"

namespace crowdlens::server {
namespace {

// When the request started, for the log line (the logger runs on the same worker thread).
thread_local std::chrono::steady_clock::time_point request_started;

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

std::string BearerToken(const httplib::Request& request) {
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.starts_with(kBearer)) return header.substr(kBearer.size());
  return request.has_param("token") ? request.get_param_value("token") : std::string();
}

}  // namespace

Result<std::unique_ptr<ApiServer>> ApiServer::Create(ServeOptions options, LiveEvents& events) {
  if (!IsLoopback(options.host) && options.token.empty()) {
    return InvalidArgument("serving on " + options.host + " (not this machine only) needs a token");
  }
  if (options.workers < 2) return InvalidArgument("--workers must be at least 2");
  if (!options.static_dir.empty() && !std::filesystem::is_directory(options.static_dir)) {
    return NotFound("no dashboard files at " + options.static_dir +
                    "; build them with `make web` or name the folder with --static DIR");
  }
  // Two malloc arenas for the whole server, set before its threads start. With glibc's default
  // (up to 8 per core), the 64 workers and the label refresh spread what they free over arenas
  // that are never given back: a server living through imports grew by 30-60 MiB with each one,
  // to about 300 MiB after eight. With two it stayed between 63 and 80 MiB over six, and answers
  // as fast; with one it stays as low, but workers queue on its lock (docs/benchmarks.md).
  mallopt(M_ARENA_MAX, 2);
  Result<std::unique_ptr<Snapshots>> snapshots = Snapshots::Open(options.workspace_dir);
  if (!snapshots.ok()) return snapshots.status();
  std::unique_ptr<ApiServer> server(new ApiServer(std::move(options), events, std::move(*snapshots)));
  server->Configure();
  return server;
}

ApiServer::ApiServer(ServeOptions options, LiveEvents& events, std::unique_ptr<Snapshots> snapshots)
    : options_(std::move(options)),
      events_(events),
      snapshots_(std::move(snapshots)),
      limiter_(options_.requests_per_minute) {}

ApiServer::~ApiServer() { Stop(); }

std::string ApiServer::PublicMessage(const Status& status) const {
  std::string message = status.message();
  std::error_code error;
  const std::string absolute = std::filesystem::absolute(options_.workspace_dir, error).lexically_normal().string();
  ReplaceAll(message, absolute, "<workspace>");
  ReplaceAll(message, options_.workspace_dir, "<workspace>");
  return message;
}

void ApiServer::SendError(httplib::Response& response, int http_status, const std::string& message) const {
  response.status = http_status;
  response.set_content(nlohmann::json{{"error", message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       kJsonContentType);
}

void ApiServer::SendStatus(httplib::Response& response, const Status& status) const {
  const int http_status = status.code() == ErrorCode::kInvalidArgument ? 400
                          : status.code() == ErrorCode::kNotFound      ? 404
                                                                       : 500;
  SendError(response, http_status, PublicMessage(status));
}

void ApiServer::Configure() {
  const size_t workers = options_.workers;
  http_.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  http_.set_payload_max_length(options_.max_request_bytes);
  http_.set_read_timeout(10, 0);
  http_.set_write_timeout(10, 0);
  http_.set_keep_alive_max_count(1000);
  // A kept-alive connection holds its worker while it waits: let idle ones go soon.
  http_.set_keep_alive_timeout(1);
  // Headers and body go out in separate writes; without this, Nagle's algorithm and the client's
  // delayed acknowledgement add about 40 ms to every response.
  http_.set_tcp_nodelay(true);
  http_.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});

  http_.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
    request_started = std::chrono::steady_clock::now();
    if (!options_.token.empty() && !TokenMatches(BearerToken(request), options_.token)) {
      SendError(response, 401, "this server needs its token: send `Authorization: Bearer TOKEN` or ?token=TOKEN "
                               "(the token is in the workspace's server-token file)");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!limiter_.Allow(request.remote_addr)) {
      SendError(response, 429, "too many requests from this address; wait a moment");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  AddApiRoutes(*this);

  // Everything else: the dashboard's files, or a JSON 404.
  http_.Get(R"(/.*)", [this](const httplib::Request& request, httplib::Response& response) {
    if (request.path.starts_with("/api/")) return SendError(response, 404, "no endpoint " + request.path);
    std::optional<StaticFile> file =
        options_.static_dir.empty() ? std::nullopt : ResolveStaticFile(options_.static_dir, request.path);
    if (!file) return SendError(response, 404, "not found: " + request.path);
    std::ifstream in(file->path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    response.set_content(content.str(), file->content_type);
  });

  http_.set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
    // Errors the HTTP layer made itself (a bad request line, a body too large, an unknown method).
    if (response.body.empty()) {
      SendError(response, response.status, response.status == 413 ? "request too large"
                                           : response.status == 404 ? "not found: " + request.path
                                                                    : "bad request");
    }
  });
  http_.set_exception_handler([this](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
    SendError(response, 500, "internal error; the request was not completed");
  });
  http_.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    if (options_.log == nullptr) return;
    const double milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_started).count();
    std::lock_guard<std::mutex> lock(log_mutex_);
    *options_.log << FormatTimestamp(std::time(nullptr)) << " " << request.remote_addr << " " << request.method << " "
                  << request.path << " " << response.status << " " << static_cast<int64_t>(milliseconds * 10) / 10.0
                  << " ms\n";
    options_.log->flush();
  });
}

Result<int> ApiServer::Bind() {
  if (options_.port == 0) {
    const int port = http_.bind_to_any_port(options_.host);
    if (port <= 0) return IoError("cannot listen on " + options_.host + ": no free port");
    return port;
  }
  if (!http_.bind_to_port(options_.host, options_.port)) {
    return IoError("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                   " (in use, or not an address of this machine); choose another with --port");
  }
  return options_.port;
}

void ApiServer::Run() { http_.listen_after_bind(); }

void ApiServer::Stop() {
  events_.Close();
  if (http_.is_running()) http_.stop();
}

}  // namespace crowdlens::server
