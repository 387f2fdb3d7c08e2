// mkstemp + write loop + fsync + rename (POSIX).
#include "report/atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace nocode::report {
namespace {

Status fail(const std::string& path, const char* what, int err) {
  return Status::io_error(path + ": " + what + ": " + std::strerror(err));
}

// Writes all bytes, retrying short writes and EINTR.
bool write_all(int fd, std::string_view content) {
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

Status write_file_atomically(const std::string& path, std::string_view content) {
  if (path.empty()) return Status::invalid_argument("report path: expected a file name, got \"\"");
  std::string tmpl = path + ".tmp.XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return fail(path, "cannot create a temporary file", errno);
  const std::string tmp(name.data());
  const char* step = nullptr;
  int err = 0;
  auto check = [&](bool ok, const char* what) {
    if (!ok && step == nullptr) step = what, err = errno;
  };
  check(::fchmod(fd, 0644) == 0, "cannot set permissions");
  if (step == nullptr) check(write_all(fd, content), "cannot write");
  if (step == nullptr) check(::fsync(fd) == 0, "cannot flush to disk");
  check(::close(fd) == 0, "cannot close");
  if (step == nullptr) check(std::rename(tmp.c_str(), path.c_str()) == 0, "cannot rename into place");
  if (step != nullptr) {
    ::unlink(tmp.c_str());
    return fail(path, step, err);
  }
  return Status::ok();
}

}  // namespace nocode::report
