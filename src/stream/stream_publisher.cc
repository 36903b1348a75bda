#include "stream/stream_publisher.h"

#include <chrono>
#include <thread>

#include "stream/partition.h"

namespace crowdlens::stream {

Result<std::unique_ptr<StreamPublisher>> StreamPublisher::Open(const PublisherOptions& options) {
  if (options.partitions < 1 || options.partitions > 4096) {
    return InvalidArgument("--partitions must be between 1 and 4096");
  }
  std::unique_ptr<StreamPublisher> publisher(new StreamPublisher(options));
  Result<std::unique_ptr<JetStreamConnection>> connection = JetStreamConnection::Connect(
      {.urls = options.urls, .max_pending = options.max_in_flight, .ack_handler = &StreamPublisher::OnAck,
       .ack_closure = publisher.get()});
  if (!connection.ok()) return connection.status();
  publisher->connection_ = std::move(connection).value();
  CROWDLENS_RETURN_IF_ERROR(publisher->connection_->EnsureStream(options.stream));
  return publisher;
}

void StreamPublisher::OnAck(jsCtx*, natsMsg* message, jsPubAck* ack, jsPubAckErr* error, void* closure) {
  auto* publisher = static_cast<StreamPublisher*>(closure);
  const char* id = nullptr;
  natsMsgHeader_Get(message, "Nats-Msg-Id", &id);
  {
    std::lock_guard<std::mutex> lock(publisher->ack_mutex_);
    if (ack != nullptr && id != nullptr) {
      if (publisher->acknowledged_.insert(id).second) {
        ++(ack->Duplicate ? publisher->acked_duplicates_ : publisher->acked_stored_);
      }
    } else if (error != nullptr) {
      publisher->last_error_ = error->ErrText != nullptr ? error->ErrText : natsStatus_GetText(error->Err);
    }
  }
  natsMsg_Destroy(message);
}

Status StreamPublisher::Add(const StreamRecord& record) {
  std::string payload = EncodeRecord(record);
  std::string id = MessageId(record, payload);
  chunk_.push_back({.subject = SubjectFor(options_.stream.subject_prefix, PartitionOf(record, options_.partitions)),
                    .id = std::move(id),
                    .payload = std::move(payload)});
  if (chunk_.size() >= options_.chunk_records) return Flush();
  return Status::Ok();
}

bool StreamPublisher::SendUnacknowledged(const std::vector<Pending>& chunk, bool is_resend) {
  for (const Pending& pending : chunk) {
    {
      std::lock_guard<std::mutex> lock(ack_mutex_);
      if (acknowledged_.contains(pending.id)) continue;
    }
    natsMsg* message = nullptr;
    natsStatus status = natsMsg_Create(&message, pending.subject.c_str(), nullptr, pending.payload.data(),
                                       static_cast<int>(pending.payload.size()));
    if (status == NATS_OK) status = natsMsgHeader_Set(message, "Nats-Msg-Id", pending.id.c_str());
    jsPubOptions publish_options;
    jsPubOptions_Init(&publish_options);
    publish_options.ExpectStream = options_.stream.name.c_str();
    if (status == NATS_OK) status = js_PublishMsgAsync(connection_->context(), &message, &publish_options);
    natsMsg_Destroy(message);  // no-op when the library took it
    if (status != NATS_OK) {
      std::lock_guard<std::mutex> lock(ack_mutex_);
      last_error_ = NatsErrorText(status);
      return false;
    }
    if (is_resend) ++counts_.resent;
  }
  return true;
}

Status StreamPublisher::AddBatch(Batch&& batch) {
  for (Account& account : batch.accounts) CROWDLENS_RETURN_IF_ERROR(Add(StreamRecord{std::move(account)}));
  for (Post& post : batch.posts) CROWDLENS_RETURN_IF_ERROR(Add(StreamRecord{std::move(post)}));
  for (Edge& edge : batch.edges) CROWDLENS_RETURN_IF_ERROR(Add(StreamRecord{std::move(edge)}));
  for (Deletion& deletion : batch.deletions) CROWDLENS_RETURN_IF_ERROR(Add(StreamRecord{std::move(deletion)}));
  for (QuarantineEntry& entry : batch.quarantined) CROWDLENS_RETURN_IF_ERROR(Add(StreamRecord{std::move(entry)}));
  return Status::Ok();
}

Status StreamPublisher::Flush() {
  if (chunk_.empty()) return Status::Ok();
  {
    std::lock_guard<std::mutex> lock(ack_mutex_);
    acknowledged_.clear();
    acked_stored_ = acked_duplicates_ = 0;
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options_.retry_seconds);
  for (int attempt = 0;; ++attempt) {
    SendUnacknowledged(chunk_, attempt > 0);
    jsPubOptions wait_options;
    jsPubOptions_Init(&wait_options);
    wait_options.MaxWait = 5000;
    if (js_PublishAsyncComplete(connection_->context(), &wait_options) != NATS_OK) {
      // Take back what is still unacknowledged: it is sent again below.
      natsMsgList unacknowledged;
      if (js_PublishAsyncGetPendingList(&unacknowledged, connection_->context()) == NATS_OK) {
        natsMsgList_Destroy(&unacknowledged);
      }
    }
    size_t missing = 0;
    {
      std::lock_guard<std::mutex> lock(ack_mutex_);
      for (const Pending& pending : chunk_) missing += acknowledged_.contains(pending.id) ? 0 : 1;
    }
    if (missing == 0) break;
    if (std::chrono::steady_clock::now() > deadline) {
      return IoError(std::to_string(missing) + " records were not acknowledged by stream " + options_.stream.name +
                     " within " + std::to_string(options_.retry_seconds) + " s (last error: " + last_error_ +
                     "); is a majority of the NATS cluster up? Publishing again is safe: duplicates are dropped");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  std::lock_guard<std::mutex> lock(ack_mutex_);
  counts_.records += chunk_.size();
  counts_.stored += acked_stored_;
  // Records repeated within the chunk (same id) are acknowledged once and are duplicates too.
  counts_.duplicates += chunk_.size() - acked_stored_;
  chunk_.clear();
  return Status::Ok();
}

}  // namespace crowdlens::stream
