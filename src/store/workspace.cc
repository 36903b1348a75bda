#include "store/workspace.h"

#include <cstdlib>
#include <filesystem>

#include "store/schema.h"

namespace crowdlens {

namespace fs = std::filesystem;

std::string DefaultWorkspaceDir() {
  const char* from_environment = std::getenv("CROWDLENS_WORKSPACE");
  if (from_environment != nullptr && *from_environment != '\0') return from_environment;
  return "crowdlens-workspace";
}

Result<std::unique_ptr<Workspace>> Workspace::Open(const std::string& dir, OpenMode mode) {
  std::string database = dir + "/crowdlens.db";
  std::error_code error;
  if (!fs::exists(database, error)) {
    if (mode == OpenMode::kExisting) {
      return NotFound("no workspace at " + dir + "; create one with `crowdlens init` or `crowdlens import`, "
                      "or name another with --workspace DIR");
    }
    fs::create_directories(dir, error);
    if (error) return IoError("cannot create the workspace folder " + dir + ": " + error.message());
  }
  Result<Database> db = Database::Open(database, mode == OpenMode::kCreate);
  if (!db.ok()) return db.status();
  CROWDLENS_RETURN_IF_ERROR(Migrate(db.value()));
  if (mode == OpenMode::kCreate) CROWDLENS_RETURN_IF_ERROR(Config::WriteDefault(dir + "/crowdlens.toml"));
  return std::unique_ptr<Workspace>(new Workspace(dir, std::move(db).value()));
}

}  // namespace crowdlens
