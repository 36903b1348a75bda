#include "analyses/contact_match.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "ingest/contacts_csv_reader.h"
#include "text/transliterate.h"

namespace crowdlens {
namespace {

// Confidences of the identifier matches (docs/match.md): an address in the
// profile is the account's own statement; a handle on a card is the owner's
// (or the contact's) statement, which a renamed handle can make stale.
constexpr double kEmailConfidence = 0.99;
constexpr double kHandleConfidence = 0.97;
// Name matches: a straight line from kNameFloor at the lowest similarity
// considered to kNameCeiling at identical names; evidence adds to it.
constexpr double kNameFloor = 0.45;
constexpr double kNameCeiling = 0.75;
constexpr double kCompanyAll = 0.2;    // every word of the card's company in the bio or name
constexpr double kCompanySome = 0.1;   // at least half of them
constexpr double kTitleWord = 0.05;    // each word of the title in the bio, at most two
constexpr double kLocationWord = 0.05; // the card's location shares a word with the profile's
constexpr double kNameMaximum = 0.95;  // a name match never reaches an identifier's confidence
constexpr double kRivalPenalty = 0.1;  // per other account with as close a name, at most three
constexpr double kRivalMargin = 0.02;  // "as close": within this much name similarity

// Words that say nothing about which organisation is meant.
const std::set<std::string>& GenericWords() {
  static const std::set<std::string> words = {
      "the", "and", "of", "for", "at", "inc", "ltd", "llc", "plc", "gmbh", "ag", "sa", "co", "corp", "company",
      "group", "limited", "de", "la", "el", "der", "die", "le", "les", "in", "on", "to", "senior", "head", "chief"};
  return words;
}

std::vector<std::string> MeaningfulWords(const std::string& text) {
  std::vector<std::string> words;
  for (std::string& word : text::NameWords(text)) {
    if (GenericWords().count(word) == 0) words.push_back(std::move(word));
  }
  return words;
}

std::set<std::string> WordSet(const std::string& text) {
  std::vector<std::string> words = text::NameWords(text);
  return std::set<std::string>(words.begin(), words.end());
}

std::string Round2(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

std::string Joined(const std::vector<std::string>& words, const char* separator) {
  std::string joined;
  for (const std::string& word : words) joined += (joined.empty() ? "" : separator) + word;
  return joined;
}

bool IsEmailByte(char c, bool domain) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-') return true;
  return !domain && (c == '_' || c == '+' || c == '%');
}

// The email addresses written in a bio or link, lower-cased.
std::vector<std::string> EmailsIn(std::string_view text) {
  std::vector<std::string> emails;
  for (size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    size_t start = at;
    while (start > 0 && IsEmailByte(text[start - 1], false)) --start;
    size_t end = at + 1;
    while (end < text.size() && IsEmailByte(text[end], true)) ++end;
    while (end > at + 1 && text[end - 1] == '.') --end;
    std::string_view domain = text.substr(at + 1, end - at - 1);
    if (start == at || domain.find('.') == std::string_view::npos) continue;
    if (std::optional<std::string> email = NormaliseEmail(text.substr(start, end - start))) {
      emails.push_back(std::move(*email));
    }
  }
  return emails;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Handles compare without '@' and in lower case; Mastodon's "user@host" keeps its '@'.
std::string HandleKey(const std::string& platform, const std::string& handle) {
  std::string bare = handle;
  if (!bare.empty() && bare.front() == '@') bare.erase(0, 1);
  return platform + ":" + Lower(bare);
}

Result<std::vector<ContactCard>> LoadCards(Database& db) {
  std::map<int64_t, ContactCard> cards;
  {
    Result<Statement> statement = db.Prepare(
        "SELECT contact_key, name, coalesce(company, ''), coalesce(title, ''), coalesce(location, '') "
        "FROM contacts ORDER BY contact_key");
    if (!statement.ok()) return statement.status();
    while (true) {
      Result<bool> row = statement->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      const int64_t key = statement->ColumnInt(0);
      cards[key] = ContactCard{.contact_key = key,
                               .name = statement->ColumnText(1),
                               .company = statement->ColumnText(2),
                               .title = statement->ColumnText(3),
                               .location = statement->ColumnText(4)};
    }
  }
  auto each_row = [&](const char* sql, auto add) -> Status {
    Result<Statement> statement = db.Prepare(sql);
    if (!statement.ok()) return statement.status();
    while (true) {
      Result<bool> row = statement->Step();
      if (!row.ok()) return row.status();
      if (!*row) return Status::Ok();
      auto card = cards.find(statement->ColumnInt(0));
      if (card != cards.end()) add(card->second, *statement);
    }
  };
  CROWDLENS_RETURN_IF_ERROR(each_row("SELECT contact_key, email FROM contact_emails ORDER BY contact_key, email",
                                     [](ContactCard& card, Statement& row) { card.emails.push_back(row.ColumnText(1)); }));
  auto add_handle = [](ContactCard& card, std::string platform, std::string handle) {
    std::pair<std::string, std::string> entry{std::move(platform), std::move(handle)};
    if (std::find(card.handles.begin(), card.handles.end(), entry) == card.handles.end()) {
      card.handles.push_back(std::move(entry));
    }
  };
  CROWDLENS_RETURN_IF_ERROR(each_row(
      "SELECT contact_key, platform, handle FROM contact_handles ORDER BY contact_key, platform, handle",
      [&](ContactCard& card, Statement& row) { add_handle(card, row.ColumnText(1), row.ColumnText(2)); }));
  // Links the reader kept but did not read as a profile (older imports) are read again here.
  CROWDLENS_RETURN_IF_ERROR(
      each_row("SELECT contact_key, url FROM contact_urls ORDER BY contact_key, url", [&](ContactCard& card, Statement& row) {
        if (std::optional<SocialHandle> handle = SocialHandleFromUrl(row.ColumnText(1))) {
          add_handle(card, handle->platform, handle->handle);
        }
      }));
  std::vector<ContactCard> list;
  for (auto& [key, card] : cards) list.push_back(std::move(card));
  return list;
}

struct IdentifierIndex {
  std::unordered_map<std::string, std::vector<size_t>> by_email;   // address in bio or link -> accounts
  std::unordered_map<std::string, std::vector<size_t>> by_handle;  // "platform:handle" -> accounts
};

IdentifierIndex IndexIdentifiers(const AccountNameIndex& index) {
  IdentifierIndex identifiers;
  for (size_t position = 0; position < index.accounts().size(); ++position) {
    const IndexedAccount& account = index.accounts()[position];
    for (const std::string& text : {account.bio, account.url}) {
      for (const std::string& email : EmailsIn(text)) identifiers.by_email[email].push_back(position);
    }
    if (!account.handle.empty()) identifiers.by_handle[HandleKey(account.platform, account.handle)].push_back(position);
  }
  return identifiers;
}

ContactMatch MatchOf(const ContactCard& card, const IndexedAccount& account, double confidence, std::string method,
                     std::vector<std::string> why) {
  return ContactMatch{.contact_key = card.contact_key,
                      .contact_name = card.name,
                      .company = card.company,
                      .account_key = account.account_key,
                      .platform = account.platform,
                      .handle = account.handle,
                      .account_name = account.name,
                      .confidence = confidence,
                      .method = std::move(method),
                      .why = std::move(why)};
}

// Matches by address and handle; a card's several handles may name several accounts.
std::vector<ContactMatch> IdentifierMatches(const ContactCard& card, const AccountNameIndex& index,
                                            const IdentifierIndex& identifiers) {
  std::map<size_t, ContactMatch> found;
  for (const std::string& email : card.emails) {
    auto accounts = identifiers.by_email.find(email);
    if (accounts == identifiers.by_email.end()) continue;
    for (size_t position : accounts->second) {
      const IndexedAccount& account = index.accounts()[position];
      if (found.count(position) > 0) continue;
      found.emplace(position, MatchOf(card, account, kEmailConfidence, "email",
                                      {"the profile of @" + account.handle + " gives " + email + ", an address on the card"}));
    }
  }
  for (const auto& [platform, handle] : card.handles) {
    auto accounts = identifiers.by_handle.find(HandleKey(platform, handle));
    if (accounts == identifiers.by_handle.end()) continue;
    for (size_t position : accounts->second) {
      const IndexedAccount& account = index.accounts()[position];
      std::string reason = "the card names " + platform + " handle @" + account.handle;
      auto existing = found.find(position);
      if (existing != found.end()) {
        existing->second.why.push_back(reason);
        continue;
      }
      found.emplace(position, MatchOf(card, account, kHandleConfidence, "handle", {reason}));
    }
  }
  std::vector<ContactMatch> matches;
  for (auto& [position, match] : found) {
    const IndexedAccount& account = index.accounts()[position];
    text::NameSimilarity name = text::CompareNames(text::NameWords(card.name), account.name_words);
    if (!account.name_words.empty()) {
      match.why.push_back(name.similarity >= 0.88 ? "the names agree (" + Round2(name.similarity) + ")"
                                                  : "the names differ (" + Round2(name.similarity) + ")");
    }
    matches.push_back(std::move(match));
  }
  return matches;
}

}  // namespace

NameEvidence ScoreNameCandidate(const ContactCard& card, const IndexedAccount& account, const NameCandidate& candidate) {
  NameEvidence evidence;
  const double similarity = std::clamp(candidate.name.similarity, 0.88, 1.0);
  evidence.confidence = kNameFloor + (kNameCeiling - kNameFloor) * (similarity - 0.88) / (1.0 - 0.88);
  std::string shown = account.name.empty() ? "@" + account.handle : "'" + account.name + "'";
  if (candidate.by_handle) {
    evidence.why.push_back("the handle @" + account.handle + " reads as the name (" + Round2(candidate.name.similarity) + ")");
  } else if (candidate.name.similarity >= 0.9999) {
    evidence.why.push_back("same name as " + shown);
  } else {
    evidence.why.push_back("name close to " + shown + " (" + Round2(candidate.name.similarity) + ")" +
                           (candidate.name.nickname ? ", a nickname of the given name" : ""));
  }
  // Company and title: words found in the bio, the display name or the handle.
  std::set<std::string> profile_words = WordSet(account.bio + " " + account.name);
  std::vector<std::string> company = MeaningfulWords(card.company);
  if (!company.empty()) {
    size_t found = 0;
    for (const std::string& word : company) {
      if (profile_words.count(word) > 0 || (word.size() >= 3 && account.handle_name.find(word) != std::string::npos)) {
        ++found;
      }
    }
    if (found == company.size()) {
      evidence.confidence += kCompanyAll;
      evidence.why.push_back("bio names " + card.company);
    } else if (found * 2 >= company.size()) {
      evidence.confidence += kCompanySome;
      evidence.why.push_back("bio names part of " + card.company);
    }
  }
  std::vector<std::string> title_found;
  for (const std::string& word : MeaningfulWords(card.title)) {
    if (profile_words.count(word) > 0 && title_found.size() < 2) title_found.push_back(word);
  }
  if (!title_found.empty()) {
    evidence.confidence += kTitleWord * static_cast<double>(title_found.size());
    evidence.why.push_back("bio says " + Joined(title_found, ", ") + " as the card's title does");
  }
  if (!card.location.empty() && !account.location.empty()) {
    std::set<std::string> place = WordSet(account.location);
    for (const std::string& word : MeaningfulWords(card.location)) {
      if (place.count(word) > 0) {
        evidence.confidence += kLocationWord;
        evidence.why.push_back("both in " + word);
        break;
      }
    }
  }
  evidence.confidence = std::min(evidence.confidence, kNameMaximum);
  return evidence;
}

Result<ContactMatchResult> MatchContacts(Workspace& workspace, const ContactMatchOptions& options) {
  ContactMatchResult result;
  Status status = InReadSnapshot(workspace.db(), [&]() -> Status {
    Result<std::vector<ContactCard>> cards = LoadCards(workspace.db());
    if (!cards.ok()) return cards.status();
    Result<AccountNameIndex> index = AccountNameIndex::Load(workspace.db());
    if (!index.ok()) return index.status();
    const IdentifierIndex identifiers = IndexIdentifiers(*index);
    result.contacts = static_cast<int64_t>(cards->size());
    for (const ContactCard& card : *cards) {
      std::vector<ContactMatch> by_identifier = IdentifierMatches(card, *index, identifiers);
      if (!by_identifier.empty()) {
        for (ContactMatch& match : by_identifier) result.matches.push_back(std::move(match));
        continue;
      }
      std::vector<NameCandidate> candidates = index->Find(text::NameWords(card.name), options.min_name_similarity);
      if (candidates.empty()) {
        result.unmatched.push_back({.contact_key = card.contact_key,
                                    .contact_name = card.name,
                                    .company = card.company,
                                    .why = card.handles.empty() && card.emails.empty()
                                               ? "no account with a similar name"
                                               : "no account with its addresses or handles, none with a similar name"});
        continue;
      }
      // The best candidate by confidence; rivals are others with as close a name.
      size_t best = 0;
      std::vector<NameEvidence> evidence;
      for (size_t candidate = 0; candidate < candidates.size(); ++candidate) {
        evidence.push_back(ScoreNameCandidate(card, index->accounts()[candidates[candidate].account], candidates[candidate]));
        if (evidence[candidate].confidence > evidence[best].confidence + 1e-12) best = candidate;
      }
      size_t rivals = 0;
      for (size_t candidate = 0; candidate < candidates.size(); ++candidate) {
        if (candidate == best) continue;
        if (candidates[candidate].name.similarity + kRivalMargin >= candidates[best].name.similarity &&
            evidence[candidate].confidence + kRivalMargin >= evidence[best].confidence) {
          ++rivals;
        }
      }
      NameEvidence chosen = evidence[best];
      if (rivals > 0) {
        chosen.confidence -= kRivalPenalty * static_cast<double>(std::min<size_t>(rivals, 3));
        chosen.why.push_back(std::to_string(rivals) + " other account" + (rivals == 1 ? " has" : "s have") +
                             " as close a name");
      }
      const IndexedAccount& account = index->accounts()[candidates[best].account];
      if (chosen.confidence + 1e-9 < options.min_confidence) {
        result.unmatched.push_back({.contact_key = card.contact_key,
                                    .contact_name = card.name,
                                    .company = card.company,
                                    .closest_handle = account.handle,
                                    .closest_confidence = chosen.confidence,
                                    .why = "closest: @" + account.handle + " at confidence " + Round2(chosen.confidence) +
                                           ", below " + Round2(options.min_confidence) + " (" +
                                           Joined(chosen.why, "; ") + ")"});
        continue;
      }
      result.matches.push_back(MatchOf(card, account, chosen.confidence, "name", std::move(chosen.why)));
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  std::stable_sort(result.matches.begin(), result.matches.end(), [](const ContactMatch& left, const ContactMatch& right) {
    if (left.confidence != right.confidence) return left.confidence > right.confidence;
    return left.contact_key < right.contact_key;
  });
  return result;
}

Status SaveContactMatches(Workspace& workspace, const std::vector<ContactMatch>& matches, int64_t matched_at) {
  Database& db = workspace.db();
  return InTransaction(db, [&]() -> Status {
    CROWDLENS_RETURN_IF_ERROR(db.Execute("DELETE FROM contact_matches"));
    Result<Statement> insert = db.Prepare("INSERT OR REPLACE INTO contact_matches VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert.ok()) return insert.status();
    for (const ContactMatch& match : matches) {
      insert->Reset();
      insert->Bind(1, match.contact_key);
      insert->Bind(2, match.account_key);
      insert->Bind(3, match.confidence);
      insert->Bind(4, match.method);
      const std::string why = Joined(match.why, "; ");  // bound without a copy: it must outlive the step
      insert->Bind(5, why);
      insert->Bind(6, matched_at);
      CROWDLENS_RETURN_IF_ERROR(insert->Run());
    }
    return Status::Ok();
  });
}

Result<std::vector<StoredContactMatch>> LoadContactMatches(Workspace& workspace) {
  Result<Statement> statement = workspace.db().Prepare(
      "SELECT m.contact_key, m.account_key, c.name, m.confidence FROM contact_matches m "
      "JOIN contacts c ON c.contact_key = m.contact_key ORDER BY m.account_key, m.confidence DESC");
  if (!statement.ok()) return statement.status();
  std::vector<StoredContactMatch> matches;
  while (true) {
    Result<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    matches.push_back({.contact_key = statement->ColumnInt(0),
                       .account_key = statement->ColumnInt(1),
                       .contact_name = statement->ColumnText(2),
                       .confidence = statement->ColumnDouble(3)});
  }
  return matches;
}

}  // namespace crowdlens
