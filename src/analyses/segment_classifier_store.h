// Computed segments kept in the workspace (table account_labels, schema
// migration 3), so that `crowdlens audience` and other analyses read labels
// instead of recomputing them, and `crowdlens segments --refresh` recomputes.
//
// Stored labels are current when the last label run used the same config
// (SegmentConfigDigest) and no import has started since (import run ids, not
// clocks, decide: an import in the same second is still seen). Labels computed
// while an import was running are never current. Each row is one label:
// kind topic/role with its evidence one line per piece; kind 'spam' with the
// spam score and its reasons; kind 'location' named by the country code, its
// evidence the method, region and city on three lines.
//
//   Result<std::vector<AccountSegments>> segments = CurrentAccountSegments(workspace, *config);
//   // classifies and stores on the first call; reads the stored labels afterwards
#pragma once

#include <cstdint>
#include <vector>

#include "analyses/segments.h"
#include "core/status.h"
#include "store/config.h"
#include "store/workspace.h"

namespace crowdlens {

// What a label run records beside the labels.
struct LabelRun {
  int64_t computed_at = 0;  // Unix seconds
  std::string config_digest;
  int64_t last_import_run = 0;  // LastImportRun when classifying began
};

// The id of the newest import run (0 when none), or -1 while one is running.
Result<int64_t> LastImportRun(Workspace& workspace);

// Replaces every stored label with those of `segments` and records `run`.
Status SaveAccountSegments(Workspace& workspace, const std::vector<AccountSegments>& segments, const LabelRun& run);

// The stored segments of accounts with any stored label, in account_key
// order (only those in `account_keys` when it is not empty).
Result<std::vector<AccountSegments>> LoadAccountSegments(Workspace& workspace,
                                                         const std::vector<int64_t>& account_keys = {});

// True when labels are stored, were computed with `config_digest`, no import
// was running then and none has started since.
Result<bool> StoredSegmentsAreCurrent(Workspace& workspace, const std::string& config_digest);

// The stored segments when current (and `refresh` is false); otherwise
// classifies every account, stores the result and returns it.
Result<std::vector<AccountSegments>> CurrentAccountSegments(Workspace& workspace, const Config& config,
                                                            bool refresh = false);

}  // namespace crowdlens
