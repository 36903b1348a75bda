// `crowdlens locate`: resolves free-text profile locations to country, region
// and city (text/location.h), one row per input.
//
//   crowdlens locate "Manchester, UK" "Paris, Texas" 🇬🇧
//   crowdlens locate --batch locations.txt -o csv       # one location a line; "-" reads stdin
//   crowdlens locate --time-zone London ""              # nothing in the text: the zone, labelled
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "text/location.h"
#include "text/normalize.h"

namespace crowdlens::cli {
namespace {

struct LocateInput {
  std::string text;
  std::string time_zone;
};

// Reads one location a line; a tab separates an optional time zone ("text<TAB>zone").
Status ReadBatch(const std::string& path, std::vector<LocateInput>& inputs) {
  std::ifstream file;
  std::istream* stream = &std::cin;
  if (path != "-") {
    file.open(path);
    if (!file) return IoError("cannot read " + path + ": give a file with one location a line, or - for stdin");
    stream = &file;
  }
  std::string line;
  while (std::getline(*stream, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      inputs.push_back({.text = line, .time_zone = {}});
    } else {
      inputs.push_back({.text = line.substr(0, tab), .time_zone = line.substr(tab + 1)});
    }
  }
  if (stream->bad()) return IoError("reading " + path + " failed");
  return Status::Ok();
}

Cell OptionalText(const std::string& text) { return text.empty() ? Cell{} : Cell{text}; }

}  // namespace

void AddLocateCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "locate", "Resolve free-text locations (\"Manchester, UK\", \"NYC\", a flag) to country, region and city");
  auto texts = std::make_shared<std::vector<std::string>>();
  auto batch = std::make_shared<std::string>();
  auto time_zone = std::make_shared<std::string>();
  command->add_option("text", *texts, "Location texts, one row each");
  command->add_option("--batch", *batch, "A file with one location a line (optionally TAB and a time zone); - for stdin");
  command->add_option("--time-zone", *time_zone,
                      "A profile time zone (\"London\", \"Eastern Time (US & Canada)\") used when a text names nothing");
  AddOutputOption(*command, globals);
  command->callback([&globals, texts, batch, time_zone] {
    if (texts->empty() && batch->empty()) {
      globals.exit_code = Fail(InvalidArgument("locate needs location texts or --batch FILE (- for stdin)"));
      return;
    }
    std::vector<LocateInput> inputs;
    for (const std::string& text : *texts) inputs.push_back({.text = text, .time_zone = *time_zone});
    if (!batch->empty()) {
      Status read = ReadBatch(*batch, inputs);
      if (!read.ok()) {
        globals.exit_code = Fail(read);
        return;
      }
    }
    Result<text::LocationResolver> resolver = text::LocationResolver::Load();
    if (!resolver.ok()) {
      globals.exit_code = Fail(resolver.status());
      return;
    }
    Table table{.name = "locations", .title = "Locations",
                .columns = {"input", "country", "region", "region_code", "city", "lat", "lon", "confidence",
                            "method", "matched"}};
    for (const LocateInput& input : inputs) {
      text::ResolvedLocation where = resolver->Resolve(input.text, input.time_zone);
      table.rows.push_back({text::ReplaceInvalidUtf8(input.text), OptionalText(where.country),
                            OptionalText(where.region), OptionalText(where.region_code), OptionalText(where.city),
                            where.latitude ? Cell{*where.latitude} : Cell{},
                            where.longitude ? Cell{*where.longitude} : Cell{}, where.confidence,
                            std::string(text::LocationMethodName(where.method)), OptionalText(where.matched)});
    }
    globals.exit_code = Print(globals, {table});
  });
}

}  // namespace crowdlens::cli
