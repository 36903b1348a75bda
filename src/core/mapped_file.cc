#include "core/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace crowdlens {

MappedFile::MappedFile(MappedFile&& other) noexcept
    : address_(std::exchange(other.address_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    if (address_ != nullptr) munmap(address_, size_);
    address_ = std::exchange(other.address_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

MappedFile::~MappedFile() {
  if (address_ != nullptr) munmap(address_, size_);
}

Result<MappedFile> MappedFile::Open(const std::string& path) {
  int descriptor = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) {
    int error = errno;
    std::string message = path + ": " + std::strerror(error);
    if (error == ENOENT) return NotFound(message + " (check the path)");
    return IoError(message);
  }
  struct stat info {};
  if (fstat(descriptor, &info) != 0 || !S_ISREG(info.st_mode)) {
    close(descriptor);
    return IoError(path + ": not a regular file");
  }
  MappedFile file;
  file.size_ = static_cast<size_t>(info.st_size);
  if (file.size_ > 0) {
    void* address = mmap(nullptr, file.size_, PROT_READ, MAP_PRIVATE, descriptor, 0);
    if (address == MAP_FAILED) {
      int error = errno;
      close(descriptor);
      file.size_ = 0;
      return IoError(path + ": cannot map the file: " + std::strerror(error));
    }
    file.address_ = address;
  }
  close(descriptor);
  return file;
}

void MappedFile::AdviseSequential() const {
  if (address_ != nullptr) madvise(address_, size_, MADV_SEQUENTIAL | MADV_WILLNEED);
}

}  // namespace crowdlens
