// Publishes records to the JetStream stream, asynchronously with a bounded
// number in flight, and makes sure each one was stored before Flush returns.
//
// Records are buffered into chunks; Flush sends a chunk with js_PublishMsgAsync
// (each with its Nats-Msg-Id, partition.h) and waits for the acknowledgements.
// A record whose acknowledgement did not come (a node died, a leader was being
// elected) is sent again until the stream acknowledges it or `retry_seconds`
// pass; the stream's duplicate window makes a resend of a record it did store
// harmless. So when Flush returns Ok, every record added before it is in the
// stream: the Jetstream cursor is saved only then.
//
//   Result<std::unique_ptr<StreamPublisher>> publisher = StreamPublisher::Open({.urls = url});
//   (*publisher)->Add(StreamRecord{post});
//   CROWDLENS_RETURN_IF_ERROR((*publisher)->Flush());
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "stream/jetstream_connection.h"
#include "stream/record_codec.h"

namespace crowdlens::stream {

struct PublisherOptions {
  std::string urls;
  StreamConfig stream;
  int partitions = 16;
  int64_t max_in_flight = 4096;
  size_t chunk_records = 20000;  // Add flushes by itself at this many buffered records
  int64_t retry_seconds = 120;   // how long a chunk may go unacknowledged before Flush fails
};

struct PublishCounts {
  uint64_t records = 0;     // records acknowledged by the stream
  uint64_t stored = 0;      // of those, new to the stream
  uint64_t duplicates = 0;  // of those, already in it (same message id within the duplicate window)
  uint64_t resent = 0;      // sends repeated after a missing acknowledgement
};

class StreamPublisher {
 public:
  // Connects and creates the stream when it is absent.
  static Result<std::unique_ptr<StreamPublisher>> Open(const PublisherOptions& options);

  Status Add(const StreamRecord& record);
  // Adds every record a reader's batch carries that the stream takes: accounts, posts, edges,
  // deletions and quarantined records (contacts, owner hints and snapshots stay with `import`).
  Status AddBatch(Batch&& batch);
  Status Flush();
  const PublishCounts& counts() const { return counts_; }
  JetStreamConnection& connection() { return *connection_; }

 private:
  struct Pending {
    std::string subject;
    std::string id;
    std::string payload;
  };

  explicit StreamPublisher(PublisherOptions options) : options_(std::move(options)) {}
  static void OnAck(jsCtx* context, natsMsg* message, jsPubAck* ack, jsPubAckErr* error, void* closure);
  // Sends every record of `chunk` not yet acknowledged; false when the connection refused a send.
  bool SendUnacknowledged(const std::vector<Pending>& chunk, bool is_resend);

  PublisherOptions options_;
  std::unique_ptr<JetStreamConnection> connection_;
  std::vector<Pending> chunk_;
  PublishCounts counts_;
  std::mutex ack_mutex_;  // the ack handler runs on the client's thread
  std::unordered_set<std::string> acknowledged_;
  uint64_t acked_stored_ = 0;
  uint64_t acked_duplicates_ = 0;
  std::string last_error_;
};

}  // namespace crowdlens::stream
