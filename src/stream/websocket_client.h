// A WebSocket client for Bluesky's Jetstream (ws:// or wss://), over
// libwebsockets: connects to a URL and hands over each complete text
// message. The caller polls it from one thread; while the caller is busy
// (publishing what it received) nothing is read, so TCP's flow control holds
// the server back instead of memory growing.
//
//   Result<std::unique_ptr<WebSocketClient>> socket = WebSocketClient::Connect("ws://127.0.0.1:6008/subscribe?cursor=1");
//   std::vector<std::string> messages;
//   while ((*socket)->Poll(messages, 100)) { ...messages...; messages.clear(); }
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace crowdlens::stream {

// The URL with `cursor=<value>` set in its query (replacing one already there).
std::string WithCursor(const std::string& url, int64_t cursor);

class WebSocketClient {
 public:
  static Result<std::unique_ptr<WebSocketClient>> Connect(const std::string& url);
  ~WebSocketClient();
  WebSocketClient(const WebSocketClient&) = delete;
  WebSocketClient& operator=(const WebSocketClient&) = delete;

  // Reads for up to `wait_milliseconds` (returning sooner once a message has
  // arrived), appending complete messages. False once the connection is closed
  // (error() says why when it failed).
  bool Poll(std::vector<std::string>& messages, int wait_milliseconds);
  bool established() const;
  const std::string& error() const;

  struct State;  // libwebsockets' context and what its callback fills

 private:
  WebSocketClient();
  std::unique_ptr<State> state_;
  bool established_ = false;
  std::string error_;
};

}  // namespace crowdlens::stream
