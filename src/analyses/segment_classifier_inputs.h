// What the segment classifiers read of each account, gathered from the
// workspace in one query per table (not one per account): the profile, its
// own posts with their hashtags, mentions and URLs, the lists it is on, the
// example accounts it follows and the address-book contacts that name it.
//
//   Result<std::vector<AccountFacts>> facts = LoadAccountFacts(workspace, {}, {"bbcbreaking"});
//   facts->front().posts.size();
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/workspace.h"
#include "text/role_classifier.h"
#include "text/topic_classifier.h"

namespace crowdlens {

struct AccountFacts {
  int64_t account_key = 0;
  std::string platform;
  std::string handle;
  std::string name;
  std::string bio;
  std::string location;
  std::string url;
  std::string time_zone;
  std::optional<int64_t> followers;
  std::optional<int64_t> following;
  std::optional<int64_t> post_count;
  std::optional<int64_t> created_at;
  std::optional<int64_t> profile_observed_at;  // null: only ids are known (an edge list named it)
  bool verified = false;

  std::vector<text::TopicPost> posts;  // oldest first
  size_t retweets = 0;
  size_t posts_with_url = 0;
  std::vector<std::string> original_texts;  // texts of posts that are not retweets
  std::vector<std::string> list_names;
  std::vector<std::string> followed_examples;  // handles among `example_handles` it follows
  std::vector<text::RoleContact> contacts;     // contacts whose cards name its handle
};

// Facts of the accounts in `account_keys` (every account when empty), in
// account_key order. `example_handles` (lower-case) limits the follows and
// mentions read to those of the topics' example accounts.
Result<std::vector<AccountFacts>> LoadAccountFacts(Workspace& workspace, const std::vector<int64_t>& account_keys,
                                                   const std::vector<std::string>& example_handles);

}  // namespace crowdlens
