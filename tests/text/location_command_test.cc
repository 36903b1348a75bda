// `crowdlens locate` run as a user would: texts, --batch from stdin and from a
// file, output formats, and the exit codes of bad invocations.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "test_data.h"

namespace crowdlens::text {
namespace {

struct CommandRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

CommandRun Shell(const std::string& command) {
  CommandRun run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  while (size_t read = fread(buffer, 1, sizeof buffer, pipe)) run.output.append(buffer, read);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string Binary() { return "'" + testing::CrowdlensBinary() + "'"; }

TEST(LocateCommandTest, TextsPrintOneRowEach) {
  CommandRun run = Shell(Binary() + " locate 'Manchester, UK' 'Paris, Texas' Earth -o csv");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  // RFC 4180 CSV: CRLF line ends.
  EXPECT_EQ(run.output,
            "input,country,region,region_code,city,lat,lon,confidence,method,matched\r\n"
            "\"Manchester, UK\",GB,England,GB-ENG,Manchester,53.4809,-2.23743,0.95,city,manchester + uk\r\n"
            "\"Paris, Texas\",US,Texas,US-TX,Paris,33.6609,-95.5555,0.95,city,paris + texas\r\n"
            "Earth,,,,,,,0,not_a_place,\r\n");
}

TEST(LocateCommandTest, BatchFromStdinWithTimeZones) {
  // Line 2 has no text but a time zone after a tab; line 3 is empty and stays a row.
  CommandRun run = Shell("printf 'NYC\\n\\tLondon\\n\\nUK & Ireland\\n' | " + Binary() + " locate --batch - -o ndjson");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < run.output.size()) {
    size_t end = run.output.find('\n', start);
    lines.push_back(run.output.substr(start, end - start));
    start = end == std::string::npos ? run.output.size() : end + 1;
  }
  ASSERT_EQ(lines.size(), 4u) << run.output;
  EXPECT_NE(lines[0].find("\"city\":\"New York\""), std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find("\"country\":\"GB\""), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find("\"method\":\"time_zone\""), std::string::npos) << lines[1];
  EXPECT_NE(lines[2].find("\"method\":\"empty\""), std::string::npos) << lines[2];
  EXPECT_NE(lines[3].find("\"confidence\":0.45"), std::string::npos) << lines[3];
}

TEST(LocateCommandTest, BatchFromAFile) {
  std::string dir = testing::MakeTempDir("locate");
  testing::WriteFile(dir + "/locations.txt", "Berlin\r\nLDN\r\n");
  CommandRun run = Shell(Binary() + " locate --batch '" + dir + "/locations.txt' -o csv");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("Berlin,DE,Berlin,DE-BE,Berlin,"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("LDN,GB,England,GB-ENG,London,"), std::string::npos) << run.output;
}

TEST(LocateCommandTest, BadInvocationsExplainThemselves) {
  CommandRun nothing = Shell(Binary() + " locate");
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_NE(nothing.output.find("--batch"), std::string::npos) << nothing.output;

  CommandRun missing = Shell(Binary() + " locate --batch /nonexistent/locations.txt");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.output.find("cannot read /nonexistent/locations.txt"), std::string::npos) << missing.output;

  CommandRun bad_format = Shell(Binary() + " locate London -o xml");
  EXPECT_EQ(bad_format.exit_code, 2) << bad_format.output;
}

}  // namespace
}  // namespace crowdlens::text
