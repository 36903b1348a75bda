// crowdlens: the command line. One file per command; this one wires them up.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/command.h"

int main(int argc, char** argv) {
  using namespace crowdlens::cli;
  CLI::App app{"crowdlens: a local-first social audience engine.\n"
               "Import your archives, exports and networks into a workspace, then ask who is in your crowd."};
  app.set_version_flag("--version", "crowdlens 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();
  GlobalOptions globals;
  app.add_option("-w,--workspace", globals.workspace,
                 "Workspace folder (default: $CROWDLENS_WORKSPACE or ./crowdlens-workspace)");

  AddInitCommand(app, globals);
  AddOwnerCommand(app, globals);
  AddImportCommand(app, globals);
  AddStatusCommand(app, globals);
  AddQuarantineCommand(app, globals);
  AddGraphCommand(app, globals);
  AddLocateCommand(app, globals);
  AddSegmentsCommand(app, globals);
  AddAudienceCommand(app, globals);
  AddGraphExportCommand(app, globals);
  AddListenCommand(app, globals);
  AddSentimentCommand(app, globals);
  AddTrendsCommand(app, globals);
  AddWatchCommand(app, globals);
  AddInfluenceCommand(app, globals);
  AddReachCommand(app, globals);
  AddMixCommand(app, globals);
  AddReportCommand(app, globals);
  AddServeCommand(app, globals);
  AddForgetCommand(app, globals);
  AddExportPersonCommand(app, globals);
  AddProspectsCommand(app, globals);
  AddEngageCommand(app, globals);
  AddMatchCommand(app, globals);
  AddEventCommand(app, globals);
  AddTriageCommand(app, globals);
  AddSuggestCommand(app, globals);
  AddPublishCommand(app, globals);
  AddWorkerCommand(app, globals);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  } catch (const std::exception& error) {
    // A last resort: expected failures are Status values handled by each command.
    std::cerr << "crowdlens: internal error: " << error.what() << "\n";
    return kExitError;
  }
  return globals.exit_code;
}
