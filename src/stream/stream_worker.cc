#include "stream/stream_worker.h"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <deque>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/time.h"
#include "store/batch_writer.h"
#include "stream/partition.h"
#include "stream/record_codec.h"

namespace crowdlens::stream {
namespace {

// A subscription that is destroyed with its owner.
struct Subscription {
  natsSubscription* handle = nullptr;
  Subscription() = default;
  Subscription(Subscription&& other) noexcept : handle(other.handle) { other.handle = nullptr; }
  ~Subscription() { natsSubscription_Destroy(handle); }
};

// Remembers the last `capacity` post ids, so a post redelivered or repeated
// in the input is counted by the watch once.
class RecentIds {
 public:
  explicit RecentIds(size_t capacity) : capacity_(capacity) {}
  bool Insert(const std::string& id) {
    if (!seen_.insert(id).second) return false;
    order_.push_back(id);
    if (order_.size() > capacity_) {
      seen_.erase(order_.front());
      order_.pop_front();
    }
    return true;
  }

 private:
  size_t capacity_;
  std::unordered_set<std::string> seen_;
  std::deque<std::string> order_;
};

Result<int64_t> StartRun(Database& db, const std::string& arguments) {
  Result<Statement> insert =
      db.Prepare("INSERT INTO import_runs (started_at, status, pid, arguments, inputs) VALUES (?1, 'running', ?2, ?3, 1)");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, NowSeconds());
  insert->Bind(2, static_cast<int64_t>(getpid()));
  insert->Bind(3, arguments);
  CROWDLENS_RETURN_IF_ERROR(insert->Run());
  return db.LastInsertRowId();
}

Status FinishRun(Database& db, int64_t run_id, const WorkerCounts& counts, const Status& outcome) {
  Result<Statement> update = db.Prepare(
      "UPDATE import_runs SET finished_at = ?1, status = ?2, records = ?3, quarantined = ?4, message = ?5 "
      "WHERE run_id = ?6");
  if (!update.ok()) return update.status();
  update->Bind(1, NowSeconds());
  update->Bind(2, outcome.ok() ? "done" : "failed");
  update->Bind(3, static_cast<int64_t>(counts.messages));
  update->Bind(4, static_cast<int64_t>(counts.bad_messages));
  update->Bind(5, outcome.ok() ? std::string("stream worker") : outcome.message());
  update->Bind(6, run_id);
  return update->Run();
}

Status Subscribe(JetStreamConnection& nats, const WorkerOptions& options, std::vector<Subscription>& subscriptions) {
  std::vector<std::pair<std::string, std::string>> targets;  // subject, durable
  if (options.partitions.empty()) {
    targets.emplace_back(options.stream.subject_prefix + ".*", options.durable);
  } else {
    for (int partition : options.partitions) {
      targets.emplace_back(SubjectFor(options.stream.subject_prefix, partition),
                           options.durable + "-p" + std::to_string(partition));
    }
  }
  for (const auto& [subject, durable] : targets) {
    jsSubOptions subscribe_options;
    jsSubOptions_Init(&subscribe_options);
    subscribe_options.Stream = options.stream.name.c_str();
    subscribe_options.Config.AckPolicy = js_AckExplicit;
    subscribe_options.Config.AckWait = options.ack_wait_seconds * 1000000000LL;
    // Fixed, not derived from --batch: every worker of a durable must ask for the same consumer.
    subscribe_options.Config.MaxAckPending = 20000;
    Subscription subscription;
    jsErrCode error_code = static_cast<jsErrCode>(0);
    natsStatus status = js_PullSubscribe(&subscription.handle, nats.context(), subject.c_str(), durable.c_str(),
                                         nullptr, &subscribe_options, &error_code);
    if (status != NATS_OK) {
      return IoError("cannot consume " + subject + " of stream " + options.stream.name + " as " + durable + ": " +
                     NatsErrorText(status) +
                     " (does the stream exist? `crowdlens publish` creates it; do all workers of this --durable "
                     "use the same --ack-wait?)");
    }
    subscriptions.push_back(std::move(subscription));
  }
  return Status::Ok();
}

// "<durable>@<host>:<pid>": tells the workers of one durable apart when their windows are merged.
std::string WorkerId(const std::string& durable) {
  char host[256] = {};
  gethostname(host, sizeof(host) - 1);
  return durable + "@" + host + ":" + std::to_string(getpid());
}

void PublishEvents(JetStreamConnection& nats, const WorkerOptions& options, std::vector<WatchEvent>& events,
                   WorkerCounts& counts) {
  for (const WatchEvent& event : events) {
    (event.kind == WatchEvent::Kind::kWindow ? counts.windows : counts.alerts) += 1;
    if (options.watch_subject.empty()) continue;
    static const std::string worker_id = WorkerId(options.durable);
    std::string json = WatchEventJson(event, worker_id);
    natsConnection_Publish(nats.connection(), options.watch_subject.c_str(), json.data(),
                           static_cast<int>(json.size()));
  }
  events.clear();
}

}  // namespace

std::string WatchEventJson(const WatchEvent& event, const std::string& worker) {
  nlohmann::json body;
  body["worker"] = worker;
  body["window_start"] = FormatTimestamp(event.window_start);
  body["window_end"] = FormatTimestamp(event.window_end);
  if (event.kind == WatchEvent::Kind::kWindow) {
    body["event"] = "window";
    body["posts"] = event.count;
    body["top_terms"] = event.subject;
  } else {
    body["event"] = "alert";
    body["kind"] = WatchEventKindName(event.kind);
    body["item"] = event.subject;
    body["count"] = event.count;
    body["baseline"] = std::round(event.baseline * 1000) / 1000;
    body["z"] = std::round(event.z * 1000) / 1000;
  }
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<WorkerCounts> RunWorker(Workspace& workspace, const WorkerOptions& options, const std::atomic<bool>* stop) {
  if (options.batch < 1) return InvalidArgument("--batch must be at least 1");
  Result<std::unique_ptr<Watcher>> watcher =
      Watcher::Create({.queries = options.queries, .window_seconds = options.window_seconds});
  if (!watcher.ok()) return watcher.status();
  Result<std::unique_ptr<JetStreamConnection>> nats = JetStreamConnection::Connect({.urls = options.urls});
  if (!nats.ok()) return nats.status();
  std::vector<Subscription> subscriptions;
  CROWDLENS_RETURN_IF_ERROR(Subscribe(**nats, options, subscriptions));

  Database& db = workspace.db();
  Result<int64_t> run_id = StartRun(db, options.arguments);
  if (!run_id.ok()) return run_id.status();
  BatchWriter writer(db, *run_id);
  CROWDLENS_RETURN_IF_ERROR(writer.Prepare());

  WorkerCounts counts;
  RecentIds watched(200000);
  std::unordered_map<std::string, std::string> handles;  // author id -> handle, for the watch's from: fields
  std::vector<WatchEvent> events;
  auto last_message = std::chrono::steady_clock::now();
  // A fetch waits at most this long, so a stop is noticed within it (divided among partitions).
  const int64_t fetch_milliseconds = std::max<int64_t>(100, 1000 / static_cast<int64_t>(subscriptions.size()));
  Status outcome = Status::Ok();
  // Fetch errors other than an empty stream, continuously since when.
  constexpr int64_t kGiveUpSeconds = 120;
  std::optional<std::chrono::steady_clock::time_point> failing_since;

  while (stop == nullptr || !stop->load()) {
    bool fetched_any = false;
    for (Subscription& subscription : subscriptions) {
      natsMsgList list{};
      jsErrCode error_code = static_cast<jsErrCode>(0);
      natsStatus status =
          natsSubscription_Fetch(&list, subscription.handle, options.batch, fetch_milliseconds, &error_code);
      if (status != NATS_OK) {
        natsMsgList_Destroy(&list);
        // A timeout is an empty stream; anything else (a node gone, a leader being elected) mends itself
        // as the client reconnects: wait a little and fetch again, for up to kGiveUpSeconds.
        if (status != NATS_TIMEOUT) {
          auto now = std::chrono::steady_clock::now();
          if (!failing_since) failing_since = now;
          if (now - *failing_since > std::chrono::seconds(kGiveUpSeconds)) {
            outcome = IoError("cannot fetch from stream " + options.stream.name + " for " +
                              std::to_string(kGiveUpSeconds) + " s: " + NatsErrorText(status) +
                              " (is a majority of the NATS cluster up? was the stream or consumer deleted?)");
            break;
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(200));
        } else {
          failing_since.reset();
        }
        continue;
      }
      failing_since.reset();
      fetched_any = true;
      Batch batch;
      for (int index = 0; index < list.Count; ++index) {
        natsMsg* message = list.Msgs[index];
        jsMsgMetaData* meta = nullptr;
        int64_t stream_sequence = 0;  // names a bad message in the quarantine, so each keeps its own row
        if (natsMsg_GetMetaData(&meta, message) == NATS_OK) {
          if (meta->NumDelivered > 1) ++counts.redelivered;
          stream_sequence = static_cast<int64_t>(meta->Sequence.Stream);
          jsMsgMetaData_Destroy(meta);
        }
        std::string_view data(natsMsg_GetData(message), static_cast<size_t>(natsMsg_GetDataLength(message)));
        Result<StreamRecord> record = DecodeRecord(data);
        if (!record.ok()) {
          ++counts.bad_messages;
          batch.quarantined.push_back({.source = std::string("nats:") + natsMsg_GetSubject(message),
                                       .offset = stream_sequence,
                                       .reason = record.status().message(),
                                       .raw = std::string(data.substr(0, 4096))});
          continue;
        }
        AppendToBatch(std::move(record).value(), batch);
      }
      counts.posts += batch.posts.size();
      counts.accounts += batch.accounts.size();
      counts.edges += batch.edges.size();
      counts.deletions += batch.deletions.size();
      Status written = writer.Write(batch);
      if (!written.ok()) {
        // Nothing acknowledged: the messages come back after ack_wait, to this or another worker.
        natsMsgList_Destroy(&list);
        outcome = written;
        break;
      }
      for (int index = 0; index < list.Count; ++index) natsMsg_Ack(list.Msgs[index], nullptr);
      counts.messages += static_cast<uint64_t>(list.Count);
      ++counts.batches;
      natsMsgList_Destroy(&list);

      // Handles of recent authors only: a firehose names millions of accounts.
      if (handles.size() > 1000000) handles.clear();
      for (const Account& account : batch.accounts) {
        if (!account.handle.empty()) handles[account.platform_id] = account.handle;
      }
      for (const Post& post : batch.posts) {
        if (!watched.Insert(post.platform + ":" + post.platform_id)) continue;
        auto handle = handles.find(post.author_id);
        (*watcher)->Add(post, handle == handles.end() ? std::string_view() : std::string_view(handle->second), events);
      }
      PublishEvents(**nats, options, events, counts);
      if (options.after_batch) options.after_batch(counts.messages);
    }
    if (!outcome.ok()) break;
    auto now = std::chrono::steady_clock::now();
    if (fetched_any) last_message = now;
    if (options.idle_exit_seconds > 0 && now - last_message > std::chrono::seconds(options.idle_exit_seconds)) break;
  }
  (*watcher)->Finish(events);
  PublishEvents(**nats, options, events, counts);
  natsConnection_FlushTimeout((*nats)->connection(), 2000);
  Status recorded = FinishRun(db, *run_id, counts, outcome);
  if (!outcome.ok()) return outcome;
  if (!recorded.ok()) return recorded;
  return counts;
}

}  // namespace crowdlens::stream
