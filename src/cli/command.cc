#include "cli/command.h"

#include <iostream>

namespace crowdlens::cli {

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

int RunAndPrint(const GlobalOptions& globals, OpenMode mode,
                const std::function<Result<std::vector<Table>>(Workspace&)>& tables_of) {
  Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, mode);
  if (!workspace.ok()) return Fail(workspace.status());
  Result<std::vector<Table>> tables = tables_of(**workspace);
  if (!tables.ok()) return Fail(tables.status());
  return Print(globals, *tables);
}

void AddOutputOption(CLI::App& command, GlobalOptions& globals) {
  command.add_option("-o,--output", globals.output, "Output format: table, json, csv or ndjson")
      ->check(CLI::IsMember({"table", "json", "csv", "ndjson"}))
      ->capture_default_str();
}

}  // namespace crowdlens::cli
