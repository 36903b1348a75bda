// Finding a person in the workspace for an access or erasure request: one
// social account (named as FindAccountKey reads a handle) or one address-book
// contact (named by an email address), with every handle or address that can
// name them in free text and the quarantined raw records that do.
//
//   Result<Person> person = FindPerson(workspace.db(), "@alice", "");
//   Result<Person> contact = FindPerson(workspace.db(), "ann@example.com", "");
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/sqlite.h"

namespace crowdlens {

enum class PersonKind { kAccount, kContact };

// "account" or "contact", as the erasure log and the export name them.
std::string_view PersonKindName(PersonKind kind);

struct Person {
  PersonKind kind = PersonKind::kAccount;
  // kAccount: the account FindAccountKey found, plus any account on the same
  // platform whose current handle is the same (a stand-in known only by the
  // handle is the same person).
  std::vector<int64_t> account_keys;
  std::string platform;
  // Every handle those accounts have or had, lower case, without '@'.
  std::vector<std::string> handles;
  // kContact: every contact holding this address (one per address book).
  std::vector<int64_t> contact_keys;
  std::string email;  // lower case
  // The words that name the person in free text: the handles and the
  // accounts' platform ids of five characters or more, or every email
  // address the contacts hold.
  std::vector<std::string> search_words;
  // Quarantined records whose raw text contains one of the search words.
  std::vector<int64_t> quarantine_ids;
};

// True when `reference` reads as an email address: an '@' after the first
// character and no "platform:" prefix. A platform named with --platform makes
// it a handle (Mastodon handles look like addresses).
bool IsEmailReference(std::string_view reference, std::string_view platform);

// The person named by `reference`; `platform` (may be empty) is --platform.
// kNotFound names what was looked for and what to check.
Result<Person> FindPerson(Database& db, std::string_view reference, std::string_view platform);

// Where `text` contains `word` (ASCII case-insensitive) at or after `from`
// with no letter, digit or '_' right before or after it ("@alice:" names
// alice, "alicia" does not); npos when it does not.
size_t FindWord(std::string_view text, std::string_view word, size_t from = 0);
inline bool ContainsWord(std::string_view text, std::string_view word) {
  return FindWord(text, word) != std::string_view::npos;
}

}  // namespace crowdlens
