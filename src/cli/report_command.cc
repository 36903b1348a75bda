// `crowdlens report [HANDLE] [-O FILE.html]`: the owner's crowd at a glance as
// one self-contained HTML file (no script, opens offline, prints cleanly).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "report/html_report.h"

namespace crowdlens::cli {
namespace {

struct ReportArguments {
  std::string handle;
  std::string output_file;  // empty: <workspace>/report.html
};

int RunReport(const GlobalOptions& globals, const ReportArguments& arguments) {
  Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, OpenMode::kExisting);
  if (!workspace.ok()) return Fail(workspace.status());
  Result<std::string> html = HtmlReport(**workspace, {.handle = arguments.handle});
  if (!html.ok()) return Fail(html.status());
  const std::string path = arguments.output_file.empty() ? (*workspace)->dir() + "/report.html" : arguments.output_file;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << *html;
    if (!out) return Fail(IoError("cannot write the report to " + path + "; name another file with -O FILE.html"));
  }
  std::cout << "Report written: " << std::filesystem::absolute(path).lexically_normal().string() << " ("
            << html->size() / 1024 << " KiB; open it in any browser)\n";
  return kExitOk;
}

}  // namespace

void AddReportCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "report", "The crowd at a glance as one self-contained HTML file: audience, reach, influence, mix, trends");
  auto arguments = std::make_shared<ReportArguments>();
  command->add_option("handle", arguments->handle, "Whose crowd (default: the workspace's owner)");
  command->add_option("-O,--output-file", arguments->output_file, "Where to write it (default: WORKSPACE/report.html)");
  command->callback([&globals, arguments] { globals.exit_code = RunReport(globals, *arguments); });
}

}  // namespace crowdlens::cli
