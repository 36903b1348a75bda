#include "analyses/suggest.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "analyses/audience_inputs.h"
#include "graph/who_to_follow.h"
#include "store/graph_layers.h"

namespace crowdlens {
namespace {

using graph::NodeId;

// What the rows and the target rule need of an account, read once per account.
struct Profile {
  std::string handle;
  std::string name;
  std::optional<int64_t> followers;
  std::optional<int64_t> following;
  int64_t posts = 0;
};

class ProfileReader {
 public:
  explicit ProfileReader(Database& db) : db_(db) {}

  Result<const Profile*> Read(int64_t account_key) {
    auto cached = profiles_.find(account_key);
    if (cached != profiles_.end()) return &cached->second;
    if (!statement_) {
      Result<Statement> prepared = db_.Prepare(
          "SELECT coalesce(handle, 'id:' || platform_id), coalesce(name, ''), followers_count, following_count, "
          "(SELECT count(*) FROM posts WHERE author_key = ?1) FROM accounts WHERE account_key = ?1");
      if (!prepared.ok()) return prepared.status();
      statement_.emplace(std::move(prepared).value());
    }
    statement_->Reset();
    statement_->Bind(1, account_key);
    Result<bool> row = statement_->Step();
    if (!row.ok()) return row.status();
    Profile profile;
    if (*row) {
      profile.handle = statement_->ColumnText(0);
      profile.name = statement_->ColumnText(1);
      if (!statement_->ColumnIsNull(2)) profile.followers = statement_->ColumnInt(2);
      if (!statement_->ColumnIsNull(3)) profile.following = statement_->ColumnInt(3);
      profile.posts = statement_->ColumnInt(4);
    } else {
      profile.handle = "key:" + std::to_string(account_key);
    }
    return &profiles_.emplace(account_key, std::move(profile)).first->second;
  }

 private:
  Database& db_;
  std::optional<Statement> statement_;
  std::unordered_map<int64_t, Profile> profiles_;
};

// The follow graph's dense id of an account (labels are account keys, ascending).
std::optional<NodeId> NodeOf(const graph::Graph& graph, int64_t account_key) {
  std::span<const uint64_t> labels = graph.labels();
  auto found = std::lower_bound(labels.begin(), labels.end(), static_cast<uint64_t>(account_key));
  if (found == labels.end() || *found != static_cast<uint64_t>(account_key)) return std::nullopt;
  return static_cast<NodeId>(found - labels.begin());
}

std::string Plural(uint64_t count, const std::string& one, const std::string& many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string WithAt(const std::string& handle) { return handle.starts_with("id:") ? handle : "@" + handle; }

// Everything a list needs to turn ranked graph nodes into rows.
struct RowContext {
  const graph::Graph& graph;
  ProfileReader& profiles;
  const AudienceInputs* audience;  // null without a target rule
  const SuggestOptions& options;
};

// Fills a row's account fields and target membership; false when a filter drops it.
Result<bool> FillAccount(RowContext& context, NodeId node, Suggestion& row) {
  if (row.mutual_follows < context.options.min_mutual_follows) return false;
  row.account_key = static_cast<int64_t>(context.graph.labels()[node]);
  Result<const Profile*> profile = context.profiles.Read(row.account_key);
  if (!profile.ok()) return profile.status();
  row.handle = (*profile)->handle;
  row.name = (*profile)->name;
  row.followers = (*profile)->followers;
  if (context.audience != nullptr) {
    auto segments = context.audience->segments.find(row.account_key);
    row.in_target = context.audience->target()->Matches(
        {.segments = segments == context.audience->segments.end() ? nullptr : &segments->second,
         .followers = (*profile)->followers.value_or(0),
         .following = (*profile)->following.value_or(0),
         .posts = (*profile)->posts});
  }
  if (context.options.target_only && !row.in_target.value_or(false)) return false;
  return true;
}

void AddCommonReasons(const Suggestion& row, std::vector<std::string>& reasons) {
  if (row.mutual_follows > 0) {
    reasons.push_back(fmt::format("followed by {} of your follows", row.mutual_follows));
  }
  if (row.in_target.value_or(false)) reasons.push_back("in your target audience");
}

}  // namespace

Result<SuggestAnalysis> AnalyseSuggestions(Workspace& workspace, const SuggestOptions& options) {
  if (options.top == 0) return InvalidArgument("--top must be at least 1");
  if (options.circle_size == 0) return InvalidArgument("--circle must be at least 1");
  if (options.walks == 0) return InvalidArgument("--walks must be at least 1");
  SuggestAnalysis analysis;
  ProfileReader profiles(workspace.db());
  Result<const Profile*> subject = profiles.Read(options.account_key);
  if (!subject.ok()) return subject.status();
  analysis.handle = (*subject)->handle;

  std::optional<AudienceInputs> audience;
  {
    Result<AudienceConfig> audience_config = LoadAudienceConfig(workspace.config_path());
    if (!audience_config.ok()) return audience_config.status();
    if (!audience_config->target.empty()) {
      Result<AudienceInputs> inputs = LoadAudienceInputs(workspace, {});
      if (!inputs.ok()) return inputs.status();
      audience.emplace(std::move(inputs).value());
      analysis.target_configured = audience->target() != nullptr;
      if (analysis.target_configured) analysis.target_rule = audience->target()->text();
    }
  }
  if (options.target_only && !analysis.target_configured) {
    return InvalidArgument("--target keeps only accounts in the target audience, but " + workspace.config_path() +
                           " sets none; add one, e.g. [audience] target = \"country = GB or role = journalist\" "
                           "(see docs/audience.md)");
  }

  Result<graph::Graph> follows = LoadLayer(workspace, Layer::kFollow);
  if (!follows.ok()) return follows.status();
  const graph::Graph& graph = *follows;
  const std::string shown = WithAt(analysis.handle);
  std::optional<NodeId> seed = NodeOf(graph, options.account_key);
  graph::RandomWalkIndex index(graph, /*use_weights=*/false);
  if (!seed || index.out().degree(*seed) == 0) {
    return NotFound(fmt::format("{} follows no one in this workspace, so there is no circle of trust to start from; "
                                "import whom it follows: crowdlens import --of {} --ids following FILE",
                                shown, analysis.handle));
  }
  RowContext context{.graph = graph,
                     .profiles = profiles,
                     .audience = analysis.target_configured ? &*audience : nullptr,
                     .options = options};

  graph::WhoToFollowOptions wtf_options;
  wtf_options.circle.walks = options.walks;
  wtf_options.circle.top = options.circle_size;
  wtf_options.circle.random_seed = options.random_seed;
  Result<graph::WhoToFollowResult> wtf = graph::WhoToFollow(graph, index, *seed, wtf_options);
  if (!wtf.ok()) return wtf.status();
  analysis.follows = wtf->seed_follows;
  analysis.circle_size = static_cast<uint32_t>(wtf->circle.top.size());
  analysis.authorities = wtf->authorities;
  analysis.bipartite_edges = wtf->bipartite_edges;
  analysis.salsa_iterations = wtf->salsa_iterations;
  analysis.salsa_converged = wtf->salsa_converged;
  analysis.interested_candidates = wtf->interested_in.size();
  analysis.similar_candidates = wtf->similar_to.size();

  for (const graph::FollowCandidate& candidate : wtf->interested_in) {
    if (analysis.interested_in.size() == options.top) break;
    Suggestion row{.score = candidate.score,
                   .circle_followers = candidate.circle_followers,
                   .mutual_follows = candidate.mutual_follows};
    Result<bool> kept = FillAccount(context, candidate.node, row);
    if (!kept.ok()) return kept.status();
    if (!*kept) continue;
    row.reasons.push_back(fmt::format("followed by {} of your circle of trust", candidate.circle_followers));
    AddCommonReasons(row, row.reasons);
    analysis.interested_in.push_back(std::move(row));
  }
  for (const graph::SimilarAccount& candidate : wtf->similar_to) {
    if (analysis.similar_to.size() == options.top) break;
    Suggestion row{.score = candidate.score,
                   .circle_rank = candidate.circle_rank,
                   .shared_follows = candidate.shared_follows,
                   .mutual_follows = candidate.mutual_follows};
    Result<bool> kept = FillAccount(context, candidate.node, row);
    if (!kept.ok()) return kept.status();
    if (!*kept) continue;
    row.reasons.push_back(fmt::format("number {} of your circle of trust ({:.1f}% of the walks' visits)",
                                      candidate.circle_rank, 100 * candidate.circle_share));
    if (candidate.shared_follows > 0) {
      row.reasons.push_back("follows " + Plural(candidate.shared_follows, "account you follow", "accounts you follow"));
    }
    AddCommonReasons(row, row.reasons);
    analysis.similar_to.push_back(std::move(row));
  }

  if (options.key_account_keys.empty()) return analysis;
  std::vector<graph::KeyAccount> key_accounts;
  for (int64_t key : options.key_account_keys) {
    Result<const Profile*> profile = profiles.Read(key);
    if (!profile.ok()) return profile.status();
    std::optional<NodeId> node = NodeOf(graph, key);
    if (!node || index.out().degree(*node) == 0) {
      return NotFound(fmt::format("key account {} follows no one in this workspace; import whom it follows: "
                                  "crowdlens import --of {} --ids following FILE",
                                  WithAt((*profile)->handle), (*profile)->handle));
    }
    // The profile's counts when they are known and larger: the crowd holds part of a big account's graph.
    graph::KeyAccount key_account{
        .node = *node,
        .followers = std::max<int64_t>((*profile)->followers.value_or(0), graph.in().degree(*node)),
        .following = std::max<int64_t>((*profile)->following.value_or(0), index.out().degree(*node))};
    key_accounts.push_back(key_account);
    analysis.key_account_handles.push_back((*profile)->handle);
  }
  Result<std::vector<graph::KeyAccountCandidate>> mined =
      graph::MineKeyAccountFollows(index, key_accounts, {.seed = *seed});
  if (!mined.ok()) return mined.status();
  analysis.key_account_candidates = mined->size();
  for (const graph::KeyAccountCandidate& candidate : *mined) {
    if (analysis.from_key_accounts.size() == options.top) break;
    Suggestion row{.score = candidate.score, .mutual_follows = candidate.mutual_follows};
    Result<bool> kept = FillAccount(context, candidate.node, row);
    if (!kept.ok()) return kept.status();
    if (!*kept) continue;
    std::vector<std::string> names;
    for (uint32_t key_index : candidate.followed_by) {
      row.key_accounts.push_back(analysis.key_account_handles[key_index]);
      names.push_back(WithAt(analysis.key_account_handles[key_index]));
    }
    std::string reason = "followed by " + Plural(candidate.followed_by.size(), "key account", "key accounts") + " (" +
                         fmt::format("{}", fmt::join(names, ", ")) + ")";
    row.reasons.push_back(reason);
    const graph::KeyAccount& heaviest = key_accounts[candidate.followed_by.front()];
    row.reasons.push_back(fmt::format("{} follows {} and is followed by {}", names.front(),
                                      Plural(heaviest.following, "account", "accounts"),
                                      Plural(heaviest.followers, "account", "accounts")));
    AddCommonReasons(row, row.reasons);
    analysis.from_key_accounts.push_back(std::move(row));
  }
  return analysis;
}

}  // namespace crowdlens
