// Thin RAII wrappers over the SQLite C API: a Database that owns the
// connection and Statements that own prepared statements. Errors come back as
// Status values naming the SQL that failed; nothing here throws.
//
//   Result<Database> db = Database::Open("ws/crowdlens.db");
//   Statement insert = db->Prepare("INSERT INTO t VALUES (?1)").value();
//   insert.Bind(1, "x"); CROWDLENS_RETURN_IF_ERROR(insert.Run());
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace crowdlens {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept { *this = std::move(other); }
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  void Bind(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
  void Bind(int index, int value) { sqlite3_bind_int64(stmt_, index, value); }
  void Bind(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
  // Text is bound without a copy: it must stay alive until the statement has run
  // (true of every caller, which binds, runs and resets in one go).
  void Bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  }
  void Bind(int index, const char* text) { Bind(index, std::string_view(text)); }
  void Bind(int index, const std::string& text) { Bind(index, std::string_view(text)); }
  void BindNull(int index) { sqlite3_bind_null(stmt_, index); }
  template <typename T>
  void Bind(int index, const std::optional<T>& value) {
    if (value) {
      Bind(index, *value);
    } else {
      BindNull(index);
    }
  }
  void Bind(int index, const std::optional<bool>& value) {
    if (value) {
      Bind(index, static_cast<int64_t>(*value));
    } else {
      BindNull(index);
    }
  }

  // Advances to the next row: true when a row is ready, false when done.
  Result<bool> Step();
  // Runs a statement that returns no rows, then resets it for reuse.
  Status Run();
  // Resets and clears bindings so the statement can run again.
  void Reset();

  int64_t ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }
  double ColumnDouble(int column) const { return sqlite3_column_double(stmt_, column); }
  bool ColumnIsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string ColumnText(int column) const;
  int ColumnCount() const { return sqlite3_column_count(stmt_); }
  std::string ColumnName(int column) const { return sqlite3_column_name(stmt_, column); }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  Database() = default;
  Database(Database&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Opens (creating when `create`) the database file with WAL journaling.
  static Result<Database> Open(const std::string& path, bool create);

  Result<Statement> Prepare(std::string_view sql);
  // Runs one or more statements that return no rows.
  Status Execute(std::string_view sql);
  // Runs a query returning one integer (count(*), user_version).
  Result<int64_t> QueryInt(std::string_view sql);

  // True inside BEGIN ... COMMIT (a read snapshot, or a write in progress).
  bool InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

  int64_t LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
  sqlite3* handle() const { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

// Runs `sql` with `key` bound to its one parameter and hands each row to `on_row`.
Status ForEachRow(Database& db, const char* sql, int64_t key, const std::function<void(const Statement&)>& on_row);

// Runs `body` inside BEGIN IMMEDIATE ... COMMIT, rolling back when it fails.
template <typename Body>
Status InTransaction(Database& db, Body body) {
  CROWDLENS_RETURN_IF_ERROR(db.Execute("BEGIN IMMEDIATE"));
  Status status = body();
  if (!status.ok()) {
    (void)db.Execute("ROLLBACK");
    return status;
  }
  return db.Execute("COMMIT");
}

// Runs `body` inside one read transaction (BEGIN ... COMMIT), so every query
// in it sees the same state; inside a transaction already open (the server's
// request snapshot) it runs in that one and leaves it open.
template <typename Body>
Status InReadSnapshot(Database& db, Body body) {
  if (db.InTransaction()) return body();
  CROWDLENS_RETURN_IF_ERROR(db.Execute("BEGIN"));
  Status status = body();
  (void)db.Execute(status.ok() ? "COMMIT" : "ROLLBACK");
  return status;
}

}  // namespace crowdlens
