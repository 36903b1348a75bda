// `crowdlens status`: what the workspace holds and what the last imports did.
#include <filesystem>

#include "cli/command.h"
#include "core/time.h"
#include "store/workspace_summary.h"

namespace crowdlens::cli {

void AddStatusCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand("status", "Counts of every table, the owners and the recent imports");
  auto runs = std::make_shared<size_t>(5);
  command->add_option("--runs", *runs, "How many recent imports to list")->capture_default_str();
  AddOutputOption(*command, globals);
  command->callback([&globals, runs] {
    Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, OpenMode::kExisting);
    if (!workspace.ok()) {
      globals.exit_code = Fail(workspace.status());
      return;
    }
    Result<WorkspaceSummary> summary = SummariseWorkspace(**workspace, *runs);
    if (!summary.ok()) {
      globals.exit_code = Fail(summary.status());
      return;
    }
    std::string owners;
    for (const std::string& owner : summary->owners) owners += (owners.empty() ? "" : ", ") + owner;
    Table overview{.name = "workspace", .title = "Workspace",
                   .columns = {"path", "schema_version", "owners", "first_post", "last_post"}, .single_record = true};
    overview.rows.push_back({std::filesystem::absolute(summary->dir).lexically_normal().string(),
                             int64_t{summary->schema_version}, owners.empty() ? std::string("(none: crowdlens owner HANDLE)") : owners,
                             summary->first_post_at ? Cell{FormatTimestamp(summary->first_post_at)} : Cell{},
                             summary->last_post_at ? Cell{FormatTimestamp(summary->last_post_at)} : Cell{}});
    Table counts{.name = "tables", .title = "Rows per table", .columns = {"table", "rows"}};
    for (const TableCount& count : summary->tables) counts.rows.push_back({count.table, count.rows});
    Table platforms{.name = "platforms", .title = "Accounts and posts per platform",
                    .columns = {"platform", "accounts", "with_profile", "posts"}};
    for (const PlatformCount& platform : summary->platforms) {
      platforms.rows.push_back({platform.platform, platform.accounts, platform.profiles, platform.posts});
    }
    Table recent{.name = "runs", .title = "Recent imports",
                 .columns = {"run_id", "started", "status", "inputs", "bytes", "records", "quarantined", "message"}};
    for (const RunRow& run : summary->recent_runs) {
      recent.rows.push_back({run.run_id, FormatTimestamp(run.started_at), run.status, run.inputs, run.bytes,
                             run.records, run.quarantined, run.message});
    }
    globals.exit_code = Print(globals, {overview, counts, platforms, recent});
  });
}

}  // namespace crowdlens::cli
