// ClassifyAccounts: every account's segments (segments.h) — its topics, roles,
// spam score and location — from the workspace and the config's [topics] and
// [roles] tables, each label with the evidence behind it.
//
// Reads, per account: the profile (name, bio, URL, counts, location, time
// zone), its own posts with their hashtags, URLs and mentions, the names of
// lists it is on, the example accounts it follows and the address-book
// contacts whose cards name its handle. Topics come from TopicClassifier,
// roles from RoleClassifier, the spam score from ScoreSpam (text/), the place
// from LocationResolver. A label is kept when its score reaches the config's
// threshold; "spam" joins the roles when the spam score reaches its own.
//
// Labels are stored (segment_classifier_store.h) so that analyses read them instead of
// recomputing: CurrentAccountSegments classifies only when the stored ones are
// missing, older than the last import or made with another config.
//
//   Result<Config> config = workspace.LoadConfig();
//   Result<std::vector<AccountSegments>> all = ClassifyAccounts(workspace, *config);
//   for (const AccountSegments& account : *all) { account.topics; account.roles; account.spam_score; }
#pragma once

#include <cstdint>
#include <vector>

#include "analyses/segments.h"
#include "core/status.h"
#include "store/config.h"
#include "store/workspace.h"

namespace crowdlens {

struct ClassifyOptions {
  std::vector<int64_t> account_keys;  // empty: every account
  // Keep labels under their threshold too (for `crowdlens segments --all`
  // and evaluation); the audience must not see these.
  bool keep_below_threshold = false;
};

// One AccountSegments per account (those named, or all), in account_key order;
// an account with nothing known has empty labels and location_method "unknown".
Result<std::vector<AccountSegments>> ClassifyAccounts(Workspace& workspace, const Config& config,
                                                      const ClassifyOptions& options = {});

}  // namespace crowdlens
