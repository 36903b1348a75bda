// Precision and recall of `crowdlens match` on data/sample with the
// hand-built address book tests/fixtures/contacts/sample-matches.csv (made-up
// addresses; names and handles of organisations and newsroom accounts in the
// sample). sample-matches.expected.tsv holds each contact's true account.
// The floors are those documented in docs/match.md; the figures measured are
// printed with the test.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "analyses/contact_match.h"
#include "store/importer.h"
#include "test_data.h"

namespace crowdlens {
namespace {

constexpr double kPrecisionFloor = 0.95;
constexpr double kRecallFloor = 0.90;

std::map<std::string, std::string> ExpectedHandles() {
  std::ifstream in(testing::TestsPath("fixtures/contacts/sample-matches.expected.tsv"));
  std::map<std::string, std::string> expected;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name, handle;
    std::getline(fields, name, '\t');
    std::getline(fields, handle, '\t');
    expected[name] = handle;
  }
  return expected;
}

TEST(ContactMatchSample, PrecisionAndRecallStayAboveTheDocumentedFloors) {
  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(testing::MakeTempDir("match-sample"), OpenMode::kCreate);
  ASSERT_TRUE(opened.ok());
  Workspace& workspace = **opened;
  ASSERT_TRUE(Import(workspace, {.paths = {testing::SamplePath("")}, .show_progress = false}).ok());
  ASSERT_TRUE(Import(workspace, {.paths = {testing::TestsPath("fixtures/contacts/sample-matches.csv")},
                                 .show_progress = false})
                  .ok());
  const std::map<std::string, std::string> expected = ExpectedHandles();
  ASSERT_EQ(expected.size(), 25u);
  Result<ContactMatchResult> result = MatchContacts(workspace, {});
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->contacts, 25);

  int true_positives = 0;
  int false_positives = 0;
  int with_account = 0;
  for (const auto& [name, handle] : expected) {
    if (handle != "-") ++with_account;
  }
  std::string report;
  for (const ContactMatch& match : result->matches) {
    auto truth = expected.find(match.contact_name);
    ASSERT_NE(truth, expected.end()) << match.contact_name;
    const bool right = truth->second == match.handle;
    (right ? true_positives : false_positives) += 1;
    if (!right) report += "wrong: " + match.contact_name + " -> @" + match.handle + "\n";
  }
  for (const UnmatchedContact& contact : result->unmatched) {
    if (expected.at(contact.contact_name) != "-") report += "missed: " + contact.contact_name + "\n";
  }
  const double precision = static_cast<double>(true_positives) / std::max(1, true_positives + false_positives);
  const double recall = static_cast<double>(true_positives) / with_account;
  std::cout << "match on data/sample: " << true_positives << " right, " << false_positives << " wrong, "
            << with_account - true_positives << " of " << with_account << " missed; precision " << precision
            << ", recall " << recall << "\n"
            << report;
  EXPECT_GE(precision, kPrecisionFloor) << report;
  EXPECT_GE(recall, kRecallFloor) << report;
}

}  // namespace
}  // namespace crowdlens
