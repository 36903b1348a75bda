#include "cli/command.h"

#include <iostream>

#include "store/account_lookup.h"

namespace crowdlens::cli {

Result<int64_t> AccountOrOwner(Workspace& workspace, const Config& config, const std::string& handle,
                               std::string_view command) {
  if (!handle.empty()) return FindAccountKey(workspace.db(), handle);
  if (config.owners.empty()) {
    return InvalidArgument("name an account (crowdlens " + std::string(command) +
                           " HANDLE) or set the owner: crowdlens owner HANDLE");
  }
  return FindAccountKey(workspace.db(), FormatOwnerRef(config.owners.front()));
}

int Fail(const Status& status) {
  std::cerr << "crowdlens: " << status.message() << "\n";
  return status.code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitError;
}

Result<std::unique_ptr<Workspace>> OpenWorkspace(const GlobalOptions& globals, OpenMode mode) {
  return Workspace::Open(globals.workspace.empty() ? DefaultWorkspaceDir() : globals.workspace, mode);
}

int Print(const GlobalOptions& globals, const std::vector<Table>& tables) {
  std::optional<OutputFormat> format = ParseOutputFormat(globals.output);
  if (!format) return Fail(InvalidArgument("-o must be table, json, csv or ndjson, not " + globals.output));
  WriteTables(std::cout, *format, tables);
  std::cout.flush();
  return kExitOk;
}

void AddOutputOption(CLI::App& command, GlobalOptions& globals) {
  command.add_option("-o,--output", globals.output, "Output format: table, json, csv or ndjson")
      ->check(CLI::IsMember({"table", "json", "csv", "ndjson"}))
      ->capture_default_str();
}

}  // namespace crowdlens::cli
