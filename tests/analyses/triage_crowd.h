// A hand-built crowd around one owner where each triage rule fires for a
// known account, written through the real BatchWriter; the segments (country,
// topics, roles, spam score) are given by hand rather than classified, so the
// expected lists in triage_test.cc follow from this comment alone.
//
// Owner "owner" (Twitter id 100), topic news; target rule
// "country = GB and topic = news". Day d means kTriageDayZero + d days;
// activity is measured from the owner's newest post, o2 on day 200.
//
// Followers the owner does not follow back:
//   f_good     GB news, spam 0.1; replies to o1 on day 195, mentions owner on day 194
//   f_quiet    GB news, no post
//   f_spam     GB news, spam 0.8, posts on day 200
//   f_offtopic GB vaccines, posts on day 150
//   f_abroad   US news, posts on day 190
//   f_sleeper  GB news, last post on day 10
// Accounts the owner follows:
//   m_mutual     GB news, follows back, retweets o1 on day 199
//   u_dormant    GB news, mentions "@owner" on day 0, written before the owner's account (a stand-in)
//   u_spam       news, spam 0.9, posts on day 180
//   u_celeb      sport, role celebrity, 5,000,000 followers, posts on day 199
//   u_bigoff     no topic, 200,000 followers, no post
//   u_quiet_fan  GB news, no post, one mention edge towards the owner from an edge list
//   u_stale      vaccines, spam 0.6, last post on day 20
// The owner posts o1 on day 100 and o2 on day 200. "stranger" (no follow
// either way) posts on day 400: outside the crowd, it never is the reference.
#pragma once

#include <cstdint>
#include <memory>

#include "analyses/audience.h"
#include "store/workspace.h"

namespace crowdlens::testing {

// 2020-01-01 00:00:00 UTC.
inline constexpr int64_t kTriageDayZero = 1577836800;

struct TriageCrowd {
  std::unique_ptr<Workspace> workspace;
  int64_t owner_key = 0;
  SegmentMap segments;  // by account_key, as listed above
};

TriageCrowd MakeTriageCrowd();

}  // namespace crowdlens::testing
