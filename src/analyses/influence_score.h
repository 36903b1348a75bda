// The crowdlens score: one number from 0 to 100 that says how much an
// account moves the workspace's crowd, with the parts it is made of.
//
// Followers are not influence (Cha et al., ICWSM 2010): being retweeted,
// mentioned and replied to, and where attention flows in the graph
// (PageRank, Page et al. 1999), say more. The score combines eight
// components with fixed weights (kScoreComponents). Each component of an
// account with value x > 0 is worth, from 0 to 100,
//     component = 50 * percentile + 50 * log1p(x) / log1p(max x)
// where percentile = average rank of x among the accounts with a value
// above 0, divided by their number (ties share their average rank), and max x
// is the largest value in the workspace. The percentile makes components of
// different units comparable and keeps one outlier from flattening everyone
// else; the log-scaled share keeps magnitude (the percentile alone would put
// 10,000 retweets barely above 50 when they are next in line). An account
// with x = 0 gets 0: no evidence, no points. The score is the weighted mean
// of the components over the components in use (a weekly score has no
// followers or follow graph: they carry no dates), so it is 0..100 too.
//
//   std::array<std::vector<double>, kComponentCount> values = ...;  // values[component][account]
//   std::vector<InfluenceScore> scores = ScorePopulation(values, AllComponents());
//   scores[3].score;                       // 0..100
//   scores[3].components[kAmplification];  // the breakdown
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace crowdlens {

enum ScoreComponent : size_t {
  kFollowers,        // followers count
  kAmplification,    // retweets and quotes received per own post
  kMentions,         // substantive mentions received
  kReplies,          // replies received
  kPageRankFollow,   // PageRank on each layer, as n * rank (1 = the average node);
  kPageRankRetweet,  // 0 for an account no edge of the layer points to
  kPageRankMention,
  kPageRankReply,
  kComponentCount,
};

struct ScoreComponentSpec {
  ScoreComponent component;
  std::string_view name;  // stable snake_case ("amplification")
  double weight;          // the weights sum to 1
};

// The weights: attention received (amplification, mentions, replies) 0.50,
// graph position 0.40, followers 0.10. Followers keep a small share because
// reach is a precondition of influence, not a measure of it (Cha et al. 2010);
// the mention graph outweighs the others a little because a mention is a
// deliberate act of naming (the follow and retweet graphs are one click).
inline constexpr std::array<ScoreComponentSpec, kComponentCount> kScoreComponents = {{
    {kFollowers, "followers", 0.10},
    {kAmplification, "amplification", 0.20},
    {kMentions, "mentions", 0.20},
    {kReplies, "replies", 0.10},
    {kPageRankFollow, "pagerank_follow", 0.10},
    {kPageRankRetweet, "pagerank_retweet", 0.10},
    {kPageRankMention, "pagerank_mention", 0.15},
    {kPageRankReply, "pagerank_reply", 0.05},
}};

using ComponentMask = std::array<bool, kComponentCount>;

// Every component in use (the all-time score).
ComponentMask AllComponents();
// The components a window of time can measure: no followers, no follow graph.
ComponentMask WindowComponents();

struct ComponentScore {
  double value = 0;       // the raw value x
  double percentile = 0;  // 0..100 among accounts with x > 0
  double log_scaled = 0;  // 100 * log1p(x) / log1p(max x)
  double score = 0;       // 0..100: the mean of the two above, 0 when x = 0
  double weight = 0;      // the share of the score (renormalised over the components in use)
  double points = 0;      // weight * score: what the component adds to the total
};

struct InfluenceScore {
  double score = 0;  // 0..100, the sum of the components' points
  std::array<ComponentScore, kComponentCount> components;
};

// Scores every account of a population. values[component] holds one value per
// account (all of the same length); components not in `in_use` add nothing.
std::vector<InfluenceScore> ScorePopulation(const std::array<std::vector<double>, kComponentCount>& values,
                                            const ComponentMask& in_use);

// The percentile term alone: 100 * average rank / count among values > 0; 0 for values <= 0.
std::vector<double> PositivePercentiles(std::span<const double> values);

}  // namespace crowdlens
