#include "analyses/segment_classifier_store.h"

#include <ctime>
#include <map>

#include "analyses/segment_classifier.h"

namespace crowdlens {
namespace {

// Evidence is stored one piece per line.
std::string JoinLines(const std::vector<std::string>& pieces) {
  std::string joined;
  for (size_t index = 0; index < pieces.size(); ++index) {
    if (index > 0) joined += '\n';
    for (char c : pieces[index]) joined += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return joined;
}

std::vector<std::string> SplitLines(const std::string& text, bool keep_empty) {
  std::vector<std::string> lines;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    if (keep_empty || end > begin) lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

bool HasAnything(const AccountSegments& segments) {
  return !segments.topics.empty() || !segments.roles.empty() || segments.spam_score > 0 || !segments.country.empty();
}

}  // namespace

Result<int64_t> LastImportRun(Workspace& workspace) {
  Result<int64_t> running = workspace.db().QueryInt("SELECT count(*) FROM import_runs WHERE status = 'running'");
  if (!running.ok()) return running.status();
  if (running.value() > 0) return int64_t{-1};
  return workspace.db().QueryInt("SELECT coalesce(max(run_id), 0) FROM import_runs");
}

Status SaveAccountSegments(Workspace& workspace, const std::vector<AccountSegments>& segments, const LabelRun& run) {
  const int64_t computed_at = run.computed_at;
  Database& db = workspace.db();
  return InTransaction(db, [&]() -> Status {
    CROWDLENS_RETURN_IF_ERROR(db.Execute("DELETE FROM account_labels"));
    Result<Statement> insert = db.Prepare(
        "INSERT OR REPLACE INTO account_labels (account_key, kind, name, score, evidence, computed_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert.ok()) return insert.status();
    int64_t labels = 0;
    auto write = [&](int64_t account_key, const char* kind, const std::string& name, double score,
                     const std::string& evidence) -> Status {
      insert->Bind(1, account_key);
      insert->Bind(2, kind);
      insert->Bind(3, name);
      insert->Bind(4, score);
      insert->Bind(5, evidence);
      insert->Bind(6, computed_at);
      ++labels;
      return insert->Run();
    };
    for (const AccountSegments& account : segments) {
      for (const SegmentLabel& topic : account.topics) {
        CROWDLENS_RETURN_IF_ERROR(
            write(account.account_key, "topic", topic.name, topic.score, JoinLines(topic.evidence)));
      }
      for (const SegmentLabel& role : account.roles) {
        // The spam role is the spam row's reasons; it is rebuilt from that row on load.
        if (role.name == "spam") continue;
        CROWDLENS_RETURN_IF_ERROR(write(account.account_key, "role", role.name, role.score, JoinLines(role.evidence)));
      }
      if (account.spam_score > 0) {
        std::vector<std::string> reasons;
        for (const SegmentLabel& role : account.roles) {
          if (role.name == "spam") reasons = role.evidence;
        }
        CROWDLENS_RETURN_IF_ERROR(write(account.account_key, "spam", "spam", account.spam_score, JoinLines(reasons)));
      }
      if (!account.country.empty()) {
        CROWDLENS_RETURN_IF_ERROR(write(account.account_key, "location", account.country, account.location_confidence,
                                        account.location_method + "\n" + account.region + "\n" + account.city));
      }
    }
    Result<Statement> record = db.Prepare(
        "INSERT INTO label_runs (computed_at, config_digest, last_import_run, accounts, labels) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!record.ok()) return record.status();
    record->Bind(1, computed_at);
    record->Bind(2, run.config_digest);
    record->Bind(3, run.last_import_run);
    record->Bind(4, static_cast<int64_t>(segments.size()));
    record->Bind(5, labels);
    return record->Run();
  });
}

Result<std::vector<AccountSegments>> LoadAccountSegments(Workspace& workspace,
                                                         const std::vector<int64_t>& account_keys) {
  std::string filter;
  for (int64_t key : account_keys) filter += (filter.empty() ? "" : ",") + std::to_string(key);
  Result<Statement> query =
      workspace.db().Prepare("SELECT account_key, kind, name, score, evidence FROM account_labels" +
                             (filter.empty() ? std::string() : " WHERE account_key IN (" + filter + ")") +
                             " ORDER BY account_key, kind, score DESC, name");
  if (!query.ok()) return query.status();
  // With the spam threshold unknown here, the spam role is listed when its row carries reasons
  // (SaveAccountSegments writes them only for a spam role that passed its threshold).
  std::map<int64_t, AccountSegments> by_account;
  while (true) {
    Result<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    int64_t key = query->ColumnInt(0);
    AccountSegments& account = by_account[key];
    account.account_key = key;
    if (account.location_method.empty()) account.location_method = "unknown";
    std::string kind = query->ColumnText(1);
    std::string name = query->ColumnText(2);
    double score = query->ColumnDouble(3);
    std::string evidence = query->ColumnText(4);
    if (kind == "topic") {
      account.topics.push_back({.name = name, .score = score, .evidence = SplitLines(evidence, false)});
    } else if (kind == "role") {
      account.roles.push_back({.name = name, .score = score, .evidence = SplitLines(evidence, false)});
    } else if (kind == "spam") {
      account.spam_score = score;
      if (!evidence.empty())
        account.roles.push_back({.name = "spam", .score = score, .evidence = SplitLines(evidence, false)});
    } else if (kind == "location") {
      std::vector<std::string> parts = SplitLines(evidence, true);
      parts.resize(3);
      account.country = name;
      account.location_confidence = score;
      account.location_method = parts[0];
      account.region = parts[1];
      account.city = parts[2];
    }
  }
  std::vector<AccountSegments> segments;
  segments.reserve(by_account.size());
  for (auto& [key, account] : by_account) segments.push_back(std::move(account));
  return segments;
}

Result<bool> StoredSegmentsAreCurrent(Workspace& workspace, const std::string& config_digest) {
  Result<Statement> last = workspace.db().Prepare(
      "SELECT config_digest, last_import_run FROM label_runs ORDER BY label_run_id DESC LIMIT 1");
  if (!last.ok()) return last.status();
  Result<bool> row = last->Step();
  if (!row.ok()) return row.status();
  if (!*row) return false;
  if (last->ColumnText(0) != config_digest) return false;
  int64_t seen = last->ColumnInt(1);
  if (seen < 0) return false;  // an import was running while they were computed
  Result<int64_t> newest = workspace.db().QueryInt("SELECT coalesce(max(run_id), 0) FROM import_runs");
  if (!newest.ok()) return newest.status();
  return newest.value() == seen;
}

Result<std::vector<AccountSegments>> CurrentAccountSegments(Workspace& workspace, const Config& config, bool refresh) {
  std::string digest = SegmentConfigDigest(config.segmentation);
  if (!refresh) {
    Result<bool> current = StoredSegmentsAreCurrent(workspace, digest);
    if (!current.ok()) return current.status();
    if (*current) return LoadAccountSegments(workspace);
    if (workspace.stored_labels_suffice()) {
      Result<int64_t> stored = workspace.db().QueryInt("SELECT count(*) FROM label_runs");
      if (!stored.ok()) return stored.status();
      if (*stored > 0) return LoadAccountSegments(workspace);
    }
  }
  // The imports as they stand before reading: one that starts while classifying makes the labels stale.
  Result<int64_t> last_import = LastImportRun(workspace);
  if (!last_import.ok()) return last_import.status();
  LabelRun run{.computed_at = static_cast<int64_t>(std::time(nullptr)),
               .config_digest = digest,
               .last_import_run = last_import.value()};
  Result<std::vector<AccountSegments>> classified = ClassifyAccounts(workspace, config);
  if (!classified.ok()) return classified.status();
  // Inside a read snapshot (the server's requests) the labels are used, not stored: storing needs the writer's lock.
  if (!workspace.db().InTransaction()) CROWDLENS_RETURN_IF_ERROR(SaveAccountSegments(workspace, *classified, run));
  std::vector<AccountSegments> known;
  for (AccountSegments& account : *classified) {
    if (HasAnything(account)) known.push_back(std::move(account));
  }
  return known;
}

}  // namespace crowdlens
