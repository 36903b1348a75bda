#include "stream/cursor_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace crowdlens::stream {

Result<std::optional<int64_t>> ReadCursor(const std::string& path) {
  std::ifstream file(path);
  if (!file) {
    if (errno == ENOENT) return std::optional<int64_t>();
    return IoError("cannot read cursor file " + path + ": " + std::strerror(errno));
  }
  std::stringstream text;
  text << file.rdbuf();
  std::string content = text.str();
  while (!content.empty() && (content.back() == '\n' || content.back() == ' ')) content.pop_back();
  char* end = nullptr;
  long long value = std::strtoll(content.c_str(), &end, 10);
  if (content.empty() || end == nullptr || *end != '\0' || value < 0) {
    return DataError("cursor file " + path + " does not hold a time_us number (\"" + content.substr(0, 40) +
                     "\"); delete it to start from the live end of the stream");
  }
  return std::optional<int64_t>(value);
}

Status SaveCursor(const std::string& path, int64_t time_us) {
  std::string temporary = path + ".tmp";
  int descriptor = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (descriptor < 0) return IoError("cannot write cursor file " + temporary + ": " + std::strerror(errno));
  std::string text = std::to_string(time_us) + "\n";
  bool written = ::write(descriptor, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  written = ::fsync(descriptor) == 0 && written;
  ::close(descriptor);
  if (!written || std::rename(temporary.c_str(), path.c_str()) != 0) {
    return IoError("cannot save cursor file " + path + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

}  // namespace crowdlens::stream
