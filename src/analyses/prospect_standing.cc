#include "analyses/prospect_standing.h"

#include <algorithm>

#include "store/account_lookup.h"

namespace crowdlens {

bool AccountStanding::HasRole(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

Result<ProspectContext> LoadProspectContext(Workspace& workspace, const std::string& owner_handle,
                                            std::string_view command) {
  ProspectContext context;
  Result<AudienceInputs> audience = LoadAudienceInputs(workspace, {});
  if (!audience.ok()) return audience.status();
  context.audience = std::move(*audience);
  Result<int64_t> owner_key = AccountOrOwner(workspace.db(), context.audience.config, owner_handle, command);
  if (!owner_key.ok()) return owner_key.status();
  Result<InfluenceAnalysis> influence = AnalyseInfluence(workspace);
  if (!influence.ok()) return influence.status();
  context.influence = std::move(*influence);
  std::optional<uint32_t> owner = context.accounts().IndexOf(*owner_key);
  if (!owner) return NotFound("the owner's account is not in the workspace; import its data or set another owner");
  context.owner = *owner;

  const std::vector<FollowRecord>& follows = context.influence.activity.follows;
  for (const FollowRecord& follow : follows) {
    if (!follow.current) continue;
    if (follow.follower == context.owner) context.owner_follows.insert(follow.followee);
    if (follow.followee == context.owner) context.owner_followers.insert(follow.follower);
  }
  for (const FollowRecord& follow : follows) {
    if (follow.current && follow.followee != context.owner && context.owner_follows.count(follow.follower)) {
      ++context.second_degree[follow.followee];
    }
  }
  return context;
}

std::optional<uint32_t> AccountOf(const ProspectContext& context, int64_t account_key) {
  return context.accounts().IndexOf(account_key);
}

AccountStanding StandingOf(const ProspectContext& context, uint32_t account) {
  const DirectoryAccount& entry = context.accounts().account(account);
  AccountStanding standing{.handle = context.accounts().Label(account),
                           .name = entry.name,
                           .influence = context.influence.scores[account].score,
                           .is_owner = account == context.owner,
                           .followed_by_owner = context.owner_follows.count(account) > 0,
                           .follows_owner = context.owner_followers.count(account) > 0};
  if (auto second = context.second_degree.find(account); second != context.second_degree.end()) {
    standing.followed_by_owner_follows = second->second;
  }
  const AccountSegments* segments = nullptr;
  if (auto found = context.audience.segments.find(entry.account_key); found != context.audience.segments.end()) {
    segments = &found->second;
    for (const SegmentLabel& role : segments->roles) standing.roles.push_back(role.name);
  }
  if (const AudienceRule* target = context.audience.target()) {
    const InfluenceCounts& counts = context.influence.counts[account];
    standing.in_target = target->Matches(
        {.segments = segments, .followers = counts.followers, .following = counts.following, .posts = counts.posts});
  }
  return standing;
}

}  // namespace crowdlens
