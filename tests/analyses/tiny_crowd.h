// A hand-built crowd of five accounts, written through the real BatchWriter,
// small enough that every influence count, PageRank and score can be
// computed by hand (the computations are in influence_workspace_test.cc).
//
// Accounts (Twitter ids 1..5): alice (1000 followers / 10 following), bob
// (50 / 100), carol (200 / 20), dave (10 / 10) and erin (no profile).
// Week 1 starts Monday 2021-03-01 00:00 UTC (kTinyWeekOne); times are offsets.
//   p1  alice  +1h   "Our launch is today https://example.com/launch"  (platform: 5 retweets)
//   p2  alice  +2h   "Second thoughts on the launch"
//   p3  bob    +3h   retweets p1
//   p4  carol  +4h   retweets p1
//   p5  dave   +5h   retweets p2
//   p6  carol  +6h   "@alice what went wrong with the launch?"
//   p7  bob    +7h   replies to p1: "@alice congrats on the launch"
//   p8  dave   +8h   "Thanks for the follow @carol!"
//   p9  erin   +9h   "#FF @alice @bob @carol"
//   p10 carol  +10h  quotes p2: "This is the real story"
//   p11 dave   +11h  "@bob your analysis of the launch was spot on"
//   p12 erin   +12h  replies to p6: "@carol @alice I think the servers failed"
//   p16 erin   +13h  "@alice the launch video is great"
// Week 2 (+7 days):
//   p13 alice  +8d         "Launch postmortem"
//   p14 bob    +8d 1h      retweets p13
//   p15 carol  +8d 2h      "@alice thanks for the postmortem, very clear and useful for our team"
//   p17 dave   +8d 3h      replies to p13: "@alice how long until the fix?"
// Follows seen at kTinyWeekOne: bob, carol, dave -> alice; dave, erin -> carol.
// Seen later, at +9d: erin -> alice.
#pragma once

#include <cstdint>
#include <memory>

#include "store/workspace.h"

namespace crowdlens::testing {

// Monday 2021-03-01 00:00:00 UTC.
inline constexpr int64_t kTinyWeekOne = 1614556800;
inline constexpr int64_t kHour = 3600;
inline constexpr int64_t kDay = 86400;

// A fresh workspace holding the crowd above.
std::unique_ptr<Workspace> MakeTinyCrowd();

}  // namespace crowdlens::testing
