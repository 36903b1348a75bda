#include "store/person_lookup.h"

#include <algorithm>
#include <cctype>

#include "store/account_lookup.h"
#include "store/config.h"

namespace crowdlens {
namespace {

// Platform ids shorter than this ("12" in an edge list) would match unrelated
// numbers in raw records; handles still find those records.
constexpr size_t kShortestSearchableId = 5;

bool IsWordCharacter(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

void AddUnique(std::vector<std::string>& values, std::string value) {
  if (value.empty() || std::find(values.begin(), values.end(), value) != values.end()) return;
  values.push_back(std::move(value));
}

// Runs `sql` with ?1 bound to `key` and appends the first column of each row.
Status CollectText(Database& db, const char* sql, int64_t key, std::vector<std::string>& into) {
  Result<Statement> query = db.Prepare(sql);
  if (!query.ok()) return query.status();
  query->Bind(1, key);
  while (true) {
    Result<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    AddUnique(into, query->ColumnText(0));
  }
}

Status FindAccounts(Database& db, std::string_view reference, std::string_view platform, Person& person) {
  std::string qualified =
      platform.empty() ? std::string(reference) : std::string(platform) + ":" + std::string(reference);
  Result<int64_t> found = FindAccountKey(db, qualified);
  if (!found.ok()) return found.status();
  Result<Statement> same_handle = db.Prepare(
      "SELECT b.account_key, b.platform FROM accounts a JOIN accounts b "
      "ON b.platform = a.platform AND b.handle_lower = a.handle_lower "
      "WHERE a.account_key = ?1 AND a.handle_lower IS NOT NULL "
      "UNION SELECT account_key, platform FROM accounts WHERE account_key = ?1 ORDER BY 1");
  if (!same_handle.ok()) return same_handle.status();
  same_handle->Bind(1, *found);
  while (true) {
    Result<bool> row = same_handle->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    person.account_keys.push_back(same_handle->ColumnInt(0));
    person.platform = same_handle->ColumnText(1);
  }
  for (int64_t account_key : person.account_keys) {
    CROWDLENS_RETURN_IF_ERROR(
        CollectText(db,
                    "SELECT handle_lower FROM accounts WHERE account_key = ?1 AND handle_lower IS NOT NULL "
                    "UNION SELECT handle_lower FROM account_handles WHERE account_key = ?1",
                    account_key, person.handles));
  }
  // A stand-in account's platform id is "@handle"; the handle is already listed.
  for (std::string& handle : person.handles) {
    if (!handle.empty() && handle[0] == '@') handle.erase(0, 1);
  }
  return Status::Ok();
}

Status FindContacts(Database& db, std::string_view reference, Person& person) {
  person.email = AsciiLower(reference);
  Result<Statement> query =
      db.Prepare("SELECT DISTINCT contact_key FROM contact_emails WHERE lower(email) = ?1 ORDER BY contact_key");
  if (!query.ok()) return query.status();
  query->Bind(1, person.email);
  while (true) {
    Result<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    person.contact_keys.push_back(query->ColumnInt(0));
  }
  if (person.contact_keys.empty()) {
    return NotFound("no contact with the address " + std::string(reference) +
                    " in this workspace; check the spelling, or add --platform to name a handle that looks like "
                    "an address (a Mastodon user@server)");
  }
  return Status::Ok();
}

// The words that name the person in free text: handles and long platform ids,
// or the email address.
Result<std::vector<std::string>> SearchWords(Database& db, const Person& person) {
  std::vector<std::string> words = person.handles;
  if (person.kind == PersonKind::kContact) {
    // Every address the contacts hold names them, not just the one asked for.
    words.push_back(person.email);
    for (int64_t contact_key : person.contact_keys) {
      CROWDLENS_RETURN_IF_ERROR(
          CollectText(db, "SELECT lower(email) FROM contact_emails WHERE contact_key = ?1", contact_key, words));
    }
    return words;
  }
  std::vector<std::string> platform_ids;
  for (int64_t account_key : person.account_keys) {
    CROWDLENS_RETURN_IF_ERROR(
        CollectText(db, "SELECT platform_id FROM accounts WHERE account_key = ?1", account_key, platform_ids));
  }
  for (const std::string& platform_id : platform_ids) {
    if (platform_id.size() >= kShortestSearchableId && platform_id[0] != '@') AddUnique(words, AsciiLower(platform_id));
  }
  return words;
}

Status FindQuarantined(Database& db, Person& person) {
  Result<std::vector<std::string>> words = SearchWords(db, person);
  if (!words.ok()) return words.status();
  person.search_words = *words;
  Result<Statement> query = db.Prepare("SELECT quarantine_id, raw FROM quarantine ORDER BY quarantine_id");
  if (!query.ok()) return query.status();
  while (true) {
    Result<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    std::string raw = query->ColumnText(1);
    bool names_person =
        std::any_of(words->begin(), words->end(), [&](const std::string& word) { return ContainsWord(raw, word); });
    if (names_person) person.quarantine_ids.push_back(query->ColumnInt(0));
  }
}

}  // namespace

std::string_view PersonKindName(PersonKind kind) { return kind == PersonKind::kAccount ? "account" : "contact"; }

bool IsEmailReference(std::string_view reference, std::string_view platform) {
  if (!platform.empty()) return false;
  size_t at = reference.find('@');
  return at != std::string_view::npos && at > 0 && reference.find(':') == std::string_view::npos;
}

size_t FindWord(std::string_view text, std::string_view word, size_t from) {
  if (word.empty() || text.size() < word.size()) return std::string_view::npos;
  for (size_t start = from; start + word.size() <= text.size(); ++start) {
    bool same = true;
    for (size_t offset = 0; offset < word.size() && same; ++offset) {
      same = std::tolower(static_cast<unsigned char>(text[start + offset])) ==
             std::tolower(static_cast<unsigned char>(word[offset]));
    }
    if (!same) continue;
    bool starts_word = start == 0 || !IsWordCharacter(text[start - 1]) || !IsWordCharacter(word.front());
    size_t end = start + word.size();
    bool ends_word = end == text.size() || !IsWordCharacter(text[end]) || !IsWordCharacter(word.back());
    if (starts_word && ends_word) return start;
  }
  return std::string_view::npos;
}

Result<Person> FindPerson(Database& db, std::string_view reference, std::string_view platform) {
  if (reference.empty()) return InvalidArgument("name the person: a handle (@alice) or an email address");
  Person person;
  if (IsEmailReference(reference, platform)) {
    person.kind = PersonKind::kContact;
    CROWDLENS_RETURN_IF_ERROR(FindContacts(db, reference, person));
  } else {
    person.kind = PersonKind::kAccount;
    CROWDLENS_RETURN_IF_ERROR(FindAccounts(db, reference, platform, person));
  }
  CROWDLENS_RETURN_IF_ERROR(FindQuarantined(db, person));
  return person;
}

}  // namespace crowdlens
