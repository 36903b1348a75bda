// What the server's requests read: one consistent state of the workspace.
//
// Every analysis runs on its own connection inside one read transaction, so
// it sees the workspace as it was when it began: an import that commits a
// batch meanwhile is invisible to it, and requests never wait on each other
// or on an import (SQLite's WAL mode lets readers and one writer run at once).
//
// Results are kept per workspace state: the state changes when any
// connection commits (`PRAGMA data_version` on a watching connection) or
// crowdlens.toml is edited, and then every kept result is dropped.
// Requests take the stored segment labels as they are; a thread of its own
// classifies and stores them again when the workspace changed (at most once
// every few seconds while an import commits batch after batch), so no request
// waits for a classification. Requests
// for a result being computed wait for that computation instead of repeating
// it, so a burst of requests after an import costs one analysis.
//
//   Snapshots snapshots(workspace_dir);
//   Result<std::shared_ptr<const std::vector<Table>>> tables =
//       snapshots.Tables("status?runs=5", [](Workspace& ws) { return StatusTables(ws, {}); });
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <condition_variable>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "analyses/influence.h"
#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens::server {

using SharedTables = std::shared_ptr<const std::vector<Table>>;
using TablesOf = std::function<Result<std::vector<Table>>(Workspace&)>;

class Snapshots {
 public:
  static Result<std::unique_ptr<Snapshots>> Open(const std::string& workspace_dir);
  ~Snapshots();

  // The tables `compute` makes, kept under `key` until the workspace changes.
  Result<SharedTables> Tables(const std::string& key, const TablesOf& compute);

  // The influence analysis of the current state (the influence, account and network views share it).
  Result<std::shared_ptr<const InfluenceAnalysis>> Influence();

  // A response body kept under `key` (the request's whole target) until the workspace changes;
  // `make` runs on a miss. Bodies over 1 MiB are not kept.
  Result<std::shared_ptr<const std::string>> Body(const std::string& key,
                                                  const std::function<Result<std::string>()>& make);

  // Runs `body` on a fresh connection inside one read transaction.
  Status InReadSnapshot(const std::function<Status(Workspace&)>& body);

  const std::string& workspace_dir() const { return workspace_dir_; }

 private:
  explicit Snapshots(std::string workspace_dir, std::unique_ptr<Workspace> watcher);
  // The labelling thread: refreshes stale segment labels when asked, then waits.
  void RefreshLabels();
  // Drops what is kept when the workspace changed since the last look; returns the state's number.
  uint64_t CurrentState();

  template <typename Value>
  struct Entry {
    uint64_t state = 0;
    uint64_t ticket = 0;  // which computation made it
    std::shared_future<Result<std::shared_ptr<const Value>>> value;
  };
  template <typename Value>
  Result<std::shared_ptr<const Value>> GetOrCompute(std::map<std::string, Entry<Value>>& kept, const std::string& key,
                                                    const std::function<Result<Value>(Workspace&)>& compute);

  std::string workspace_dir_;
  std::mutex mutex_;  // guards everything below
  std::unique_ptr<Workspace> watcher_;
  int64_t data_version_ = -1;
  std::filesystem::file_time_type config_time_{};
  uint64_t state_ = 0;
  uint64_t tickets_ = 0;
  std::map<std::string, Entry<std::vector<Table>>> tables_;
  std::map<std::string, Entry<InfluenceAnalysis>> influence_;
  std::map<std::string, std::shared_ptr<const std::string>> bodies_;
  std::condition_variable labels_wanted_changed_;
  bool labels_wanted_ = true;  // refresh once at start
  bool stopping_ = false;
  std::thread labeller_;
};

}  // namespace crowdlens::server
