// The accounts an influence analysis speaks of: every account of the
// workspace, with the "@handle" stand-ins merged into the real account.
//
// A reader that meets "@alice" before it has seen alice's profile records an
// account known only by that handle (platform_id "@alice"); when alice's real
// account arrives later, both rows exist. Counting them apart would split
// alice's mentions from her followers, so the directory gives both rows one
// index: the real account with that handle (the one that held it most
// recently when several did). Everything in analyses/influence* counts per
// directory index.
//
//   Result<AccountDirectory> accounts = AccountDirectory::Load(workspace.db());
//   Result<uint32_t> alice = accounts->Find("@alice");
//   std::string label = accounts->Label(*alice);   // "alice"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "store/sqlite.h"

namespace crowdlens {

// One merged account.
struct DirectoryAccount {
  int64_t account_key = 0;  // the real account's key (or the stand-in's when there is no real one)
  std::string platform;
  std::string platform_id;
  std::string handle;  // empty when unknown (name-only CSV authors, anonymous graph nodes)
  std::string name;
  std::string url;                         // the profile's link, when given
  std::optional<int64_t> followers_count;  // from the profile, when one was seen
  std::optional<int64_t> following_count;
  bool has_profile = false;
};

class AccountDirectory {
 public:
  // Reads every account; fails only when the database does.
  static Result<AccountDirectory> Load(Database& db);

  uint32_t size() const { return static_cast<uint32_t>(accounts_.size()); }
  const DirectoryAccount& account(uint32_t index) const { return accounts_[index]; }

  // The index an account_key belongs to, stand-ins included; nullopt for an unknown key.
  std::optional<uint32_t> IndexOf(int64_t account_key) const;

  // Resolves "alice", "@alice", "bluesky:alice.bsky.social", a handle the
  // account used to have, or a platform id; NotFound naming `reference` otherwise.
  Result<uint32_t> Find(std::string_view reference) const;

  // What a table shows for the account: its handle, else its name, else its platform id.
  std::string Label(uint32_t index) const;

 private:
  std::vector<DirectoryAccount> accounts_;
  std::unordered_map<int64_t, uint32_t> index_of_key_;
  // Keys under "platform\x1fhandle_lower", current and former handles.
  std::unordered_map<std::string, uint32_t> index_of_handle_;
  std::unordered_map<std::string, uint32_t> index_of_former_handle_;
  std::unordered_map<std::string, uint32_t> index_of_platform_id_;
};

}  // namespace crowdlens
