// Whom an account should follow, in the workspace: the WTF pipeline
// (graph/who_to_follow.h: circle of trust by Monte-Carlo personalised
// PageRank, then personalised SALSA over circle -> whom it follows) on the
// crowd's follow graph, with each suggestion's account, its place in the
// target audience and the reasons it is listed; optionally whom named key
// accounts follow, weighted by how selective each is. docs/suggest.md has
// every rule and default.
//
//   Result<SuggestAnalysis> suggestions = AnalyseSuggestions(workspace, {.account_key = owner, .top = 20});
//   for (const Suggestion& row : suggestions->interested_in) use(row.handle, row.reasons);
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/workspace.h"

namespace crowdlens {

struct SuggestOptions {
  int64_t account_key = 0;                 // whom the suggestions are for
  size_t top = 20;                         // rows per list
  size_t circle_size = 500;                // members of the circle of trust (WTF: 500)
  uint64_t walks = 20000;                  // Monte-Carlo walks from the account
  uint64_t random_seed = 1;                // the same seed gives the same walks
  bool target_only = false;                // keep only accounts in the target audience (needs a target rule)
  uint32_t min_mutual_follows = 0;         // keep only accounts followed by at least this many of the account's follows
  std::vector<int64_t> key_account_keys;   // --from: mine these accounts' follows
};

// One suggested account with the figures its list ranks it by and why it is there.
struct Suggestion {
  int64_t account_key = 0;
  std::string handle;  // "id:<platform id>" when no handle is known
  std::string name;
  std::optional<int64_t> followers;  // as the profile states it
  double score = 0;
  uint32_t circle_followers = 0;     // interested_in: members of the circle who follow it
  uint32_t circle_rank = 0;          // similar_to: its place in the circle (1: most visited)
  uint32_t shared_follows = 0;       // similar_to: accounts both it and the account follow
  uint32_t mutual_follows = 0;       // accounts the account follows who follow it
  std::vector<std::string> key_accounts;  // from_key_accounts: handles of the key accounts following it
  std::optional<bool> in_target;     // empty without a target audience rule
  std::vector<std::string> reasons;
};

struct SuggestAnalysis {
  std::string handle;             // whom the suggestions are for
  uint32_t follows = 0;           // accounts it follows in the follow graph
  uint32_t circle_size = 0;       // members of its circle of trust
  uint32_t authorities = 0;       // accounts the circle follows
  uint64_t bipartite_edges = 0;
  int salsa_iterations = 0;
  bool salsa_converged = false;
  bool target_configured = false;
  std::string target_rule;
  size_t interested_candidates = 0;  // before the filters and the cut to `top`
  size_t similar_candidates = 0;
  size_t key_account_candidates = 0;
  std::vector<Suggestion> interested_in;
  std::vector<Suggestion> similar_to;
  std::vector<Suggestion> from_key_accounts;
  std::vector<std::string> key_account_handles;
};

// kNotFound when the account (or a key account) has no follows in the
// workspace, naming the import that fixes it; kInvalidArgument for
// target_only without a target audience in crowdlens.toml.
Result<SuggestAnalysis> AnalyseSuggestions(Workspace& workspace, const SuggestOptions& options);

}  // namespace crowdlens
