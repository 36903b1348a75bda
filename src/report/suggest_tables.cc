#include "report/suggest_tables.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

#include "analyses/suggest.h"
#include "store/account_lookup.h"

namespace crowdlens {
namespace {

Cell Score(double value) { return std::round(value * 1e6) / 1e6; }

Cell OptionalCount(const std::optional<int64_t>& value) { return value ? Cell{*value} : Cell{}; }

Cell OptionalFlag(const std::optional<bool>& value) { return value ? Cell{*value} : Cell{}; }

std::string Why(const Suggestion& row) { return fmt::format("{}", fmt::join(row.reasons, "; ")); }

Table SummaryTable(const SuggestAnalysis& analysis) {
  Table table{.name = "suggest_summary",
              .title = "Who to follow for @" + analysis.handle + " (WTF: circle of trust, then SALSA)",
              .columns = {"account", "follows", "circle_of_trust", "accounts_circle_follows", "bipartite_edges",
                          "salsa_iterations", "target_rule"},
              .single_record = true};
  table.rows.push_back({analysis.handle, int64_t{analysis.follows}, int64_t{analysis.circle_size},
                        int64_t{analysis.authorities}, static_cast<int64_t>(analysis.bipartite_edges),
                        int64_t{analysis.salsa_iterations},
                        analysis.target_configured ? Cell{analysis.target_rule} : Cell{}});
  return table;
}

Table InterestedTable(const SuggestAnalysis& analysis) {
  Table table{.name = "interested_in",
              .title = fmt::format("Interested in: whom your circle of trust follows ({} of {} candidates)",
                                   analysis.interested_in.size(), analysis.interested_candidates),
              .columns = {"rank", "handle", "name", "followers", "circle_followers", "mutual_follows", "in_target",
                          "score", "why"}};
  int64_t rank = 0;
  for (const Suggestion& row : analysis.interested_in) {
    table.rows.push_back({++rank, row.handle, row.name, OptionalCount(row.followers), int64_t{row.circle_followers},
                          int64_t{row.mutual_follows}, OptionalFlag(row.in_target), Score(row.score), Why(row)});
  }
  return table;
}

Table SimilarTable(const SuggestAnalysis& analysis) {
  Table table{.name = "similar_to",
              .title = fmt::format("Similar to you: members of your circle of trust you do not follow ({} of {})",
                                   analysis.similar_to.size(), analysis.similar_candidates),
              .columns = {"rank", "handle", "name", "followers", "circle_rank", "shared_follows", "mutual_follows",
                          "in_target", "score", "why"}};
  int64_t rank = 0;
  for (const Suggestion& row : analysis.similar_to) {
    table.rows.push_back({++rank, row.handle, row.name, OptionalCount(row.followers), int64_t{row.circle_rank},
                          int64_t{row.shared_follows}, int64_t{row.mutual_follows}, OptionalFlag(row.in_target),
                          Score(row.score), Why(row)});
  }
  return table;
}

Table KeyAccountsTable(const SuggestAnalysis& analysis) {
  Table table{.name = "from_key_accounts",
              .title = fmt::format("Followed by your key accounts ({}): {} of {} candidates",
                                   fmt::join(analysis.key_account_handles, ", "), analysis.from_key_accounts.size(),
                                   analysis.key_account_candidates),
              .columns = {"rank", "handle", "name", "followers", "key_accounts", "followed_by", "mutual_follows",
                          "in_target", "score", "why"}};
  int64_t rank = 0;
  for (const Suggestion& row : analysis.from_key_accounts) {
    table.rows.push_back({++rank, row.handle, row.name, OptionalCount(row.followers),
                          static_cast<int64_t>(row.key_accounts.size()), fmt::format("{}", fmt::join(row.key_accounts, " ")),
                          int64_t{row.mutual_follows}, OptionalFlag(row.in_target), Score(row.score), Why(row)});
  }
  return table;
}

}  // namespace

Result<std::vector<Table>> SuggestTables(Workspace& workspace, const SuggestRequest& request) {
  Result<Config> config = workspace.LoadConfig();
  if (!config.ok()) return config.status();
  Result<int64_t> account = AccountOrOwner(workspace.db(), *config, request.handle, "suggest");
  if (!account.ok()) return account.status();
  SuggestOptions options{.account_key = *account,
                         .top = request.top,
                         .circle_size = request.circle,
                         .walks = request.walks,
                         .target_only = request.target,
                         .min_mutual_follows = request.min_mutual};
  for (const std::string& handle : request.from) {
    Result<int64_t> key = FindAccountKey(workspace.db(), handle);
    if (!key.ok()) return key.status();
    options.key_account_keys.push_back(*key);
  }
  Result<SuggestAnalysis> analysis = AnalyseSuggestions(workspace, options);
  if (!analysis.ok()) return analysis.status();
  std::vector<Table> tables = {SummaryTable(*analysis), InterestedTable(*analysis), SimilarTable(*analysis)};
  if (!request.from.empty()) tables.push_back(KeyAccountsTable(*analysis));
  return tables;
}

}  // namespace crowdlens
