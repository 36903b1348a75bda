#include "analyses/influence_topics.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

#include "graph/twitter_rank.h"
#include "store/graph_layers.h"

namespace crowdlens {
namespace {

std::string NormaliseTag(std::string tag) {
  if (!tag.empty() && tag.front() == '#') tag.erase(0, 1);
  for (char& c : tag) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return tag;
}

struct TaggedPost {
  uint32_t author = 0;
  std::vector<std::string> tags;
};

// Every own post (not a retweet) of a follow-graph account that carries a hashtag.
Result<std::vector<TaggedPost>> LoadTaggedPosts(Database& db, const AccountDirectory& accounts,
                                                const std::vector<bool>& in_graph) {
  Result<Statement> query = db.Prepare(
      "SELECT h.post_key, p.author_key, h.tag FROM post_hashtags h JOIN posts p ON p.post_key = h.post_key "
      "WHERE p.retweet_of_id IS NULL ORDER BY h.post_key");
  if (!query.ok()) return query.status();
  std::vector<TaggedPost> posts;
  int64_t current_post = -1;
  while (true) {
    Result<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::optional<uint32_t> author = accounts.IndexOf(query->ColumnInt(1));
    if (!author || !in_graph[*author]) continue;
    if (query->ColumnInt(0) != current_post) {
      current_post = query->ColumnInt(0);
      posts.push_back({.author = *author});
    }
    posts.back().tags.push_back(NormaliseTag(query->ColumnText(2)));
  }
  return posts;
}

std::vector<std::string> ChooseTopics(const TopicRequest& request, const std::vector<TaggedPost>& posts) {
  std::vector<std::string> topics;
  if (!request.tags.empty()) {
    for (const std::string& tag : request.tags) {
      std::string normalised = NormaliseTag(tag);
      if (!normalised.empty() && std::find(topics.begin(), topics.end(), normalised) == topics.end()) {
        topics.push_back(normalised);
      }
    }
    return topics;
  }
  std::map<std::string, int64_t> usage;
  for (const TaggedPost& post : posts) {
    for (const std::string& tag : post.tags) ++usage[tag];
  }
  std::vector<std::pair<std::string, int64_t>> ordered(usage.begin(), usage.end());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& left, const auto& right) { return left.second > right.second; });
  for (size_t index = 0; index < ordered.size() && index < request.topic_count; ++index)
    topics.push_back(ordered[index].first);
  return topics;
}

}  // namespace

Result<std::vector<TopicRanking>> RankTopics(Workspace& workspace, const InfluenceAnalysis& analysis,
                                             const TopicRequest& request, size_t top_n) {
  const AccountDirectory& accounts = analysis.accounts();
  Result<graph::Graph> follows = LoadLayer(workspace, Layer::kFollow);
  if (!follows.ok()) return follows.status();
  const graph::Graph& graph = *follows;
  if (graph.node_count() == 0) {
    return NotFound(
        "the workspace holds no follow edges: TwitterRank walks the follow graph; import follower or "
        "following lists first");
  }
  // The first node of each account carries its posts (a stand-in and its real account are one account).
  std::vector<std::optional<uint32_t>> account_of_node(graph.node_count());
  std::vector<bool> in_graph(accounts.size(), false);
  std::vector<bool> carries_posts(graph.node_count(), false);
  for (graph::NodeId node = 0; node < graph.node_count(); ++node) {
    account_of_node[node] = accounts.IndexOf(static_cast<int64_t>(graph.labels()[node]));
    if (account_of_node[node] && !in_graph[*account_of_node[node]]) {
      in_graph[*account_of_node[node]] = true;
      carries_posts[node] = true;
    }
  }
  Result<std::vector<TaggedPost>> posts = LoadTaggedPosts(workspace.db(), accounts, in_graph);
  if (!posts.ok()) return posts.status();
  std::vector<std::string> topics = ChooseTopics(request, *posts);
  if (topics.empty()) return NotFound("no hashtags among the follow graph's accounts: name topics with --topic '#tag'");

  // Per account: posts on each topic, and posts on any of them.
  const size_t topic_count = topics.size();
  std::vector<int64_t> on_topic(accounts.size() * topic_count, 0);
  std::vector<int64_t> classified(accounts.size(), 0);
  std::vector<TopicRanking> rankings(topic_count);
  for (size_t topic = 0; topic < topic_count; ++topic) rankings[topic].tag = topics[topic];
  for (const TaggedPost& post : *posts) {
    bool any = false;
    for (size_t topic = 0; topic < topic_count; ++topic) {
      if (std::find(post.tags.begin(), post.tags.end(), topics[topic]) == post.tags.end()) continue;
      if (on_topic[post.author * topic_count + topic]++ == 0) ++rankings[topic].accounts_with_posts;
      ++rankings[topic].posts;
      any = true;
    }
    if (any) ++classified[post.author];
  }
  graph::TopicShares shares{.topic_count = topic_count};
  shares.shares.assign(graph.node_count() * topic_count, 0.0);
  shares.post_counts.assign(graph.node_count(), 0.0);
  for (graph::NodeId node = 0; node < graph.node_count(); ++node) {
    if (!carries_posts[node]) continue;
    uint32_t account = *account_of_node[node];
    int64_t tagged = 0;
    for (size_t topic = 0; topic < topic_count; ++topic) tagged += on_topic[account * topic_count + topic];
    if (tagged == 0) continue;
    shares.post_counts[node] = static_cast<double>(classified[account]);
    for (size_t topic = 0; topic < topic_count; ++topic) {
      shares.shares[node * topic_count + topic] =
          static_cast<double>(on_topic[account * topic_count + topic]) / static_cast<double>(tagged);
    }
  }
  std::vector<std::vector<double>> ranks = graph::TwitterRank(graph, shares, InfluencePageRankOptions());
  for (size_t topic = 0; topic < topic_count; ++topic) {
    if (rankings[topic].posts == 0) continue;  // nobody in the graph used the tag: no ranking to show
    std::vector<double> by_account(accounts.size(), 0.0);
    for (graph::NodeId node = 0; node < graph.node_count(); ++node) {
      if (account_of_node[node]) by_account[*account_of_node[node]] += ranks[topic][node];
    }
    std::vector<uint32_t> members;
    for (uint32_t account = 0; account < accounts.size(); ++account) {
      if (in_graph[account]) members.push_back(account);
    }
    std::stable_sort(members.begin(), members.end(), [&](uint32_t left, uint32_t right) {
      if (by_account[left] != by_account[right]) return by_account[left] > by_account[right];
      return on_topic[left * topic_count + topic] > on_topic[right * topic_count + topic];
    });
    members.resize(std::min(members.size(), top_n));
    for (uint32_t account : members) {
      int64_t tagged = 0;
      for (size_t other = 0; other < topic_count; ++other) tagged += on_topic[account * topic_count + other];
      int64_t posts_on_topic = on_topic[account * topic_count + topic];
      rankings[topic].top.push_back(
          {.account = account,
           .rank = by_account[account],
           .relative = static_cast<double>(graph.node_count()) * by_account[account],
           .topic_posts = posts_on_topic,
           .share = tagged > 0 ? static_cast<double>(posts_on_topic) / static_cast<double>(tagged) : 0.0});
    }
  }
  return rankings;
}

}  // namespace crowdlens
