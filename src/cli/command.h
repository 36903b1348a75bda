// What every command shares: the global options, turning a Status into an
// exit code and a message, and printing tables in the chosen format.
//
// Exit codes: 0 ok, 1 data or runtime error, 2 usage error.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;

struct GlobalOptions {
  std::string workspace;       // --workspace; empty: DefaultWorkspaceDir()
  std::string output = "table";  // -o
  int exit_code = kExitOk;     // set by the command that ran
};

// Prints "crowdlens: <message>" on stderr and returns the exit code for it.
int Fail(const Status& status);

// Opens the workspace named by the global options.
Result<std::unique_ptr<Workspace>> OpenWorkspace(const GlobalOptions& globals, OpenMode mode);

// Prints tables in the format of -o; returns the exit code.
int Print(const GlobalOptions& globals, const std::vector<Table>& tables);

// Opens the workspace, asks `tables_of` for the command's tables (report/*_tables.h)
// and prints them; returns the exit code.
int RunAndPrint(const GlobalOptions& globals, OpenMode mode,
                const std::function<Result<std::vector<Table>>(Workspace&)>& tables_of);

// Adds `-o, --output` to a subcommand.
void AddOutputOption(CLI::App& command, GlobalOptions& globals);

void AddInitCommand(CLI::App& app, GlobalOptions& globals);
void AddOwnerCommand(CLI::App& app, GlobalOptions& globals);
void AddImportCommand(CLI::App& app, GlobalOptions& globals);
void AddStatusCommand(CLI::App& app, GlobalOptions& globals);
void AddQuarantineCommand(CLI::App& app, GlobalOptions& globals);
// `graph pagerank|salsa|components|kcore|reciprocity|convert` on edge-list files.
void AddGraphCommand(CLI::App& app, GlobalOptions& globals);
// `locate`: free-text locations to country, region and city.
void AddLocateCommand(CLI::App& app, GlobalOptions& globals);
// `segments`: topics, roles, spam score and place of accounts, with evidence.
void AddSegmentsCommand(CLI::App& app, GlobalOptions& globals);
void AddAudienceCommand(CLI::App& app, GlobalOptions& globals);
// Registered last: it adds `export` under the `graph` command.
void AddGraphExportCommand(CLI::App& app, GlobalOptions& globals);
// `listen`: a query's volume, share of voice, voices, sentiment and complaints; `--save` keeps queries.
void AddListenCommand(CLI::App& app, GlobalOptions& globals);
// `sentiment`: VADER labels for texts or a file of them.
void AddSentimentCommand(CLI::App& app, GlobalOptions& globals);
// `trends`: bursts, rising voices and the distinctive terms of a recurring tag's years.
void AddTrendsCommand(CLI::App& app, GlobalOptions& globals);
// `watch`: follow a stream of posts, alert on bursts of saved queries and terms.
void AddWatchCommand(CLI::App& app, GlobalOptions& globals);
// `influence`: the crowdlens score with its breakdown; --weekly, --topics, --agreement.
void AddInfluenceCommand(CLI::App& app, GlobalOptions& globals);
// `reach`: expected real audience per post from the reach model; --when: the best hours to post.
void AddReachCommand(CLI::App& app, GlobalOptions& globals);
// `mix`: the content mix against the rule of thirds, what travelled; --draft scores a post.
void AddMixCommand(CLI::App& app, GlobalOptions& globals);
// `report`: the self-contained HTML report.
void AddReportCommand(CLI::App& app, GlobalOptions& globals);
// `serve`: the JSON API, live events and the web dashboard.
void AddServeCommand(CLI::App& app, GlobalOptions& globals);
// `forget`: erase one account or contact and everything derived from it; `export-person`: all held about one.
void AddForgetCommand(CLI::App& app, GlobalOptions& globals);
void AddExportPersonCommand(CLI::App& app, GlobalOptions& globals);
// `prospects`: people who talk about a topic, hashtag or query, ranked, each with why.
void AddProspectsCommand(CLI::App& app, GlobalOptions& globals);
// `engage`: recent posts by the target audience and top prospects to comment on, each with why.
void AddEngageCommand(CLI::App& app, GlobalOptions& globals);
// `match`: address-book contacts matched to social accounts, with confidence and evidence; stored for `event`.
void AddMatchCommand(CLI::App& app, GlobalOptions& globals);
// `event`: who posted with an event's hashtags, roles, crowd and contacts there, meetings (--ics), --met.
void AddEventCommand(CLI::App& app, GlobalOptions& globals);
// `triage`: followers to follow back and follows to drop, each with reasons; a list, never an action.
void AddTriageCommand(CLI::App& app, GlobalOptions& globals);
// `suggest`: whom to follow (circle of trust, SALSA; key accounts' follows), each with why.
void AddSuggestCommand(CLI::App& app, GlobalOptions& globals);
// `publish`: records from files or a Bluesky Jetstream into a NATS JetStream stream (docs/streaming.md).
void AddPublishCommand(CLI::App& app, GlobalOptions& globals);
// `worker`: a durable stream consumer importing into a workspace and publishing live watch windows.
void AddWorkerCommand(CLI::App& app, GlobalOptions& globals);

}  // namespace crowdlens::cli
