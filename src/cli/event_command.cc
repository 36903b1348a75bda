// `crowdlens event HASHTAG... --from DATE --to DATE`: who posted with the
// event's tags before, during and after it, their roles, who of the owner's
// crowd and contacts was there, and a ranked meeting shortlist; `--ics FILE`
// writes the meetings as an iCalendar file, `--met FILE` matches the people
// met to accounts. docs/event.md.
#include "cli/command.h"
#include "report/event_tables.h"

namespace crowdlens::cli {

void AddEventCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "event",
      "Who was at an event: accounts posting with its hashtags before, during and after it, their roles,\n"
      "your crowd and contacts among them, and a meeting shortlist (--ics FILE: an iCalendar file)");
  auto request = std::make_shared<EventRequest>();
  command->add_option("hashtags", request->tags, "The event's hashtags ('#ccexpo' or ccexpo)")->required();
  command->add_option("--from", request->from, "The event's first day (2015-03-24) or start time")->required();
  command->add_option("--to", request->to, "The event's last day, included (or an end time); default: --from");
  command->add_option("--before-days", request->before_days, "Days before --from that count as 'before'")
      ->capture_default_str();
  command->add_option("--after-days", request->after_days, "Days after --to that count as 'after'")
      ->capture_default_str();
  command->add_option("--owner", request->owner, "Whose crowd (default: the workspace's owner)");
  command->add_option("--top", request->top, "Accounts listed")->capture_default_str();
  command->add_option("--meetings", request->meetings, "Meetings on the shortlist")->capture_default_str();
  command->add_option("--ics", request->ics_path, "Write the shortlist's meetings as an iCalendar (.ics) file");
  command->add_option("--met", request->met_path, "A text file of names met at the event, one per line");
  AddOutputOption(*command, globals);
  command->callback([&globals, request] {
    globals.exit_code = RunAndPrint(globals, OpenMode::kExisting, [&](Workspace& workspace) {
      return EventTables(workspace, *request);
    });
  });
}

}  // namespace crowdlens::cli
