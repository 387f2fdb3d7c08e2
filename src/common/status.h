// Status and Result<T>: expected failures as values at module boundaries.
//
// A Status is Ok or an error kind plus a message that names the place (file,
// line, column, parameter, node) and what was expected. Result<T> holds either
// a value or a non-Ok Status. Both are cheap to move; neither is thread-safe to
// mutate concurrently (treat them as values).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace nocode {

enum class ErrorKind {
  kOk = 0,
  kInvalidArgument,  // a caller's input is malformed or out of range
  kNotFound,         // a named thing does not exist
  kParse,            // a document or file could not be parsed
  kIo,               // the filesystem or a process failed
  kUnsupported,      // valid request we do not implement
  kInternal,         // a bug: an invariant of ours broke
};

// Short lowercase name of an error kind, e.g. "invalid_argument".
const char* error_kind_name(ErrorKind kind);

class Status {
 public:
  Status() = default;

  static Status ok() { return Status(); }
  static Status invalid_argument(std::string msg) {
    return Status(ErrorKind::kInvalidArgument, std::move(msg));
  }
  static Status not_found(std::string msg) { return Status(ErrorKind::kNotFound, std::move(msg)); }
  static Status parse_error(std::string msg) { return Status(ErrorKind::kParse, std::move(msg)); }
  static Status io_error(std::string msg) { return Status(ErrorKind::kIo, std::move(msg)); }
  static Status unsupported(std::string msg) {
    return Status(ErrorKind::kUnsupported, std::move(msg));
  }
  static Status internal(std::string msg) { return Status(ErrorKind::kInternal, std::move(msg)); }

  bool is_ok() const { return kind_ == ErrorKind::kOk; }
  explicit operator bool() const { return is_ok(); }
  ErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }
  // "invalid_argument: period: expected an integer in [2, 100000], got 1"
  std::string to_string() const;

  // Returns a copy whose message is prefixed with `context: `.
  Status with_context(const std::string& context) const;

 private:
  Status(ErrorKind kind, std::string msg) : kind_(kind), message_(std::move(msg)) {}
  ErrorKind kind_ = ErrorKind::kOk;
  std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).is_ok() && "Result built from an Ok status");
  }

  bool is_ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return is_ok(); }

  const Status& status() const {
    static const Status kOk;
    return is_ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace nocode

// Propagates a non-Ok Status from an expression returning Status.
#define NOCODE_RETURN_IF_ERROR(expr)          \
  do {                                        \
    ::nocode::Status nocode_status_ = (expr); \
    if (!nocode_status_.is_ok()) return nocode_status_; \
  } while (0)
