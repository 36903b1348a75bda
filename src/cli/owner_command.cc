// `crowdlens owner [HANDLE...]`: show or set the accounts whose crowd is analysed.
#include "cli/command.h"
#include "store/config.h"

namespace crowdlens::cli {

void AddOwnerCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "owner", "Show the owner account(s), or set them: crowdlens owner HANDLE [platform:HANDLE ...]");
  auto handles = std::make_shared<std::vector<std::string>>();
  command->add_option("handles", *handles, "HANDLE or platform:HANDLE; replaces the current list");
  AddOutputOption(*command, globals);
  command->callback([&globals, handles] {
    Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, OpenMode::kCreate);
    if (!workspace.ok()) {
      globals.exit_code = Fail(workspace.status());
      return;
    }
    Workspace& ws = **workspace;
    if (!handles->empty()) {
      std::vector<OwnerRef> refs;
      for (const std::string& handle : *handles) {
        OwnerRef ref = ParseOwnerRef(handle);
        if (ref.handle.empty() || ref.handle.find_first_of(" \t\"") != std::string::npos) {
          globals.exit_code = Fail(InvalidArgument("\"" + handle + "\" is not a handle; write it as name or platform:name"));
          return;
        }
        refs.push_back(ref);
      }
      if (Status status = Config::SetOwners(ws.config_path(), refs); !status.ok()) {
        globals.exit_code = Fail(status);
        return;
      }
    }
    Result<Config> config = ws.LoadConfig();
    if (!config.ok()) {
      globals.exit_code = Fail(config.status());
      return;
    }
    // Show each owner with what the workspace knows of it.
    Table table{.name = "owners", .title = "Owner accounts", .columns = {"platform", "handle", "known", "followers", "posts_in_workspace"}};
    for (const OwnerRef& owner : config->owners) {
      Result<Statement> query = ws.db().Prepare(
          "SELECT a.followers_count, (SELECT count(*) FROM posts p WHERE p.author_key = a.account_key) "
          "FROM accounts a WHERE a.platform = ?1 AND a.handle_lower = lower(?2) "
          "ORDER BY (substr(a.platform_id, 1, 1) = '@') LIMIT 1");
      if (!query.ok()) {
        globals.exit_code = Fail(query.status());
        return;
      }
      query->Bind(1, owner.platform);
      query->Bind(2, owner.handle);
      Result<bool> row = query->Step();
      std::vector<Cell> cells = {owner.platform, owner.handle};
      if (row.ok() && row.value()) {
        cells.push_back(true);
        cells.push_back(query->ColumnIsNull(0) ? Cell{} : Cell{query->ColumnInt(0)});
        cells.push_back(query->ColumnInt(1));
      } else {
        cells.push_back(false);
        cells.push_back(Cell{});
        cells.push_back(int64_t{0});
      }
      table.rows.push_back(std::move(cells));
    }
    globals.exit_code = Print(globals, {table});
  });
}

}  // namespace crowdlens::cli
