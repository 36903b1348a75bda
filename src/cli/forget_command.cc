// `crowdlens forget HANDLE|EMAIL [--platform P] [--yes]`: erases one account
// or one address-book contact and everything derived from it (store/erasure.h
// says what goes and what stays). Without --yes it shows what would go and
// changes nothing.
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "store/erasure.h"
#include "store/person_lookup.h"

namespace crowdlens::cli {
namespace {

struct ForgetArguments {
  std::string reference;
  std::string platform;
  bool confirmed = false;
};

// Lines of crowdlens.toml that name the person (owners, example accounts):
// the config is the user's own file, so forget shows them and leaves it alone.
Table ConfigMentions(const Workspace& workspace, const Person& person) {
  Table table{.name = "config_mentions",
              .title = "crowdlens.toml still names them: edit these lines by hand",
              .columns = {"line", "text"},
              .rows = {}};
  std::ifstream config(workspace.config_path());
  std::string line;
  for (int64_t number = 1; std::getline(config, line); ++number) {
    for (const std::string& word : person.search_words) {
      if (ContainsWord(line, word)) {
        table.rows.push_back({number, line});
        break;
      }
    }
  }
  return table;
}

int RunForget(GlobalOptions& globals, const ForgetArguments& arguments) {
  Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, OpenMode::kExisting);
  if (!workspace.ok()) return Fail(workspace.status());
  Workspace& ws = **workspace;
  Result<Person> person = FindPerson(ws.db(), arguments.reference, arguments.platform);
  if (!person.ok()) return Fail(person.status());
  Result<ErasureCounts> counts = arguments.confirmed ? Erase(ws, *person) : PlanErasure(ws, *person);
  if (!counts.ok()) return Fail(counts.status());

  Table summary{.name = "erasure",
                .title = arguments.confirmed ? "Erased" : "Would erase (dry run: nothing was removed)",
                .columns = {"kind", "erased", "accounts", "contacts", "rows_removed", "rows_cleared",
                            "graph_files_removed", "wal_truncated"},
                .rows = {},
                .single_record = true};
  summary.rows.push_back({std::string(PersonKindName(person->kind)), arguments.confirmed,
                          static_cast<int64_t>(person->account_keys.size()),
                          static_cast<int64_t>(person->contact_keys.size()), counts->rows_removed, counts->rows_cleared,
                          static_cast<int64_t>(counts->graph_files.size()),
                          arguments.confirmed ? Cell{counts->wal_truncated} : Cell{}});
  Table steps{.name = "steps",
              .title = arguments.confirmed ? "Rows removed or cleared" : "Rows that would be removed or cleared",
              .columns = {"table", "action", "rows", "what"},
              .rows = {}};
  for (const ErasureStepCount& step : counts->steps)
    steps.rows.push_back({step.table, step.action, step.rows, step.what});
  std::vector<Table> tables = {summary, steps};
  Table config = ConfigMentions(ws, *person);
  if (!config.rows.empty()) tables.push_back(config);
  int exit_code = Print(globals, tables);
  if (!arguments.confirmed) {
    std::cerr << "crowdlens: dry run, nothing was removed; run again with --yes to erase\n";
  } else if (!counts->wal_truncated) {
    std::cerr << "crowdlens: another process has the workspace open, so its write-ahead log (crowdlens.db-wal) "
                 "may hold erased pages until that process exits; SQLite empties the log when the last one does\n";
  }
  return exit_code;
}

}  // namespace

void AddForgetCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "forget", "Erase one account (HANDLE) or address-book contact (EMAIL) and everything derived from it");
  auto arguments = std::make_shared<ForgetArguments>();
  command->add_option("person", arguments->reference, "HANDLE (@alice, bluesky:alice.bsky.social) or EMAIL")
      ->required();
  command->add_option("--platform", arguments->platform,
                      "Platform of HANDLE (twitter, bluesky, mastodon); makes user@server a handle");
  command->add_flag("--yes", arguments->confirmed, "Erase; without it, show what would be erased and change nothing");
  AddOutputOption(*command, globals);
  command->callback([&globals, arguments] { globals.exit_code = RunForget(globals, *arguments); });
}

}  // namespace crowdlens::cli
