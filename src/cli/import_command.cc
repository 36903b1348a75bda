// `crowdlens import PATH...`: read files, folders or archives into the workspace.
#include <cmath>
#include <iostream>
#include <map>

#include "cli/command.h"
#include "ingest/format.h"
#include "store/importer.h"

namespace crowdlens::cli {
namespace {

struct ImportArguments {
  std::vector<std::string> paths;
  std::string as_format;
  std::string relation = "follow";
  std::string platform;
  std::string of_handle;
  std::string ids_kind = "followers";
  size_t batch_records = 20000;
};

Result<int64_t> Count(Workspace& workspace, const char* table) {
  return workspace.db().QueryInt(std::string("SELECT count(*) FROM ") + table);
}

int Run(GlobalOptions& globals, const ImportArguments& arguments, const std::string& command_line) {
  ImportOptions options{.paths = arguments.paths, .batch_records = arguments.batch_records, .arguments = command_line};
  if (!arguments.as_format.empty()) {
    std::optional<Format> format = ParseFormat(arguments.as_format);
    if (!format) return Fail(InvalidArgument("--as " + arguments.as_format + " is not a format crowdlens reads"));
    options.forced_format = *format;
  }
  std::optional<Relation> relation = ParseRelation(arguments.relation);
  if (!relation) return Fail(InvalidArgument("--relation must be follow, retweet, mention or reply"));
  options.read.relation = *relation;
  options.read.platform = arguments.platform;
  options.read.ids_owner = arguments.of_handle;
  options.read.ids_kind = arguments.ids_kind == "following" ? IdPageKind::kFollowing : IdPageKind::kFollowers;

  Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, OpenMode::kCreate);
  if (!workspace.ok()) return Fail(workspace.status());
  Workspace& ws = **workspace;

  constexpr const char* kCounted[] = {"accounts", "posts", "follows", "interactions", "post_hashtags", "post_mentions",
                                      "contacts"};
  std::map<std::string, int64_t> before;
  for (const char* table : kCounted) {
    Result<int64_t> rows = Count(ws, table);
    if (!rows.ok()) return Fail(rows.status());
    before[table] = rows.value();
  }

  Result<ImportSummary> summary = Import(ws, options);
  if (!summary.ok()) return Fail(summary.status());

  // Inputs grouped by format, then the ones that need the user's attention.
  struct FormatTotals {
    int64_t inputs = 0, bytes = 0, records = 0, quarantined = 0;
  };
  std::map<std::string, FormatTotals> by_format;
  Table failed{.name = "failed", .title = "Inputs that could not be read", .columns = {"source", "reason"}};
  std::map<std::string, std::pair<int64_t, std::string>> skipped_by_reason;  // reason -> (inputs, first source)
  int64_t skipped = 0;
  for (const ImportedInput& input : summary->inputs) {
    if (input.status == "done") {
      FormatTotals& totals = by_format[input.format];
      ++totals.inputs;
      totals.bytes += static_cast<int64_t>(input.bytes);
      totals.records += static_cast<int64_t>(input.records);
      totals.quarantined += static_cast<int64_t>(input.quarantined);
    } else if (input.status == "skipped") {
      ++skipped;
      auto& [count, example] = skipped_by_reason[input.message];
      if (count++ == 0) example = input.source;
    } else {
      failed.rows.push_back({input.source, input.message});
    }
  }
  Table skipped_table{.name = "skipped", .title = "Inputs skipped (not social records)",
                      .columns = {"reason", "inputs", "example"}};
  for (const auto& [reason, entry] : skipped_by_reason) skipped_table.rows.push_back({reason, entry.first, entry.second});
  Table formats{.name = "inputs", .title = "Imported (run " + std::to_string(summary->run_id) + ")",
                .columns = {"format", "inputs", "bytes", "records", "quarantined"}};
  for (const auto& [format, totals] : by_format) {
    formats.rows.push_back({format, totals.inputs, totals.bytes, totals.records, totals.quarantined});
  }
  Table added{.name = "added", .title = "Workspace rows (before -> after)",
              .columns = {"table", "before", "after", "added"}};
  for (const char* table : kCounted) {
    Result<int64_t> rows = Count(ws, table);
    if (!rows.ok()) return Fail(rows.status());
    added.rows.push_back({std::string(table), before[table], rows.value(), rows.value() - before[table]});
  }
  double rate = summary->seconds > 0 ? (summary->written.posts + summary->written.edges) / summary->seconds : 0;
  Table totals{.name = "run", .title = "", .columns = {"run_id", "seconds", "bytes", "posts_read", "accounts_read",
                                                        "edges_read", "contacts_read", "deletions", "unfollows_found", "quarantined", "failed_inputs", "skipped_inputs",
                                                        "records_per_second"},
               .single_record = true};
  totals.rows.push_back({summary->run_id, std::round(summary->seconds * 1000) / 1000, static_cast<int64_t>(summary->bytes),
                         static_cast<int64_t>(summary->written.posts), static_cast<int64_t>(summary->written.accounts),
                         static_cast<int64_t>(summary->written.edges), static_cast<int64_t>(summary->written.contacts),
                         static_cast<int64_t>(summary->written.deletions), static_cast<int64_t>(summary->written.ended_follows),
                         static_cast<int64_t>(summary->written.quarantined),
                         static_cast<int64_t>(summary->failed_inputs), skipped, static_cast<int64_t>(rate)});
  std::vector<Table> tables = {formats, added, totals};
  if (!skipped_table.rows.empty()) tables.push_back(skipped_table);
  if (!failed.rows.empty()) tables.push_back(failed);
  int code = Print(globals, tables);
  if (summary->written.quarantined > summary->failed_inputs) {
    std::cerr << "crowdlens: " << summary->written.quarantined - summary->failed_inputs
              << " record(s) could not be read and were quarantined; see `crowdlens quarantine`\n";
  }
  if (!summary->adopted_owner.empty()) {
    std::cerr << "crowdlens: the archive names its owner; owner set to " << summary->adopted_owner << "\n";
  }
  if (summary->failed_inputs > 0) {
    size_t shown = 0;
    for (const ImportedInput& input : summary->inputs) {
      if (input.status == "failed" && shown++ < 20) std::cerr << "crowdlens: " << input.message << "\n";
    }
    std::cerr << "crowdlens: " << summary->failed_inputs << " input(s) could not be read; the rest were imported\n";
    return kExitError;
  }
  return code;
}

}  // namespace

void AddImportCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "import", "Import files, folders or zip archives (format sniffed; .gz and .zst read transparently)");
  auto arguments = std::make_shared<ImportArguments>();
  command->add_option("paths", arguments->paths, "Files, folders or .zip archives")->required();
  std::string formats;
  for (const std::string& name : FormatNames()) formats += (formats.empty() ? "" : ", ") + name;
  command->add_option("--as", arguments->as_format, "Force the format: " + formats);
  command->add_option("--relation", arguments->relation, "What edge-list lines mean: follow, retweet, mention, reply")
      ->capture_default_str();
  command->add_option("--platform", arguments->platform,
                      "Platform of edge-list node ids (e.g. twitter); default graph:<file name>");
  command->add_option("--of", arguments->of_handle, "Owner of id pages (followers/ids, friends/ids): HANDLE");
  command->add_option("--ids", arguments->ids_kind, "What id pages list: followers or following")
      ->check(CLI::IsMember({"followers", "following"}))
      ->capture_default_str();
  command->add_option("--batch-size", arguments->batch_records, "Records per transaction")
      ->check(CLI::Range(size_t{1}, size_t{10000000}))
      ->capture_default_str();
  AddOutputOption(*command, globals);
  command->callback([&globals, arguments, &app] {
    std::string command_line = "import";
    for (const std::string& path : arguments->paths) command_line += " " + path;
    (void)app;
    globals.exit_code = Run(globals, *arguments, command_line);
  });
}

}  // namespace crowdlens::cli
