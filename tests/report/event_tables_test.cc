// The event command's report side: the meeting slot rule, the iCalendar
// writer (escaping, folding at 75 octets, CRLF) parsed back by an
// independent unfolder, and option errors that name the fix.
#include "report/event_tables.h"

#include <gtest/gtest.h>

#include <map>

#include "report/ics_calendar.h"
#include "test_data.h"

namespace crowdlens {
namespace {

constexpr int64_t kDayZero = 1615334400;  // 2021-03-10 00:00:00 UTC
constexpr int64_t kDay = 86400;

// RFC 5545 3.1 unfolding: a CRLF followed by one space or tab is removed.
std::vector<std::string> Unfold(const std::string& ics) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < ics.size()) {
    size_t end = ics.find("\r\n", start);
    EXPECT_NE(end, std::string::npos) << "a line without CRLF";
    if (end == std::string::npos) break;
    std::string line = ics.substr(start, end - start);
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      EXPECT_FALSE(lines.empty());
      lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
    start = end + 2;
  }
  return lines;
}

// RFC 5545 3.3.11 unescaping.
std::string Unescape(const std::string& text) {
  std::string plain;
  for (size_t index = 0; index < text.size(); ++index) {
    if (text[index] == '\\' && index + 1 < text.size()) {
      const char next = text[++index];
      plain += next == 'n' || next == 'N' ? '\n' : next;
    } else {
      plain += text[index];
    }
  }
  return plain;
}

TEST(MeetingSlots, SpreadOverTheDaysInWorkingHours) {
  std::vector<int64_t> slots = MeetingSlots(kDayZero, kDayZero + 2 * kDay, 3);
  ASSERT_EQ(slots.size(), 3u);
  EXPECT_EQ(slots[0], kDayZero + 9 * 3600);
  EXPECT_EQ(slots[1], kDayZero + kDay + 9 * 3600);
  EXPECT_EQ(slots[2], kDayZero + 9 * 3600 + 1800);
  // 14 a day (09:00-12:30 and 13:30-17:00): two days hold 28 and no more.
  std::vector<int64_t> all = MeetingSlots(kDayZero, kDayZero + 2 * kDay, 40);
  EXPECT_EQ(all.size(), 28u);
  for (int64_t slot : all) {
    const int64_t minute = (slot - kDayZero) % kDay / 60;
    EXPECT_TRUE((minute >= 9 * 60 && minute + 30 <= 12 * 60 + 30) || (minute >= 13 * 60 + 30 && minute + 30 <= 17 * 60))
        << minute;
  }
  // An event starting at 14:00 on its first day has no morning slot that day.
  std::vector<int64_t> afternoon = MeetingSlots(kDayZero + 14 * 3600, kDayZero + kDay, 2);
  ASSERT_EQ(afternoon.size(), 2u);
  EXPECT_EQ(afternoon[0], kDayZero + 14 * 3600);
}

TEST(Calendar, EscapesTextAndFoldsAt75OctetsWithoutSplittingCharacters) {
  EXPECT_EQ(EscapeCalendarText("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  // 12 + 62 = 74 octets, then "é" (2 octets) straddles the 75th: the cut moves before it.
  const std::string long_line = "DESCRIPTION:" + std::string(62, 'x') + "é" + std::string(80, 'y');
  std::string folded = FoldCalendarLine(long_line);
  std::vector<std::string> physical;
  for (size_t start = 0; start < folded.size();) {
    size_t end = folded.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    physical.push_back(folded.substr(start, end - start));
    start = end + 2;
  }
  for (const std::string& line : physical) EXPECT_LE(line.size(), 75u);
  // 156 octets: 74 on the first line, then a space and 74 ("é" and 72 y's), then a space and 8 y's.
  ASSERT_EQ(physical.size(), 3u);
  EXPECT_EQ(physical[0].size(), 74u);
  EXPECT_EQ(physical[1].size(), 75u);
  EXPECT_EQ(physical[1].substr(0, 3), " é");
  EXPECT_EQ(physical[2], " " + std::string(8, 'y'));
  EXPECT_EQ(Unfold(folded), std::vector<std::string>{long_line});
}

TEST(Calendar, ParsesBackToTheEventsWritten) {
  const std::string description = "Why: posted 3 times, during; journalist, BBC\\News\nline two";
  std::string ics = WriteCalendar({{.uid = "event-1@crowdlens",
                                    .start = kDayZero + 9 * 3600,
                                    .end = kDayZero + 9 * 3600 + 1800,
                                    .summary = "Meet @alice (Alice Ä. Example), speaker, #ccexpo",
                                    .description = description + std::string(200, 'z')}},
                                  kDayZero);
  std::vector<std::string> lines = Unfold(ics);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  std::map<std::string, std::string> fields;
  for (const std::string& line : lines) {
    size_t colon = line.find(':');
    ASSERT_NE(colon, std::string::npos) << line;
    fields[line.substr(0, colon)] = line.substr(colon + 1);
  }
  EXPECT_EQ(fields["VERSION"], "2.0");
  EXPECT_EQ(fields["UID"], "event-1@crowdlens");
  EXPECT_EQ(fields["DTSTAMP"], "20210310T000000Z");
  EXPECT_EQ(fields["DTSTART"], "20210310T090000Z");
  EXPECT_EQ(fields["DTEND"], "20210310T093000Z");
  EXPECT_EQ(Unescape(fields["SUMMARY"]), "Meet @alice (Alice Ä. Example), speaker, #ccexpo");
  EXPECT_EQ(Unescape(fields["DESCRIPTION"]), description + std::string(200, 'z'));
}

TEST(EventTables, OptionErrorsNameTheFix) {
  Result<std::unique_ptr<Workspace>> workspace = Workspace::Open(testing::MakeTempDir("event-tables"), OpenMode::kCreate);
  ASSERT_TRUE(workspace.ok());
  Result<std::vector<Table>> bad_date = EventTables(**workspace, {.tags = {"ccexpo"}, .from = "10 March"});
  ASSERT_FALSE(bad_date.ok());
  EXPECT_NE(bad_date.status().message().find("2015-03-24"), std::string::npos);
  Result<std::vector<Table>> backwards =
      EventTables(**workspace, {.tags = {"ccexpo"}, .from = "2021-03-10", .to = "2021-03-09"});
  ASSERT_FALSE(backwards.ok());
  EXPECT_NE(backwards.status().message().find("--to"), std::string::npos);
}

}  // namespace
}  // namespace crowdlens
