// `crowdlens event #germanwings --from 2015-03-24 --to 2015-03-24` on
// data/sample: the posts and accounts before, during and after the crash day
// against tests/expected/scripts/event_phases.py, which reads the PHEME
// JSON files itself.
#include <gtest/gtest.h>

#include <set>

#include "analyses/event.h"
#include "store/importer.h"
#include "test_data.h"

namespace crowdlens {
namespace {

TEST(EventSample, GermanwingsPhasesMatchAnIndependentCount) {
  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(testing::MakeTempDir("event-sample"), OpenMode::kCreate);
  ASSERT_TRUE(opened.ok());
  Workspace& workspace = **opened;
  ASSERT_TRUE(Import(workspace, {.paths = {testing::SamplePath("")}, .show_progress = false}).ok());
  // 2015-03-24 00:00 UTC; the last day is included, so "during" ends a day later.
  Result<EventAnalysis> event =
      AnalyseEvent(workspace, {.tags = {"#germanwings"}, .from = 1427155200, .to = 1427155200 + 86400});
  ASSERT_TRUE(event.ok()) << event.status().message();
  // python3 tests/expected/scripts/event_phases.py data/sample/pheme germanwings 2015-03-24 2015-03-24
  // -> {"before": [0, 0], "during": [556, 500], "after": [455, 430]}
  ASSERT_EQ(event->phases.size(), 3u);
  EXPECT_EQ(event->phases[0].posts, 0);
  EXPECT_EQ(event->phases[0].accounts, 0);
  EXPECT_EQ(event->phases[1].posts, 556);
  EXPECT_EQ(event->phases[1].accounts, 500);
  EXPECT_EQ(event->phases[2].posts, 455);
  EXPECT_EQ(event->phases[2].accounts, 430);
  // Every account that posted appears once (no owner in this workspace).
  std::set<int64_t> keys;
  for (const EventAccount& account : event->accounts) keys.insert(account.account_key);
  EXPECT_EQ(keys.size(), event->accounts.size());
  EXPECT_GE(event->accounts.size(), 500u);
}

}  // namespace
}  // namespace crowdlens
