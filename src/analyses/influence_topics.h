// Influence per topic: TwitterRank (Weng, Lim, Jiang and He, WSDM 2010) over
// the workspace's follow graph, one ranking per topic.
//
// Until crowdlens has a text classifier, a topic is a hashtag: the ones asked
// for (`--topic '#tag'`), or the workspace's most used hashtags among the
// accounts of the follow graph (the only accounts TwitterRank can rank).
// An account's share of a topic is the fraction of its topic-tagged posts
// (retweets left out) carrying that tag; a post with two topic tags counts for
// both. Its post count |T_j| is the number of those posts, so the teleport
// vector of a topic is each account's posts on it over all posts on it, as in
// the paper. Posts with none of the topics' tags are unclassified and left out.
//
//   Result<std::vector<TopicRanking>> topics = RankTopics(workspace, analysis, {.topic_count = 5}, 10);
//   topics->front().tag;          // "germanwings"
//   topics->front().top[0].rank;  // the TwitterRank of the topic's first account
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyses/influence.h"
#include "store/workspace.h"

namespace crowdlens {

struct TopicRequest {
  std::vector<std::string> tags;  // "#Tag" or "tag"; empty: the top `topic_count` hashtags
  size_t topic_count = 5;
};

struct TopicAccount {
  uint32_t account = 0;     // directory index
  double rank = 0;          // TwitterRank on the topic (the topic's ranks sum to 1)
  double relative = 0;      // n * rank: 1 is the average node of the follow graph
  int64_t topic_posts = 0;  // the account's posts carrying the tag
  double share = 0;         // its share of the topic among its topic-tagged posts
};

struct TopicRanking {
  std::string tag;    // lower case, without '#'
  int64_t posts = 0;  // posts by follow-graph accounts carrying the tag
  uint32_t accounts_with_posts = 0;
  std::vector<TopicAccount> top;  // best first; empty when no follow-graph account used the tag
};

// Ranks `top_n` accounts per topic. NotFound when the workspace has no follow
// graph or, without requested tags, no hashtags among its accounts.
Result<std::vector<TopicRanking>> RankTopics(Workspace& workspace, const InfluenceAnalysis& analysis,
                                             const TopicRequest& request, size_t top_n);

}  // namespace crowdlens
