#include "report/ics_calendar.h"

#include "core/time.h"

namespace crowdlens {

std::string EscapeCalendarText(std::string_view text) {
  std::string escaped;
  for (size_t index = 0; index < text.size(); ++index) {
    const char c = text[index];
    if (c == '\\' || c == ';' || c == ',') {
      escaped += '\\';
      escaped += c;
    } else if (c == '\r') {
      if (index + 1 < text.size() && text[index + 1] == '\n') ++index;
      escaped += "\\n";
    } else if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string FoldCalendarLine(std::string_view line) {
  constexpr size_t kMaxOctets = 75;
  std::string folded;
  size_t start = 0;
  size_t limit = kMaxOctets;  // the first line has 75 octets; later ones a space and 74
  while (line.size() - start > limit) {
    size_t cut = start + limit;
    // Never split a UTF-8 sequence: back up over continuation bytes.
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    folded.append(line.substr(start, cut - start));
    folded += "\r\n ";
    start = cut;
    limit = kMaxOctets - 1;
  }
  folded.append(line.substr(start));
  folded += "\r\n";
  return folded;
}

std::string CalendarTime(int64_t unix_seconds) {
  const std::string iso = FormatTimestamp(unix_seconds);  // 2015-03-24T09:00:00Z
  std::string compact;
  for (char c : iso) {
    if (c != '-' && c != ':') compact += c;
  }
  return compact;
}

std::string WriteCalendar(const std::vector<CalendarEvent>& events, int64_t stamp) {
  std::string out;
  out += FoldCalendarLine("BEGIN:VCALENDAR");
  out += FoldCalendarLine("VERSION:2.0");
  out += FoldCalendarLine("PRODID:-//crowdlens//event meetings//EN");
  out += FoldCalendarLine("CALSCALE:GREGORIAN");
  out += FoldCalendarLine("METHOD:PUBLISH");
  for (const CalendarEvent& event : events) {
    out += FoldCalendarLine("BEGIN:VEVENT");
    out += FoldCalendarLine("UID:" + event.uid);
    out += FoldCalendarLine("DTSTAMP:" + CalendarTime(stamp));
    out += FoldCalendarLine("DTSTART:" + CalendarTime(event.start));
    out += FoldCalendarLine("DTEND:" + CalendarTime(event.end));
    out += FoldCalendarLine("SUMMARY:" + EscapeCalendarText(event.summary));
    if (!event.description.empty()) out += FoldCalendarLine("DESCRIPTION:" + EscapeCalendarText(event.description));
    if (!event.location.empty()) out += FoldCalendarLine("LOCATION:" + EscapeCalendarText(event.location));
    if (!event.url.empty()) out += FoldCalendarLine("URL:" + event.url);
    out += FoldCalendarLine("TRANSP:OPAQUE");
    out += FoldCalendarLine("END:VEVENT");
  }
  out += FoldCalendarLine("END:VCALENDAR");
  return out;
}

}  // namespace crowdlens
