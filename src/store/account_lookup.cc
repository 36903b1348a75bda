#include "store/account_lookup.h"

#include <string>

#include "store/config.h"

namespace crowdlens {

Result<int64_t> FindAccountKey(Database& db, std::string_view reference) {
  OwnerRef ref = ParseOwnerRef(std::string(reference));
  if (!ref.handle.empty() && ref.handle[0] == '@') ref.handle.erase(0, 1);
  if (ref.handle.empty()) return InvalidArgument("an account must be named by its handle, e.g. @alice");
  // Current handles first; then handles an account had before (newest first).
  Result<Statement> query = db.Prepare(
      "SELECT account_key FROM accounts WHERE platform = ?1 AND handle_lower = lower(?2) "
      "UNION ALL "
      "SELECT * FROM (SELECT h.account_key FROM account_handles h JOIN accounts a ON a.account_key = h.account_key "
      "WHERE a.platform = ?1 AND h.handle_lower = lower(?2) ORDER BY h.last_seen DESC) LIMIT 1");
  if (!query.ok()) return query.status();
  query->Bind(1, ref.platform);
  query->Bind(2, ref.handle);
  Result<bool> row = query->Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    return NotFound("no account @" + ref.handle + " on " + ref.platform +
                    " in this workspace; check the spelling or import data that names it");
  }
  return query->ColumnInt(0);
}

Result<int64_t> AccountOrOwner(Database& db, const Config& config, const std::string& handle,
                               std::string_view command) {
  if (!handle.empty()) return FindAccountKey(db, handle);
  if (config.owners.empty()) {
    return InvalidArgument("name an account (crowdlens " + std::string(command) +
                           " HANDLE) or set the owner: crowdlens owner HANDLE");
  }
  return FindAccountKey(db, FormatOwnerRef(config.owners.front()));
}

}  // namespace crowdlens
