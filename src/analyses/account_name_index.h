// Finding accounts by a person's or organisation's name, as written on an
// address-book card or a list of people met at an event: every account with
// a display name or handle, its name split into folded words
// (text/person_name.h), indexed by the first three letters of each word and of
// the handle read as a name. A lookup compares only the accounts sharing such
// a prefix with the query (or a formal name the query's given name is short
// for), so a typo in the first three letters of every word is not found; the
// trade is documented in docs/match.md.
//
//   Result<AccountNameIndex> index = AccountNameIndex::Load(workspace.db());
//   for (const NameCandidate& candidate : index->Find(text::NameWords("Dan Sandford"), 0.88)) ...
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "store/sqlite.h"
#include "text/person_name.h"

namespace crowdlens {

struct IndexedAccount {
  int64_t account_key = 0;
  std::string platform;
  std::string handle;
  std::string name;
  std::string bio;
  std::string location;
  std::string url;
  int64_t followers = 0;
  std::vector<std::string> name_words;  // text::NameWords(name)
  std::string handle_name;              // text::HandleAsName(handle)
};

struct NameCandidate {
  size_t account = 0;  // index into AccountNameIndex::accounts()
  text::NameSimilarity name;
  bool by_handle = false;  // the handle read as a name agreed better than the display name
};

class AccountNameIndex {
 public:
  // Every account with a name or a handle; "@handle" stand-ins only when no
  // real account holds the handle.
  static Result<AccountNameIndex> Load(Database& db);

  // Accounts whose name (or handle read as a name) is at least
  // `min_similarity` similar to `words`, most similar first (ties: more
  // followers first).
  std::vector<NameCandidate> Find(const std::vector<std::string>& words, double min_similarity) const;

  const std::vector<IndexedAccount>& accounts() const { return accounts_; }

 private:
  void Add(IndexedAccount account);

  std::vector<IndexedAccount> accounts_;
  std::unordered_map<std::string, std::vector<size_t>> by_prefix_;
};

// The blocking key of one word: its first three letters (the word when shorter).
std::string NamePrefix(const std::string& word);

}  // namespace crowdlens
