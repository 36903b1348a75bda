// Builds small workspaces for the reach tests: profiles, posts and follows
// written through the real BatchWriter, then looked up by platform id.
//
//   ReachWorkspace crowd("reach-tiny");
//   crowd.Profile("x", "xavier", {.post_count = 2400, .created_at = t0, .observed_at = t1});
//   crowd.Post("p1", "x", t0 + 3600);
//   crowd.Follow("a", "x", t1);
//   crowd.Write();
//   int64_t key = crowd.Key("x");
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "model/batch.h"
#include "store/workspace.h"

namespace crowdlens::testing {

// What a profile says of an account's activity.
struct ProfileCounts {
  std::optional<int64_t> post_count;
  std::optional<int64_t> created_at;
  int64_t observed_at = 0;
  std::optional<int64_t> following_count;
};

class ReachWorkspace {
 public:
  explicit ReachWorkspace(const std::string& name);

  // An account with a profile (Twitter, id `id`).
  void Profile(const std::string& id, const std::string& handle, const ProfileCounts& counts);
  // A post by `author` at `at`, with the engagement the platform reported.
  void Post(const std::string& id, const std::string& author, int64_t at, std::optional<int64_t> retweets = {},
            std::optional<int64_t> replies = {}, std::optional<int64_t> impressions = {});
  // `follower` follows `followee`, seen at `at`.
  void Follow(const std::string& follower, const std::string& followee, int64_t at);
  // Writes everything added so far in one batch.
  void Write();

  // The account_key of the account with platform id `id`.
  int64_t Key(const std::string& id);
  Workspace& workspace() { return *workspace_; }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  std::unique_ptr<Workspace> workspace_;
  Batch batch_;
};

}  // namespace crowdlens::testing
