// `crowdlens export-person HANDLE|EMAIL [--platform P] [-O FILE]`: everything
// the workspace holds about one account or address-book contact, as one JSON
// document (store/person_data.h lists the sections). Times are Unix seconds.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "core/time.h"
#include "store/person_data.h"
#include "store/person_lookup.h"

namespace crowdlens::cli {
namespace {

struct ExportPersonArguments {
  std::string reference;
  std::string platform;
  std::string output_path;
};

// ordered_json keeps the document in the order written: who, then what.
nlohmann::ordered_json ToJson(const StoredValue& value) {
  if (const auto* integer = std::get_if<int64_t>(&value)) return *integer;
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  return nullptr;
}

nlohmann::ordered_json PersonDocument(const ExportPersonArguments& arguments, const Person& person,
                                      const PersonData& data) {
  nlohmann::ordered_json document = {
      {"kind", PersonKindName(person.kind)},
      {"reference", arguments.reference},
      {"exported_at", FormatTimestamp(NowSeconds())},
      {"notes", data.notes},
  };
  for (const RecordSet& section : data.sections) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const std::vector<StoredValue>& row : section.rows) {
      nlohmann::ordered_json object = nlohmann::ordered_json::object();
      for (size_t column = 0; column < section.columns.size(); ++column) {
        object[section.columns[column]] = ToJson(row[column]);
      }
      rows.push_back(std::move(object));
    }
    document[section.name] = std::move(rows);
  }
  return document;
}

// Writes beside the target, then renames: a reader never sees half a document.
Status WriteDocument(const std::string& path, const std::string& text) {
  std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.good()) return IoError("cannot write " + partial + "; check the folder exists and is writable");
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) return IoError("cannot rename " + partial + " to " + path + ": " + error.message());
  return Status::Ok();
}

int RunExportPerson(GlobalOptions& globals, const ExportPersonArguments& arguments) {
  Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, OpenMode::kExisting);
  if (!workspace.ok()) return Fail(workspace.status());
  Result<Person> person = FindPerson((*workspace)->db(), arguments.reference, arguments.platform);
  if (!person.ok()) return Fail(person.status());
  Result<PersonData> data = CollectPersonData((*workspace)->db(), *person);
  if (!data.ok()) return Fail(data.status());
  // Non-ASCII text is kept as it is; invalid UTF-8 in old data is replaced, not fatal.
  std::string text =
      PersonDocument(arguments, *person, *data).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
      "\n";
  if (arguments.output_path.empty() || arguments.output_path == "-") {
    std::cout << text;
    return kExitOk;
  }
  if (Status written = WriteDocument(arguments.output_path, text); !written.ok()) return Fail(written);
  Table written{
      .name = "sections", .title = "Wrote " + arguments.output_path, .columns = {"section", "rows"}, .rows = {}};
  for (const RecordSet& section : data->sections) {
    written.rows.push_back({section.name, static_cast<int64_t>(section.rows.size())});
  }
  return Print(globals, {written});
}

}  // namespace

void AddExportPersonCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "export-person", "Everything held about one account (HANDLE) or contact (EMAIL), as one JSON document");
  auto arguments = std::make_shared<ExportPersonArguments>();
  command->add_option("person", arguments->reference, "HANDLE (@alice, bluesky:alice.bsky.social) or EMAIL")
      ->required();
  command->add_option("--platform", arguments->platform,
                      "Platform of HANDLE (twitter, bluesky, mastodon); makes user@server a handle");
  command->add_option("-O,--output-file", arguments->output_path, "Write the document to FILE (default: stdout)");
  // -o formats the summary printed after -O FILE; the document itself is always JSON.
  AddOutputOption(*command, globals);
  command->callback([&globals, arguments] { globals.exit_code = RunExportPerson(globals, *arguments); });
}

}  // namespace crowdlens::cli
