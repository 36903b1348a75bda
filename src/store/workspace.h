// The workspace: a folder holding the SQLite system of record
// (crowdlens.db, WAL mode) and the config file (crowdlens.toml). Later,
// memory-mappable graph files live beside them.
//
//   Result<std::unique_ptr<Workspace>> ws = Workspace::Open(dir, OpenMode::kCreate);
//   Database& db = (*ws)->db();
#pragma once

#include <memory>
#include <string>

#include "store/config.h"
#include "store/sqlite.h"

namespace crowdlens {

enum class OpenMode {
  kExisting,  // fail with a hint to run `crowdlens init` when there is no workspace
  kCreate,    // create the folder, database and default config when missing
};

// The folder used when none is named: $CROWDLENS_WORKSPACE, else ./crowdlens-workspace.
std::string DefaultWorkspaceDir();

class Workspace {
 public:
  static Result<std::unique_ptr<Workspace>> Open(const std::string& dir, OpenMode mode);

  Database& db() { return db_; }
  const std::string& dir() const { return dir_; }
  std::string config_path() const { return dir_ + "/crowdlens.toml"; }
  std::string database_path() const { return dir_ + "/crowdlens.db"; }

  // Readers that must not wait (the server's requests) take the stored
  // segment labels as they are, even when an import made them stale; the
  // server refreshes them apart. Off by default: a command classifies afresh.
  void set_stored_labels_suffice(bool suffice) { stored_labels_suffice_ = suffice; }
  bool stored_labels_suffice() const { return stored_labels_suffice_; }

  // Reads the config file afresh (users edit it between commands).
  Result<Config> LoadConfig() const { return Config::Load(config_path()); }

 private:
  Workspace(std::string dir, Database db) : dir_(std::move(dir)), db_(std::move(db)) {}
  std::string dir_;
  Database db_;
  bool stored_labels_suffice_ = false;
};

}  // namespace crowdlens
