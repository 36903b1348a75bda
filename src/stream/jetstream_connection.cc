#include "stream/jetstream_connection.h"

#include <string_view>
#include <vector>

namespace crowdlens::stream {
namespace {

std::vector<std::string> SplitUrls(std::string_view urls) {
  std::vector<std::string> parts;
  while (!urls.empty()) {
    size_t comma = urls.find(',');
    std::string_view part = urls.substr(0, comma);
    if (!part.empty()) parts.emplace_back(part);
    if (comma == std::string_view::npos) break;
    urls.remove_prefix(comma + 1);
  }
  return parts;
}

}  // namespace

std::string NatsErrorText(natsStatus status) {
  std::string text = natsStatus_GetText(status);
  const char* last_error = nats_GetLastError(nullptr);
  if (last_error == nullptr) return text;
  // The library's detail starts with its source position, "(conn.c:2088): ": not for users.
  std::string detail = last_error;
  if (detail.starts_with("(") && detail.find("): ") != std::string::npos) detail.erase(0, detail.find("): ") + 3);
  if (!detail.empty() && detail != text) text += ": " + detail;
  return text;
}

Result<std::unique_ptr<JetStreamConnection>> JetStreamConnection::Connect(const ConnectOptions& options) {
  std::vector<std::string> urls = SplitUrls(options.urls);
  if (urls.empty()) return InvalidArgument("--nats needs at least one URL, e.g. nats://127.0.0.1:4222");
  std::vector<const char*> url_pointers;
  for (const std::string& url : urls) url_pointers.push_back(url.c_str());

  natsOptions* nats_options = nullptr;
  natsStatus status = natsOptions_Create(&nats_options);
  if (status == NATS_OK) status = natsOptions_SetServers(nats_options, url_pointers.data(), static_cast<int>(urls.size()));
  if (status == NATS_OK) status = natsOptions_SetMaxReconnect(nats_options, -1);  // keep trying
  if (status == NATS_OK) status = natsOptions_SetReconnectWait(nats_options, 250);
  if (status == NATS_OK) status = natsOptions_SetTimeout(nats_options, 2000);
  // Messages written while reconnecting wait in this buffer (bytes).
  if (status == NATS_OK) status = natsOptions_SetReconnectBufSize(nats_options, 64 << 20);
  if (status != NATS_OK) {
    natsOptions_Destroy(nats_options);
    return IoError("cannot set up the NATS connection: " + NatsErrorText(status));
  }
  std::unique_ptr<JetStreamConnection> connection(new JetStreamConnection());
  status = natsConnection_Connect(&connection->connection_, nats_options);
  natsOptions_Destroy(nats_options);
  if (status != NATS_OK) {
    return IoError("cannot connect to NATS at " + options.urls + " (" + NatsErrorText(status) +
                   "); is nats-server running? See docs/streaming.md");
  }
  jsOptions js_options;
  jsOptions_Init(&js_options);
  js_options.Wait = 10000;
  js_options.PublishAsync.MaxPending = options.max_pending;
  js_options.PublishAsync.AckHandler = options.ack_handler;
  js_options.PublishAsync.AckHandlerClosure = options.ack_closure;
  js_options.PublishAsync.StallWait = 10000;
  status = natsConnection_JetStream(&connection->context_, connection->connection_, &js_options);
  if (status != NATS_OK) return IoError("cannot open JetStream: " + NatsErrorText(status));
  return connection;
}

JetStreamConnection::~JetStreamConnection() {
  jsCtx_Destroy(context_);
  if (connection_ != nullptr) {
    natsConnection_FlushTimeout(connection_, 2000);
    natsConnection_Destroy(connection_);
  }
}

Status JetStreamConnection::EnsureStream(const StreamConfig& config) {
  jsStreamInfo* info = nullptr;
  jsErrCode error_code = static_cast<jsErrCode>(0);
  natsStatus status = js_GetStreamInfo(&info, context_, config.name.c_str(), nullptr, &error_code);
  if (status == NATS_OK) {
    jsStreamInfo_Destroy(info);
    return Status::Ok();
  }
  if (status != NATS_NOT_FOUND) {
    return IoError("cannot look up stream " + config.name + ": " + NatsErrorText(status) +
                   " (is JetStream enabled on the server? start it with -js)");
  }
  std::string subjects = config.subject_prefix + ".*";
  const char* subject_list[] = {subjects.c_str()};
  jsStreamConfig stream_config;
  jsStreamConfig_Init(&stream_config);
  stream_config.Name = config.name.c_str();
  stream_config.Subjects = subject_list;
  stream_config.SubjectsLen = 1;
  stream_config.Storage = js_FileStorage;
  stream_config.Replicas = config.replicas;
  stream_config.Duplicates = config.duplicate_window_seconds * 1000000000LL;
  status = js_AddStream(&info, context_, &stream_config, nullptr, &error_code);
  if (status != NATS_OK) {
    return IoError("cannot create stream " + config.name + " with " + std::to_string(config.replicas) +
                   " replicas: " + NatsErrorText(status) +
                   (config.replicas > 1 ? " (replicas need a JetStream cluster of at least that many servers)" : ""));
  }
  jsStreamInfo_Destroy(info);
  return Status::Ok();
}

Result<uint64_t> JetStreamConnection::StreamMessages(const std::string& name) {
  jsStreamInfo* info = nullptr;
  jsErrCode error_code = static_cast<jsErrCode>(0);
  natsStatus status = js_GetStreamInfo(&info, context_, name.c_str(), nullptr, &error_code);
  if (status != NATS_OK) return IoError("cannot read stream " + name + ": " + NatsErrorText(status));
  uint64_t messages = info->State.Msgs;
  jsStreamInfo_Destroy(info);
  return messages;
}

}  // namespace crowdlens::stream
