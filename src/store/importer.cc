#include "store/importer.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <new>
#include <optional>
#include <thread>

#include "core/input.h"
#include "core/progress.h"
#include "core/time.h"
#include "ingest/read_input.h"

namespace crowdlens {
namespace {

// What the reader thread hands the writer: a batch, or the end of one input.
struct QueueItem {
  size_t input_index = 0;
  uint64_t input_size = 0;  // the input's decompressed size, to scale progress to bytes on disk
  std::optional<Batch> batch;
  bool end_of_input = false;
  ReadReport report;
  Status status;
};

// A bounded single-producer single-consumer queue.
class BatchQueue {
 public:
  explicit BatchQueue(size_t capacity) : capacity_(capacity) {}

  // Blocks while full; returns false when the consumer has stopped.
  bool Push(QueueItem item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || stopped_; });
    if (stopped_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  std::optional<QueueItem> Pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    QueueItem item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

  void Stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    not_full_.notify_all();
  }

 private:
  size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<QueueItem> items_;
  bool closed_ = false;
  bool stopped_ = false;
};

Result<int64_t> StartRun(Database& db, const ImportOptions& options, size_t inputs) {
  Result<Statement> insert = db.Prepare(
      "INSERT INTO import_runs (started_at, status, pid, arguments, inputs) VALUES (?1, 'running', ?2, ?3, ?4)");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, NowSeconds());
  insert->Bind(2, static_cast<int64_t>(getpid()));
  insert->Bind(3, options.arguments);
  insert->Bind(4, static_cast<int64_t>(inputs));
  CROWDLENS_RETURN_IF_ERROR(insert->Run());
  return db.LastInsertRowId();
}

Status RecordInput(Database& db, int64_t run_id, const ImportedInput& input) {
  Result<Statement> insert = db.Prepare(
      "INSERT OR REPLACE INTO import_files (run_id, source, format, status, bytes, records, quarantined, message) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, run_id);
  insert->Bind(2, input.source);
  insert->Bind(3, input.format);
  insert->Bind(4, input.status);
  insert->Bind(5, static_cast<int64_t>(input.bytes));
  insert->Bind(6, static_cast<int64_t>(input.records));
  insert->Bind(7, static_cast<int64_t>(input.quarantined));
  insert->Bind(8, input.message);
  return insert->Run();
}

Status FinishRun(Database& db, const ImportSummary& summary, const std::string& status, const std::string& message) {
  Result<Statement> update = db.Prepare(
      "UPDATE import_runs SET finished_at = ?1, status = ?2, bytes = ?3, records = ?4, quarantined = ?5, "
      "message = ?6 WHERE run_id = ?7");
  if (!update.ok()) return update.status();
  update->Bind(1, NowSeconds());
  update->Bind(2, status);
  update->Bind(3, static_cast<int64_t>(summary.bytes));
  update->Bind(4, static_cast<int64_t>(summary.written.accounts + summary.written.posts + summary.written.edges +
                                       summary.written.contacts + summary.written.deletions));
  update->Bind(5, static_cast<int64_t>(summary.written.quarantined));
  update->Bind(6, message);
  update->Bind(7, summary.run_id);
  return update->Run();
}

// An input that names its owner (an X archive) sets the workspace's owner
// when none is set yet; an owner the user chose is never replaced.
Status AdoptOwner(Workspace& workspace, const OwnerHint& hint, ImportSummary& summary) {
  if (hint.handle.empty() || !summary.adopted_owner.empty()) return Status::Ok();
  Result<Config> config = workspace.LoadConfig();
  if (!config.ok()) return config.status();
  if (!config->owners.empty()) return Status::Ok();
  OwnerRef owner{.platform = hint.platform, .handle = hint.handle};
  CROWDLENS_RETURN_IF_ERROR(Config::SetOwners(workspace.config_path(), {owner}));
  summary.adopted_owner = FormatOwnerRef(owner);
  return Status::Ok();
}

// LoadInput, with running out of memory (an input within the limits while
// other programs hold the memory) turned into a message for this input alone.
Result<InputBuffer> LoadInputOrExplain(const InputSource& source) {
  try {
    return LoadInput(source);
  } catch (const std::bad_alloc&) {
    return DataError(source.name + ": not enough free memory to load this input whole; close other programs, or "
                     "split the file and import the parts");
  }
}

// Reads every input on its own thread, pushing batches and end markers.
void ReadAll(const std::vector<InputSource>& sources, const ImportOptions& options, BatchQueue& queue) {
  for (size_t index = 0; index < sources.size(); ++index) {
    const InputSource& source = sources[index];
    QueueItem end{.input_index = index, .end_of_input = true};
    Result<InputBuffer> buffer = LoadInputOrExplain(source);
    if (!buffer.ok()) {
      end.status = buffer.status();
    } else {
      BatchEmitter emitter(
          [&](Batch&& batch) {
            if (!queue.Push(QueueItem{.input_index = index, .input_size = buffer->size(), .batch = std::move(batch)})) {
              return Status(ErrorCode::kCancelled, "the import stopped");
            }
            return Status::Ok();
          },
          EmitterOptions{.batch_records = options.batch_records});
      // A file the user named on its own must be readable; inside a folder, unknown files are skipped.
      bool named_directly = source.member.empty() &&
                            std::find(options.paths.begin(), options.paths.end(), source.path) != options.paths.end();
      try {
        end.status = ReadInput(source, buffer.value(), options.forced_format, options.read, emitter, end.report,
                               named_directly);
      } catch (const std::exception& error) {
        // A last resort: readers turn bad input into quarantine entries, so this is a bug in a
        // reader. The input fails alone instead of taking the import down.
        end.status = DataError(source.name + ": the reader stopped unexpectedly (" + error.what() +
                               "); the records before this point were imported");
      }
    }
    if (end.status.code() == ErrorCode::kCancelled) return;
    if (!queue.Push(std::move(end))) return;
  }
  queue.Close();
}

}  // namespace

Result<ImportSummary> Import(Workspace& workspace, const ImportOptions& options) {
  auto started = std::chrono::steady_clock::now();
  Result<std::vector<InputSource>> sources = ExpandInputs(options.paths);
  if (!sources.ok()) return sources.status();
  if (sources->empty()) return NotFound("no files to import under the given paths");

  Database& db = workspace.db();
  ImportSummary summary;
  Result<int64_t> run_id = StartRun(db, options, sources->size());
  if (!run_id.ok()) return run_id.status();
  summary.run_id = run_id.value();

  BatchWriter writer(db, summary.run_id);
  CROWDLENS_RETURN_IF_ERROR(writer.Prepare());

  uint64_t total_bytes = 0;
  for (const InputSource& source : sources.value()) total_bytes += source.size_on_disk;
  Progress progress("importing", total_bytes, "B");
  if (!options.show_progress) progress.Disable();

  summary.inputs.resize(sources->size());
  for (size_t index = 0; index < sources->size(); ++index) summary.inputs[index].source = (*sources)[index].name;

  ReadOptions read = options.read;
  if (read.import_time == 0) read.import_time = NowSeconds();
  ImportOptions effective = options;
  effective.read = read;

  BatchQueue queue(4);
  std::thread reader([&] { ReadAll(sources.value(), effective, queue); });

  Status failure;
  while (std::optional<QueueItem> item = queue.Pop()) {
    ImportedInput& input = summary.inputs[item->input_index];
    if (item->batch) {
      const Batch& batch = *item->batch;
      Status written = writer.Write(batch);
      if (!written.ok()) {
        failure = written;
        break;
      }
      if (!batch.owner_hints.empty()) {
        Status adopted = AdoptOwner(workspace, batch.owner_hints.front(), summary);
        if (!adopted.ok()) {
          failure = adopted;
          break;
        }
      }
      input.records += batch.accounts.size() + batch.posts.size() + batch.edges.size() + batch.contacts.size() +
                       batch.deletions.size();
      input.quarantined += batch.quarantined.size();
      input.bytes += batch.input_bytes;
      summary.bytes += batch.input_bytes;
      const InputSource& source = (*sources)[item->input_index];
      progress.Advance(item->input_size == 0 ? 0 : batch.input_bytes * source.size_on_disk / item->input_size);
      progress.SetDetail(input.source);
      if (options.after_batch) options.after_batch(writer.counts().accounts + writer.counts().posts + writer.counts().edges);
      continue;
    }
    // End of one input.
    input.format = item->report.format == Format::kUnknown ? "" : FormatName(item->report.format);
    if (!item->status.ok()) {
      input.status = "failed";
      input.message = item->status.message();
      ++summary.failed_inputs;
      // The unreadable input is itself quarantined, so `crowdlens quarantine` lists it.
      Batch whole_input;
      whole_input.quarantined.push_back(
          QuarantineEntry{.source = input.source, .reason = input.message, .raw = {}});
      Status written = writer.Write(whole_input);
      if (!written.ok()) {
        failure = written;
        break;
      }
      input.quarantined += 1;
    } else if (item->report.skipped) {
      input.status = "skipped";
      input.message = item->report.reason;
    } else {
      input.status = "done";
    }
    Status recorded = RecordInput(db, summary.run_id, input);
    if (!recorded.ok()) {
      failure = recorded;
      break;
    }
  }
  queue.Stop();
  reader.join();
  progress.Finish();

  if (failure.ok()) failure = writer.ApplySnapshots();
  summary.written = writer.counts();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!failure.ok()) {
    (void)FinishRun(db, summary, "failed", failure.message());
    return failure;
  }
  std::string message = summary.failed_inputs > 0 ? std::to_string(summary.failed_inputs) + " input(s) could not be read" : "";
  CROWDLENS_RETURN_IF_ERROR(FinishRun(db, summary, "done", message));
  return summary;
}

}  // namespace crowdlens
