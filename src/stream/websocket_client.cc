#include "stream/websocket_client.h"

#include <libwebsockets.h>

#include <chrono>
#include <cstring>

namespace crowdlens::stream {

struct WebSocketClient::State {
  lws_sorted_usec_list_t tick{};  // first, so the timer callback finds the State from it
  lws_context* context = nullptr;
  lws* connection = nullptr;
  std::string partial;
  std::vector<std::string> received;
  bool established = false;
  bool closed = false;
  std::string error;
  std::string address, path, host;  // kept alive for the connection's lifetime
};

namespace {

int ProtocolCallback(lws* wsi, enum lws_callback_reasons reason, void*, void* in, size_t length) {
  auto* state = static_cast<WebSocketClient::State*>(lws_context_user(lws_get_context(wsi)));
  if (state == nullptr) return 0;
  switch (reason) {
    case LWS_CALLBACK_CLIENT_ESTABLISHED:
      state->established = true;
      break;
    case LWS_CALLBACK_CLIENT_RECEIVE:
      state->partial.append(static_cast<const char*>(in), length);
      if (lws_is_final_fragment(wsi) && lws_remaining_packet_payload(wsi) == 0) {
        state->received.push_back(std::move(state->partial));
        state->partial.clear();
      }
      break;
    case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
      state->error = in != nullptr ? std::string(static_cast<const char*>(in), strnlen(static_cast<const char*>(in), 512))
                                   : "connection failed";
      state->closed = true;
      state->connection = nullptr;
      break;
    case LWS_CALLBACK_CLIENT_CLOSED:
      state->closed = true;
      state->connection = nullptr;
      break;
    default:
      break;
  }
  return 0;
}

const lws_protocols kProtocols[] = {
    {"crowdlens-jetstream", ProtocolCallback, 0, 1 << 16, 0, nullptr, 0},
    {nullptr, nullptr, 0, 0, 0, nullptr, 0},
};

// Wakes lws_service every 50 ms, so Poll returns on time even when nothing arrives.
void Tick(lws_sorted_usec_list_t* timer) {
  auto* state = reinterpret_cast<WebSocketClient::State*>(timer);
  lws_sul_schedule(state->context, 0, timer, Tick, 50 * LWS_US_PER_MS);
}

}  // namespace

std::string WithCursor(const std::string& url, int64_t cursor) {
  std::string base = url;
  size_t query = base.find('?');
  std::string kept;
  if (query != std::string::npos) {
    std::string parameters = base.substr(query + 1);
    base.resize(query);
    size_t start = 0;
    while (start <= parameters.size()) {
      size_t end = parameters.find('&', start);
      if (end == std::string::npos) end = parameters.size();
      std::string parameter = parameters.substr(start, end - start);
      if (!parameter.empty() && !parameter.starts_with("cursor=")) kept += (kept.empty() ? "" : "&") + parameter;
      start = end + 1;
    }
  }
  return base + "?" + kept + (kept.empty() ? "" : "&") + "cursor=" + std::to_string(cursor);
}

WebSocketClient::WebSocketClient() : state_(std::make_unique<State>()) {}

WebSocketClient::~WebSocketClient() {
  if (state_->context != nullptr) lws_context_destroy(state_->context);
}

bool WebSocketClient::established() const { return state_->established; }
const std::string& WebSocketClient::error() const { return state_->error; }

Result<std::unique_ptr<WebSocketClient>> WebSocketClient::Connect(const std::string& url) {
  // libwebsockets logs to stderr by default; a library here never prints.
  lws_set_log_level(0, nullptr);
  std::unique_ptr<WebSocketClient> client(new WebSocketClient());
  State& state = *client->state_;
  std::string parsed = url;
  const char* scheme = nullptr;
  const char* address = nullptr;
  const char* path = nullptr;
  int port = 0;
  if (lws_parse_uri(parsed.data(), &scheme, &address, &port, &path) != 0 || address == nullptr || *address == '\0') {
    return InvalidArgument("cannot read the WebSocket URL \"" + url + "\"; expected ws://HOST:PORT/subscribe?...");
  }
  std::string scheme_name = scheme;
  bool tls = scheme_name == "wss";
  if (!tls && scheme_name != "ws") {
    return InvalidArgument("the Jetstream URL must start with ws:// or wss://, not \"" + scheme_name + "://\"");
  }
  state.address = address;
  state.path = std::string("/") + (path != nullptr ? path : "");
  state.host = state.address;

  lws_context_creation_info info;
  std::memset(&info, 0, sizeof(info));
  info.port = CONTEXT_PORT_NO_LISTEN;
  info.protocols = kProtocols;
  info.gid = -1;
  info.uid = -1;
  info.user = &state;
  if (tls) info.options |= LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
  state.context = lws_create_context(&info);
  if (state.context == nullptr) return IoError("cannot set up the WebSocket client (libwebsockets)");
  lws_sul_schedule(state.context, 0, &state.tick, Tick, 50 * LWS_US_PER_MS);

  lws_client_connect_info connect;
  std::memset(&connect, 0, sizeof(connect));
  connect.context = state.context;
  connect.address = state.address.c_str();
  connect.port = port;
  connect.path = state.path.c_str();
  connect.host = state.host.c_str();
  connect.origin = state.host.c_str();
  connect.ssl_connection = tls ? LCCSCF_USE_SSL : 0;
  connect.local_protocol_name = kProtocols[0].name;
  connect.pwsi = &state.connection;
  if (lws_client_connect_via_info(&connect) == nullptr) {
    return IoError("cannot connect to " + url + (state.error.empty() ? "" : ": " + state.error));
  }
  return client;
}

bool WebSocketClient::Poll(std::vector<std::string>& messages, int wait_milliseconds) {
  State& state = *state_;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_milliseconds);
  while (state.received.empty() && !state.closed && std::chrono::steady_clock::now() < deadline) {
    if (lws_service(state.context, 0) < 0) {
      state.closed = true;
      if (state.error.empty()) state.error = "the WebSocket event loop failed";
    }
  }
  for (std::string& message : state.received) messages.push_back(std::move(message));
  state.received.clear();
  return !state.closed;
}

}  // namespace crowdlens::stream
