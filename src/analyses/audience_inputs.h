// What every analysis of an owner's crowd starts from: the config, the target
// audience and named segment rules, and each account's segments (stored
// labels, or classified afresh when stale). `audience`, `reach` and the
// crowd network all read them the same way.
//
//   Result<AudienceInputs> inputs = LoadAudienceInputs(workspace, {.refresh = false});
//   AnalyseAudience(workspace, {.account_key = owner}, inputs->segments, inputs->target());
#pragma once

#include "analyses/audience.h"
#include "analyses/audience_rules.h"
#include "core/status.h"
#include "store/config.h"
#include "store/workspace.h"

namespace crowdlens {

struct AudienceInputs {
  Config config;
  AudienceRules rules;
  SegmentMap segments;  // by account_key; only accounts with a segment known

  const AudienceRule* target() const { return rules.target ? &*rules.target : nullptr; }
};

struct AudienceInputOptions {
  bool refresh = false;  // classify every account again instead of reading stored labels
};

Result<AudienceInputs> LoadAudienceInputs(Workspace& workspace, const AudienceInputOptions& options);

}  // namespace crowdlens
