#include "report/event_tables.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "analyses/event.h"
#include "analyses/event_met.h"
#include "core/time.h"
#include "report/ics_calendar.h"

namespace crowdlens {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kSlot = 30 * 60;

double Round(double value, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(value * scale) / scale;
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : "; ") + part;
  return joined;
}

std::string Day(int64_t at) { return FormatTimestamp(at).substr(0, 10); }
std::string Minute(int64_t at) { return FormatTimestamp(at).substr(0, 16) + "Z"; }

// A bare date names a whole day; `end_of_day` moves it to the next midnight.
Result<int64_t> ParseEventTime(const std::string& text, const char* option, bool end_of_day) {
  std::optional<int64_t> at = ParseTimestamp(text);
  if (!at) {
    return InvalidArgument(std::string(option) + " '" + text + "' is not a date or time; write e.g. 2015-03-24");
  }
  const bool bare_date = text.size() == 10;
  return end_of_day && bare_date ? *at + kDay : *at;
}

Result<std::vector<std::string>> ReadNames(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound("cannot read " + path + "; --met takes a text file with one name per line");
  std::vector<std::string> names;
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    names.push_back(line.substr(start));
  }
  return names;
}

std::string Shown(const EventAccount& account) {
  return account.handle.empty() ? account.name : "@" + account.handle;
}

}  // namespace

std::vector<int64_t> MeetingSlots(int64_t from, int64_t to, size_t count) {
  std::vector<int64_t> day_offsets;  // seconds after midnight of each slot in a day
  for (int64_t start = 9 * 3600; start + kSlot <= 12 * 3600 + 1800; start += kSlot) day_offsets.push_back(start);
  for (int64_t start = 13 * 3600 + 1800; start + kSlot <= 17 * 3600; start += kSlot) day_offsets.push_back(start);
  std::vector<int64_t> days;
  for (int64_t midnight = from - ((from % kDay) + kDay) % kDay; midnight < to; midnight += kDay) days.push_back(midnight);
  std::vector<int64_t> slots;
  for (size_t round = 0; round < day_offsets.size() && slots.size() < count; ++round) {
    for (int64_t midnight : days) {
      const int64_t start = midnight + day_offsets[round];
      if (start < from || start + kSlot > to) continue;
      slots.push_back(start);
      if (slots.size() == count) break;
    }
  }
  return slots;
}

Result<std::vector<Table>> EventTables(Workspace& workspace, const EventRequest& request) {
  Result<int64_t> from = ParseEventTime(request.from, "--from", false);
  if (!from.ok()) return from.status();
  Result<int64_t> to = ParseEventTime(request.to.empty() ? request.from : request.to, "--to", true);
  if (!to.ok()) return to.status();
  if (*to <= *from) return InvalidArgument("--to (" + request.to + ") must not be before --from (" + request.from + ")");
  if (request.before_days < 0 || request.after_days < 0) {
    return InvalidArgument("--before-days and --after-days must be 0 or more");
  }
  Result<EventAnalysis> event = AnalyseEvent(workspace, {.tags = request.tags,
                                                         .from = *from,
                                                         .to = *to,
                                                         .before_seconds = request.before_days * kDay,
                                                         .after_seconds = request.after_days * kDay,
                                                         .owner = request.owner});
  if (!event.ok()) return event.status();

  std::vector<Table> tables;
  Table phases{.name = "phases",
               .title = "Posts with the event's tags before, during and after it (from inclusive, to exclusive)",
               .columns = {"phase", "from", "to", "posts", "accounts"}};
  for (const EventPhaseCount& phase : event->phases) {
    phases.rows.push_back({phase.phase, Minute(phase.from), Minute(phase.to), phase.posts, phase.accounts});
  }
  tables.push_back(std::move(phases));

  Table roles{.name = "roles", .title = "Accounts by role", .columns = {"role", "accounts", "examples"}};
  for (const char* role : kEventRoles) {
    int64_t count = 0;
    std::string examples;
    for (const EventAccount& account : event->accounts) {
      if (account.role != role) continue;
      if (++count <= 3) examples += (examples.empty() ? "" : ", ") + Shown(account);
    }
    roles.rows.push_back({std::string(role), count, examples});
  }
  tables.push_back(std::move(roles));

  const std::vector<std::string> account_columns = {
      "rank",    "handle",        "name",     "role",    "posts_before", "posts_during", "posts_after", "first_post",
      "follows_you", "you_follow", "contact", "score",   "why"};
  auto account_row = [](const EventAccount& account, int64_t rank) -> std::vector<Cell> {
    return {rank, account.handle, account.name, account.role, account.posts_before, account.posts_during,
            account.posts_after, Minute(account.first_post), account.follows_owner, account.followed_by_owner,
            account.contact_name.empty() ? Cell{} : Cell{account.contact_name}, Round(account.score, 2),
            Joined(account.why)};
  };
  Table accounts{.name = "accounts",
                 .title = "Who posted with the tags (" + std::to_string(event->accounts.size()) + " accounts; top " +
                          std::to_string(std::min(request.top, event->accounts.size())) + ")",
                 .columns = account_columns};
  Table crowd{.name = "crowd", .title = "Your crowd and contacts at the event", .columns = account_columns};
  int64_t rank = 0;
  int64_t crowd_rank = 0;
  for (const EventAccount& account : event->accounts) {
    ++rank;
    if (static_cast<size_t>(rank) <= request.top) accounts.rows.push_back(account_row(account, rank));
    if (account.follows_owner || account.followed_by_owner || !account.contact_name.empty()) {
      crowd.rows.push_back(account_row(account, ++crowd_rank));
    }
  }
  tables.push_back(std::move(accounts));
  tables.push_back(std::move(crowd));

  // The shortlist: the best-scored accounts, each with a suggested slot.
  const size_t meetings = std::min(request.meetings, event->accounts.size());
  std::vector<int64_t> slots = MeetingSlots(*from, *to, meetings);
  Table shortlist{.name = "shortlist",
                  .title = "Meeting shortlist, with suggested 30-minute slots (UTC) during the event",
                  .columns = {"rank", "handle", "name", "role", "slot", "score", "why"}};
  std::vector<CalendarEvent> calendar;
  const int64_t now = request.now != 0 ? request.now : NowSeconds();
  std::string tag_list;
  for (const std::string& tag : event->tags) tag_list += (tag_list.empty() ? "#" : " #") + tag;
  for (size_t index = 0; index < meetings; ++index) {
    const EventAccount& account = event->accounts[index];
    const bool has_slot = index < slots.size();
    shortlist.rows.push_back({static_cast<int64_t>(index + 1), account.handle, account.name, account.role,
                              has_slot ? Cell{Minute(slots[index])} : Cell{}, Round(account.score, 2),
                              Joined(account.why) + (has_slot ? "" : "; no free slot left during the event")});
    if (!has_slot) continue;
    calendar.push_back({.uid = "event-" + Day(*from) + "-" + std::to_string(account.account_key) + "@crowdlens",
                        .start = slots[index],
                        .end = slots[index] + kSlot,
                        .summary = "Meet " + Shown(account) + (account.name.empty() ? "" : " (" + account.name + ")") +
                                   ", " + account.role + ", " + tag_list,
                        .description = "Why: " + Joined(account.why),
                        .url = account.platform == "twitter" && !account.handle.empty() ? "https://x.com/" + account.handle : ""});
  }
  tables.push_back(std::move(shortlist));

  if (!request.ics_path.empty()) {
    std::ofstream out(request.ics_path, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("cannot write " + request.ics_path + "; check that its folder exists and is writable");
    out << WriteCalendar(calendar, now);
    if (!out.flush()) return IoError("writing " + request.ics_path + " failed; check free space");
    Table written{.name = "calendar",
                  .title = "Calendar",
                  .columns = {"file", "meetings"},
                  .rows = {{request.ics_path, static_cast<int64_t>(calendar.size())}},
                  .single_record = true};
    tables.push_back(std::move(written));
  }

  if (request.ics_table) {
    tables.push_back(Table{.name = "ics",
                           .title = "iCalendar",
                           .columns = {"text"},
                           .rows = {{WriteCalendar(calendar, now)}},
                           .single_record = true});
  }

  if (!request.met_path.empty()) {
    Result<std::vector<std::string>> names = ReadNames(request.met_path);
    if (!names.ok()) return names.status();
    Result<std::vector<MetPerson>> people = MatchPeopleMet(workspace, *names, *event);
    if (!people.ok()) return people.status();
    std::stable_sort(people->begin(), people->end(), [](const MetPerson& left, const MetPerson& right) {
      return left.confidence > right.confidence;
    });
    Table met{.name = "met",
              .title = "People met, matched to accounts, and whom to follow",
              .columns = {"rank", "handle", "name", "met_name", "at_event", "suggestion", "score", "why"}};
    int64_t met_rank = 0;
    for (const MetPerson& person : *people) {
      const bool found = person.account_key != 0;
      std::string suggestion = !found ? "none" : person.followed_by_owner ? "already followed" : "follow";
      met.rows.push_back({++met_rank, found ? Cell{person.handle} : Cell{}, found ? Cell{person.name} : Cell{},
                          person.met_name, person.at_event, suggestion, found ? Cell{Round(person.confidence, 2)} : Cell{},
                          Joined(person.why)});
    }
    tables.push_back(std::move(met));
  }
  return tables;
}

}  // namespace crowdlens
