#include "report/segments_tables.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "analyses/segment_classifier.h"
#include "analyses/segment_classifier_store.h"
#include "store/account_lookup.h"

namespace crowdlens {
namespace {

// What the tables show of an account besides its labels.
struct AccountLine {
  std::string handle;
  std::string name;
  std::optional<int64_t> followers;
};

double Rounded(double score) { return std::round(score * 1000) / 1000; }

std::string JoinEvidence(const std::vector<std::string>& evidence) {
  std::string joined;
  for (const std::string& piece : evidence) joined += (joined.empty() ? "" : "; ") + piece;
  return joined;
}

Result<std::unordered_map<int64_t, AccountLine>> ReadAccountLines(Workspace& workspace) {
  Result<Statement> query = workspace.db().Prepare("SELECT account_key, handle, name, followers_count FROM accounts");
  if (!query.ok()) return query.status();
  std::unordered_map<int64_t, AccountLine> lines;
  while (true) {
    Result<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    // Accounts from some exports (tweet CSVs) have a name but no handle: show the name.
    std::string handle = query->ColumnText(1);
    std::string name = query->ColumnText(2);
    AccountLine line{.handle = handle.empty() ? "(" + name + ")" : handle, .name = name, .followers = std::nullopt};
    if (!query->ColumnIsNull(3)) line.followers = query->ColumnInt(3);
    lines.emplace(query->ColumnInt(0), std::move(line));
  }
  return lines;
}

// The account keys of `handles` (as FindAccountKey reads them: any case, a
// platform prefix, a former handle); an unknown handle is NotFound.
Result<std::vector<int64_t>> FindAccounts(Workspace& workspace, const std::vector<std::string>& handles) {
  std::vector<int64_t> keys;
  for (const std::string& handle : handles) {
    Result<int64_t> key = FindAccountKey(workspace.db(), handle);
    if (!key.ok()) return key.status();
    keys.push_back(*key);
  }
  return keys;
}

bool HasLabel(const std::vector<SegmentLabel>& labels, const std::string& name) {
  return std::any_of(labels.begin(), labels.end(), [&](const SegmentLabel& label) { return label.name == name; });
}

std::string LocationText(const AccountSegments& account) {
  if (account.country.empty()) return "";
  std::string text = account.country;
  if (!account.region.empty()) text += ", " + account.region;
  if (!account.city.empty()) text += ", " + account.city;
  return text + " (" + account.location_method + ")";
}

void AddLabelRows(const AccountSegments& account, const AccountLine& line, Table& labels) {
  auto add = [&](const char* kind, const SegmentLabel& label) {
    labels.rows.push_back(
        {line.handle, std::string(kind), label.name, Rounded(label.score), JoinEvidence(label.evidence)});
  };
  for (const SegmentLabel& topic : account.topics) add("topic", topic);
  for (const SegmentLabel& role : account.roles) add("role", role);
  if (!account.country.empty()) {
    labels.rows.push_back({line.handle, std::string("location"), LocationText(account),
                           Rounded(account.location_confidence), std::string()});
  }
}

Table AccountsTable(const std::vector<const AccountSegments*>& shown,
                    const std::unordered_map<int64_t, AccountLine>& lines) {
  Table accounts{.name = "accounts",
                 .title = "Accounts",
                 .columns = {"handle", "name", "followers", "topics", "roles", "spam_score", "location"}};
  for (const AccountSegments* account : shown) {
    const AccountLine& line = lines.at(account->account_key);
    std::string topics;
    std::string roles;
    for (const SegmentLabel& topic : account->topics) topics += (topics.empty() ? "" : ", ") + topic.name;
    for (const SegmentLabel& role : account->roles) roles += (roles.empty() ? "" : ", ") + role.name;
    accounts.rows.push_back({line.handle, line.name, line.followers ? Cell{*line.followers} : Cell{}, topics, roles,
                             Rounded(account->spam_score), LocationText(*account)});
  }
  return accounts;
}

}  // namespace

Result<std::vector<Table>> SegmentsTables(Workspace& workspace, const SegmentsRequest& options) {
  Result<Config> config = workspace.LoadConfig();
  if (!config.ok()) return config.status();

  std::vector<AccountSegments> segments;
  if (!options.handles.empty()) {
    // Named accounts are classified afresh: cheap for a few, and --all needs the labels under threshold.
    Result<std::vector<int64_t>> keys = FindAccounts(workspace, options.handles);
    if (!keys.ok()) return keys.status();
    Result<std::vector<AccountSegments>> classified =
        ClassifyAccounts(workspace, *config, {.account_keys = *keys, .keep_below_threshold = options.all});
    if (!classified.ok()) return classified.status();
    segments = std::move(classified).value();
  } else {
    if (options.all) return InvalidArgument("--all needs HANDLEs: it lists every label of the accounts named");
    Result<std::vector<AccountSegments>> current = CurrentAccountSegments(workspace, *config, options.refresh);
    if (!current.ok()) return current.status();
    segments = std::move(current).value();
  }
  Result<std::unordered_map<int64_t, AccountLine>> lines = ReadAccountLines(workspace);
  if (!lines.ok()) return lines.status();

  std::vector<const AccountSegments*> shown;
  for (const AccountSegments& account : segments) {
    if (!options.topic.empty() && !HasLabel(account.topics, options.topic)) continue;
    if (!options.role.empty() && !HasLabel(account.roles, options.role)) continue;
    if (options.handles.empty() && account.topics.empty() && account.roles.empty()) continue;
    shown.push_back(&account);
  }

  std::vector<Table> tables;
  if (options.handles.empty()) {
    // How many accounts carry each label, before --topic/--role narrow the list below.
    std::map<std::pair<std::string, std::string>, int64_t> counts;
    for (const AccountSegments& account : segments) {
      for (const SegmentLabel& topic : account.topics) ++counts[{"topic", topic.name}];
      for (const SegmentLabel& role : account.roles) ++counts[{"role", role.name}];
    }
    Table summary{.name = "label_counts", .title = "Accounts per label", .columns = {"kind", "label", "accounts"}};
    for (const auto& [label, accounts] : counts) summary.rows.push_back({label.first, label.second, accounts});
    std::stable_sort(summary.rows.begin(), summary.rows.end(), [](const auto& left, const auto& right) {
      if (left[0] != right[0]) return std::get<std::string>(left[0]) > std::get<std::string>(right[0]);
      return std::get<int64_t>(left[2]) > std::get<int64_t>(right[2]);
    });
    tables.push_back(std::move(summary));
    // The most followed first: the accounts a user recognises.
    std::stable_sort(shown.begin(), shown.end(), [&](const AccountSegments* left, const AccountSegments* right) {
      return lines->at(left->account_key).followers.value_or(-1) > lines->at(right->account_key).followers.value_or(-1);
    });
    if (shown.size() > options.limit) shown.resize(options.limit);
  }
  tables.push_back(AccountsTable(shown, *lines));
  Table labels{.name = "labels",
               .title = "Labels and their evidence",
               .columns = {"handle", "kind", "label", "score", "evidence"}};
  for (const AccountSegments* account : shown) AddLabelRows(*account, lines->at(account->account_key), labels);
  tables.push_back(std::move(labels));
  return tables;
}


}  // namespace crowdlens
