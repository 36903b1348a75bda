#include "server/snapshots.h"

#include <malloc.h>

#include <chrono>
#include <optional>
#include <system_error>

#include "analyses/segment_classifier_store.h"

namespace crowdlens::server {
namespace {

// Kept results beyond this many are dropped oldest-key-first: enough for every view with a few option sets.
constexpr size_t kMaxKept = 512;

}  // namespace

// While an import commits batch after batch, labels are classified again at most this often.
constexpr auto kLabelRefreshInterval = std::chrono::seconds(5);

Snapshots::Snapshots(std::string workspace_dir, std::unique_ptr<Workspace> watcher)
    : workspace_dir_(std::move(workspace_dir)), watcher_(std::move(watcher)) {
  labeller_ = std::thread([this] { RefreshLabels(); });
}

Snapshots::~Snapshots() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  labels_wanted_changed_.notify_all();
  labeller_.join();
}

void Snapshots::RefreshLabels() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    labels_wanted_changed_.wait(lock, [this] { return stopping_ || labels_wanted_; });
    if (stopping_) return;
    labels_wanted_ = false;
    lock.unlock();
    // Its own connection, storing: a write that commits like any other and so makes a new state.
    if (Result<std::unique_ptr<Workspace>> workspace = Workspace::Open(workspace_dir_, OpenMode::kExisting);
        workspace.ok()) {
      if (Result<Config> config = (*workspace)->LoadConfig(); config.ok()) {
        (void)CurrentAccountSegments(**workspace, *config, false);
      }
    }
    // What the states before this one used (their kept results, the classification) goes back
    // to the system rather than staying in the allocator's free lists.
    malloc_trim(0);
    lock.lock();
    labels_wanted_changed_.wait_for(lock, kLabelRefreshInterval, [this] { return stopping_; });
  }
}

Result<std::unique_ptr<Snapshots>> Snapshots::Open(const std::string& workspace_dir) {
  Result<std::unique_ptr<Workspace>> watcher = Workspace::Open(workspace_dir, OpenMode::kExisting);
  if (!watcher.ok()) return watcher.status();
  return std::unique_ptr<Snapshots>(new Snapshots(workspace_dir, std::move(*watcher)));
}

uint64_t Snapshots::CurrentState() {
  // Called with mutex_ held.
  Result<int64_t> version = watcher_->db().QueryInt("PRAGMA data_version");
  std::error_code error;
  std::filesystem::file_time_type config_time = std::filesystem::last_write_time(watcher_->config_path(), error);
  const int64_t seen = version.ok() ? *version : data_version_ + 1;  // unreadable: assume it changed
  if (seen != data_version_ || config_time != config_time_) {
    data_version_ = seen;
    config_time_ = config_time;
    labels_wanted_ = true;
    labels_wanted_changed_.notify_all();
    ++state_;
    tables_.clear();
    influence_.clear();
    bodies_.clear();
  }
  return state_;
}

Status Snapshots::InReadSnapshot(const std::function<Status(Workspace&)>& body) {
  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(workspace_dir_, OpenMode::kExisting);
  if (!opened.ok()) return opened.status();
  Workspace& workspace = **opened;
  workspace.set_stored_labels_suffice(true);
  CROWDLENS_RETURN_IF_ERROR(workspace.db().Execute("BEGIN"));
  // The snapshot starts at the first read.
  if (Result<int64_t> pinned = workspace.db().QueryInt("SELECT count(*) FROM sqlite_master"); !pinned.ok()) {
    (void)workspace.db().Execute("ROLLBACK");
    return pinned.status();
  }
  Status status = body(workspace);
  (void)workspace.db().Execute(status.ok() ? "COMMIT" : "ROLLBACK");
  return status;
}

template <typename Value>
Result<std::shared_ptr<const Value>> Snapshots::GetOrCompute(std::map<std::string, Entry<Value>>& kept,
                                                             const std::string& key,
                                                             const std::function<Result<Value>(Workspace&)>& compute) {
  using Shared = Result<std::shared_ptr<const Value>>;
  std::optional<std::promise<Shared>> mine;  // set when this request computes
  std::shared_future<Shared> future;
  uint64_t ticket = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const uint64_t state = CurrentState();
    auto found = kept.find(key);
    if (found != kept.end() && found->second.state == state) {
      future = found->second.value;
    } else {
      if (kept.size() >= kMaxKept) kept.erase(kept.begin());
      mine.emplace();
      future = mine->get_future().share();
      ticket = ++tickets_;
      kept[key] = Entry<Value>{.state = state, .ticket = ticket, .value = future};
    }
  }
  if (!mine) return future.get();

  auto forget = [&] {
    // A failure is not kept: it may be passing (the disk, a lock), and the next request tries again.
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = kept.find(key);
    if (found != kept.end() && found->second.ticket == ticket) kept.erase(found);
  };
  try {
    std::shared_ptr<const Value> value;
    Status status = InReadSnapshot([&](Workspace& workspace) {
      Result<Value> made = compute(workspace);
      if (!made.ok()) return made.status();
      value = std::make_shared<const Value>(std::move(*made));
      return Status::Ok();
    });
    if (!status.ok()) {
      forget();
      mine->set_value(status);
    } else {
      mine->set_value(std::move(value));
    }
  } catch (...) {
    forget();
    mine->set_exception(std::current_exception());
  }
  return future.get();
}

Result<std::shared_ptr<const std::string>> Snapshots::Body(const std::string& key,
                                                          const std::function<Result<std::string>()>& make) {
  uint64_t state = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    state = CurrentState();
    if (auto found = bodies_.find(key); found != bodies_.end()) return found->second;
  }
  Result<std::string> made = make();
  if (!made.ok()) return made.status();
  auto body = std::make_shared<const std::string>(std::move(*made));
  constexpr size_t kMaxKeptBody = size_t{1} << 20;
  std::lock_guard<std::mutex> lock(mutex_);
  if (body->size() <= kMaxKeptBody && state_ == state) {
    if (bodies_.size() >= kMaxKept) bodies_.erase(bodies_.begin());
    bodies_.emplace(key, body);
  }
  return body;
}

Result<SharedTables> Snapshots::Tables(const std::string& key, const TablesOf& compute) {
  return GetOrCompute<std::vector<Table>>(tables_, key, compute);
}

Result<std::shared_ptr<const InfluenceAnalysis>> Snapshots::Influence() {
  return GetOrCompute<InfluenceAnalysis>(influence_, "influence",
                                         [](Workspace& workspace) { return AnalyseInfluence(workspace); });
}

}  // namespace crowdlens::server
