// Influence: who moves the workspace's crowd. Reads the workspace once
// (analyses/influence_events.h), counts what every account received
// (influence_counts.h), ranks every graph layer (influence_layers.h) and
// scores every account 0..100 (influence_score.h). The weekly, topic and
// activity views start from the same analysis.
//
// docs/influence.md documents every count, the courtesy classifier and the
// score formula.
//
//   Result<InfluenceAnalysis> analysis = AnalyseInfluence(workspace);
//   for (uint32_t account : analysis->ranking) analysis->scores[account].score;
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "analyses/influence_counts.h"
#include "analyses/influence_events.h"
#include "analyses/influence_layers.h"
#include "analyses/influence_score.h"
#include "analyses/rank_agreement.h"
#include "store/workspace.h"

namespace crowdlens {

struct InfluenceAnalysis {
  WorkspaceActivity activity;
  std::vector<InfluenceCounts> counts;  // per directory account, all time
  LayerRanks layers;
  std::vector<InfluenceScore> scores;  // per directory account
  // Every account, best score first (ties: more followers first, then by label).
  std::vector<uint32_t> ranking;

  const AccountDirectory& accounts() const { return activity.accounts; }
};

Result<InfluenceAnalysis> AnalyseInfluence(Workspace& workspace);

// The score's raw values (kScoreComponents order) from counts and layer ranks.
std::array<std::vector<double>, kComponentCount> ComponentValues(const std::vector<InfluenceCounts>& counts,
                                                                 const LayerRanks& layers);

// Orders accounts by score, best first, ties as in InfluenceAnalysis::ranking.
std::vector<uint32_t> RankByScore(const std::vector<InfluenceScore>& scores, const std::vector<InfluenceCounts>& counts,
                                  const AccountDirectory& accounts);

// The four rankings Cha et al. (2010) compare, over the workspace's accounts:
//   followers          known when a profile was seen
//   pagerank           n * PageRank on the follow layer; known for its nodes
//   retweets_received  known for accounts seen themselves (a profile, or a post they sent)
//   mentions_received  substantive; known like retweets_received
std::vector<RankingMeasure> AgreementMeasures(const InfluenceAnalysis& analysis);

}  // namespace crowdlens
