// Where an account stands with the owner, for `prospects` and `engage`: its
// influence score, whether it is in the target audience, its roles (spam,
// supplier, competitor among them), whether it follows the owner or the owner
// follows it, and how many of the owner's follows follow it.
//
// Everything is read once into a ProspectContext: the influence analysis
// (analyses/influence.h: the directory of merged accounts, counts, follows,
// scores), the config's target rule and each account's stored segments
// (analyses/audience_inputs.h), and the owner (store/account_lookup.h).
//
//   Result<ProspectContext> context = LoadProspectContext(workspace, "", "prospects");
//   AccountStanding standing = StandingOf(*context, account);
//   standing.in_target; standing.followed_by_owner_follows;
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyses/audience_inputs.h"
#include "analyses/influence.h"
#include "core/status.h"
#include "store/workspace.h"

namespace crowdlens {

struct AccountStanding {
  std::string handle;               // as the directory labels it
  std::string name;
  double influence = 0;             // the crowdlens score, 0..100
  bool in_target = false;           // matches the config's target audience rule
  std::vector<std::string> roles;   // role labels, spam included
  bool is_owner = false;
  bool followed_by_owner = false;   // the owner follows it now
  bool follows_owner = false;       // it follows the owner now
  int64_t followed_by_owner_follows = 0;  // accounts the owner follows that follow it now

  bool HasRole(std::string_view role) const;
};

struct ProspectContext {
  InfluenceAnalysis influence;
  AudienceInputs audience;
  uint32_t owner = 0;                                    // directory index
  std::unordered_set<uint32_t> owner_follows;            // current follows of the owner
  std::unordered_set<uint32_t> owner_followers;          // current followers of the owner
  std::unordered_map<uint32_t, int64_t> second_degree;   // account -> owner's follows that follow it

  const AccountDirectory& accounts() const { return influence.accounts(); }
  bool has_target() const { return audience.target() != nullptr; }
  // The newest post of the workspace (nullopt without posts): where ages are measured from by default.
  std::optional<int64_t> last_post_at() const { return influence.activity.last_post_at; }
};

// Reads the workspace for `owner_handle` (empty: the config's first owner;
// `command` names the command in the message when there is none).
Result<ProspectContext> LoadProspectContext(Workspace& workspace, const std::string& owner_handle,
                                            std::string_view command);

// The directory index of an account key (stand-ins merged); nullopt for an unknown key.
std::optional<uint32_t> AccountOf(const ProspectContext& context, int64_t account_key);

AccountStanding StandingOf(const ProspectContext& context, uint32_t account);

}  // namespace crowdlens
