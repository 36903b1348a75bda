// Status and Result<T>: how expected failures travel in crowdlens.
//
// Bad input, a missing file or a failed write are not bugs: functions return
// them as values carrying a message a user can act on ("file.json line 12:
// expected an object; fix or remove the line"). Only cli/ turns a Status into
// an exit code and only server/ into an HTTP status. The library never prints,
// exits or aborts.
//
//   Result<Workspace> ws = Workspace::Open(dir);
//   if (!ws.ok()) return ws.status();
//   ws->DoSomething();
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace crowdlens {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,  // the caller asked for something that cannot be done (usage error)
  kNotFound,         // a file, account or record that was named does not exist
  kDataError,        // input bytes could not be read as the expected format
  kIoError,          // the operating system refused a read or write
  kStoreError,       // the workspace database reported an error
  kUnsupported,      // the input is of a kind this build does not read
  kCancelled,        // the operation was stopped on request
};

// A short stable name for a code, used in JSON output ("data_error").
const char* ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is prefixed with `context` ("reading x.json: ...").
  Status WithContext(const std::string& context) const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string message) { return {ErrorCode::kInvalidArgument, std::move(message)}; }
inline Status NotFound(std::string message) { return {ErrorCode::kNotFound, std::move(message)}; }
inline Status DataError(std::string message) { return {ErrorCode::kDataError, std::move(message)}; }
inline Status IoError(std::string message) { return {ErrorCode::kIoError, std::move(message)}; }
inline Status StoreError(std::string message) { return {ErrorCode::kStoreError, std::move(message)}; }
inline Status Unsupported(std::string message) { return {ErrorCode::kUnsupported, std::move(message)}; }

// Either a value or the Status explaining why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(state_); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace crowdlens

// Returns early from the enclosing function when `expr` yields a failed Status.
#define CROWDLENS_RETURN_IF_ERROR(expr)              \
  do {                                               \
    ::crowdlens::Status status_or_ = (expr);         \
    if (!status_or_.ok()) return status_or_;         \
  } while (0)
