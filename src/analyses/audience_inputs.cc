#include "analyses/audience_inputs.h"

#include "analyses/segment_classifier_store.h"
#include "store/audience_config.h"

namespace crowdlens {

Result<AudienceInputs> LoadAudienceInputs(Workspace& workspace, const AudienceInputOptions& options) {
  AudienceInputs inputs;
  Result<Config> config = workspace.LoadConfig();
  if (!config.ok()) return config.status();
  inputs.config = std::move(*config);
  Result<AudienceConfig> audience_config = LoadAudienceConfig(workspace.config_path());
  if (!audience_config.ok()) return audience_config.status();
  Result<AudienceRules> rules = ParseAudienceRules(*audience_config, workspace.config_path());
  if (!rules.ok()) return rules.status();
  inputs.rules = std::move(*rules);
  Result<std::vector<AccountSegments>> all = CurrentAccountSegments(workspace, inputs.config, options.refresh);
  if (!all.ok()) return all.status();
  for (AccountSegments& account : *all) inputs.segments.emplace(account.account_key, std::move(account));
  return inputs;
}

}  // namespace crowdlens
