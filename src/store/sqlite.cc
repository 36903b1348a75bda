#include "store/sqlite.h"

namespace crowdlens {
namespace {

Status SqlError(sqlite3* db, std::string_view sql) {
  std::string shown(sql.substr(0, 120));
  return StoreError(std::string(sqlite3_errmsg(db)) + " (in: " + shown + ")");
}

}  // namespace

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Result<bool> Statement::Step() {
  int code = sqlite3_step(stmt_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  return SqlError(db_, sqlite3_sql(stmt_));
}

Status Statement::Run() {
  int code = sqlite3_step(stmt_);
  while (code == SQLITE_ROW) code = sqlite3_step(stmt_);
  Status status = code == SQLITE_DONE ? Status::Ok() : SqlError(db_, sqlite3_sql(stmt_));
  Reset();
  return status;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_ != nullptr) sqlite3_close_v2(db_);
    db_ = other.db_;
    other.db_ = nullptr;
  }
  return *this;
}

Database::~Database() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Result<Database> Database::Open(const std::string& path, bool create) {
  sqlite3* handle = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int code = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (code != SQLITE_OK) {
    std::string message = handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(code);
    sqlite3_close_v2(handle);
    return StoreError("cannot open the workspace database " + path + ": " + message);
  }
  Database db(handle);
  sqlite3_busy_timeout(handle, 10000);
  // WAL: readers never block the importer. With synchronous=NORMAL a killed
  // process loses no committed transaction, and a power cut may lose only the
  // last ones, never consistency (sqlite.org/pragma.html#pragma_synchronous).
  CROWDLENS_RETURN_IF_ERROR(db.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                                       "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; "
                                       "PRAGMA cache_size=-262144;"));
  return db;
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int code = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (code != SQLITE_OK) return SqlError(db_, sql);
  return Statement(db_, stmt);
}

Status Database::Execute(std::string_view sql) {
  char* error = nullptr;
  std::string text(sql);
  int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (code != SQLITE_OK) {
    std::string message = error != nullptr ? error : sqlite3_errstr(code);
    sqlite3_free(error);
    return StoreError(message + " (in: " + text.substr(0, 120) + ")");
  }
  return Status::Ok();
}

Result<int64_t> Database::QueryInt(std::string_view sql) {
  Result<Statement> stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!row.value()) return NotFound("no row from: " + std::string(sql));
  return stmt->ColumnInt(0);
}

Status ForEachRow(Database& db, const char* sql, int64_t key, const std::function<void(const Statement&)>& on_row) {
  Result<Statement> statement = db.Prepare(sql);
  if (!statement.ok()) return statement.status();
  statement->Bind(1, key);
  while (true) {
    Result<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    on_row(*statement);
  }
}

}  // namespace crowdlens
