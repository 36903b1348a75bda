// A connection to a NATS server or cluster with its JetStream context, and
// the stream crowdlens publishes to.
//
// The URL list ("nats://127.0.0.1:4222,nats://127.0.0.1:4223") names the
// cluster's members; the client reconnects to another member when one dies,
// and keeps trying (every 250 ms) for as long as the process runs, so a
// node's restart or a leader election is a pause, not an error.
//
//   Result<std::unique_ptr<JetStreamConnection>> nats = JetStreamConnection::Connect({.urls = "nats://127.0.0.1:4222"});
//   CROWDLENS_RETURN_IF_ERROR((*nats)->EnsureStream({.name = "CROWDLENS", .replicas = 3}));
#pragma once

#include <nats/nats.h>

#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"

namespace crowdlens::stream {

struct StreamConfig {
  std::string name = "CROWDLENS";
  std::string subject_prefix = "crowdlens.posts";  // subjects are <prefix>.<partition>
  int replicas = 1;
  int64_t duplicate_window_seconds = 3600;  // how long a message id is remembered
};

struct ConnectOptions {
  std::string urls;  // comma-separated nats:// URLs
  int64_t max_pending = 4096;  // asynchronous publishes in flight at most
  jsPubAckHandler ack_handler = nullptr;
  void* ack_closure = nullptr;
};

// "nats error <text>: <last error>", for messages a user can act on.
std::string NatsErrorText(natsStatus status);

class JetStreamConnection {
 public:
  static Result<std::unique_ptr<JetStreamConnection>> Connect(const ConnectOptions& options);
  ~JetStreamConnection();
  JetStreamConnection(const JetStreamConnection&) = delete;
  JetStreamConnection& operator=(const JetStreamConnection&) = delete;

  natsConnection* connection() { return connection_; }
  jsCtx* context() { return context_; }

  // Creates the stream when it does not exist (its subjects, file storage,
  // replicas, duplicate window); an existing stream is used as it is.
  Status EnsureStream(const StreamConfig& config);
  // Messages the stream holds now.
  Result<uint64_t> StreamMessages(const std::string& name);

 private:
  JetStreamConnection() = default;
  natsConnection* connection_ = nullptr;
  jsCtx* context_ = nullptr;
};

}  // namespace crowdlens::stream
