// `crowdlens listen QUERY | --saved NAME`: what is said about a brand; `--save NAME QUERY` keeps a query.
#include "cli/command.h"
#include "analyses/query_matcher.h"
#include "report/listen_tables.h"

namespace crowdlens::cli {
namespace {

int RunListen(const GlobalOptions& globals, const ListenRequest& arguments) {
  if (arguments.save.empty()) {
    return RunAndPrint(globals, OpenMode::kExisting,
                       [&](Workspace& workspace) { return ListenTables(workspace, arguments); });
  }
  if (arguments.query.empty()) return Fail(InvalidArgument("--save NAME needs the QUERY to save"));
  Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, OpenMode::kExisting);
  if (!workspace.ok()) return Fail(workspace.status());
  // Refuse a query that would not run before writing it into the config.
  Result<QuerySet> check = QuerySet::Compile({{arguments.save, arguments.query}});
  if (!check.ok()) return Fail(check.status());
  if (Status status = Config::SetQuery((*workspace)->config_path(), arguments.save, arguments.query); !status.ok()) {
    return Fail(status);
  }
  Result<Config> updated = (*workspace)->LoadConfig();
  if (!updated.ok()) return Fail(updated.status());
  return Print(globals, {SavedQueriesTable(*updated)});
}

}  // namespace

void AddListenCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "listen",
      "What is said about a brand: volume, share of voice, top voices, co-occurring hashtags and terms, "
      "sentiment and complaints for a query.\n"
      "Query language: words, \"quoted phrases\", #hashtags, @mentions, prefix*, AND, OR, NOT (or -term), "
      "parentheses, from:HANDLE, lang:CODE, country:CODE, segment:NAME.\n"
      "With no query, lists the saved queries.");
  auto arguments = std::make_shared<ListenRequest>();
  command->add_option("query", arguments->query, "The query, e.g. 'acme OR @acme OR \"acme air\" -from:acme'");
  command->add_option("--saved", arguments->saved, "Run the query saved under this name in crowdlens.toml");
  command->add_option("--save", arguments->save, "Save QUERY under this name in crowdlens.toml [queries]");
  command->add_option("--from", arguments->from, "Only posts from this date (2021-03-01, UTC)");
  command->add_option("--to", arguments->to, "Only posts before this date");
  command->add_option("--bin", arguments->bin, "Volume per hour, day or week (default: chosen from the span)")
      ->check(CLI::IsMember({"hour", "day", "week"}));
  command->add_flag("--no-retweets", arguments->no_retweets, "Leave retweets out");
  command->add_option("--top", arguments->top, "Rows in each top table")->capture_default_str();
  command->add_option("--complaints", arguments->complaints, "Complaints to list (all are counted)")
      ->capture_default_str();
  command->add_option("--brand", arguments->brand,
                      "Handle(s) complaints must be addressed to (default: the query's @mentions, else the owners)");
  AddOutputOption(*command, globals);
  command->callback([&globals, arguments] { globals.exit_code = RunListen(globals, *arguments); });
}

}  // namespace crowdlens::cli
