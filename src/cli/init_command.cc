// `crowdlens init [--owner HANDLE...]`: create a workspace.
#include <filesystem>

#include "cli/command.h"
#include "store/config.h"

namespace crowdlens::cli {

void AddInitCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand("init", "Create a workspace (a folder with crowdlens.db and crowdlens.toml)");
  auto owners = std::make_shared<std::vector<std::string>>();
  command->add_option("--owner", *owners, "Account(s) whose crowd is analysed by default: HANDLE or platform:HANDLE");
  AddOutputOption(*command, globals);
  command->callback([&globals, owners] {
    Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, OpenMode::kCreate);
    if (!workspace.ok()) {
      globals.exit_code = Fail(workspace.status());
      return;
    }
    Workspace& ws = **workspace;
    if (!owners->empty()) {
      std::vector<OwnerRef> refs;
      for (const std::string& owner : *owners) refs.push_back(ParseOwnerRef(owner));
      if (Status status = Config::SetOwners(ws.config_path(), refs); !status.ok()) {
        globals.exit_code = Fail(status);
        return;
      }
    }
    Table table{.name = "workspace", .title = "Workspace ready",
                .columns = {"workspace", "database", "config"}, .single_record = true};
    table.rows.push_back({std::filesystem::absolute(ws.dir()).lexically_normal().string(), ws.database_path(),
                          ws.config_path()});
    globals.exit_code = Print(globals, {table});
  });
}

}  // namespace crowdlens::cli
