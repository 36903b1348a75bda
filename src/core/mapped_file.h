// MappedFile: a whole file mapped read-only into memory, unmapped on
// destruction. Large inputs (edge lists, binary graph files) are read through
// the page cache instead of being copied into the heap.
//
//   Result<MappedFile> file = MappedFile::Open("graph.clg");
//   std::string_view bytes = file->view();
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace crowdlens {

class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  // kNotFound for a missing file, kIoError when it cannot be read or mapped.
  // An empty file maps to an empty view.
  static Result<MappedFile> Open(const std::string& path);

  const char* data() const { return static_cast<const char*>(address_); }
  size_t size() const { return size_; }
  std::string_view view() const { return {data(), size_}; }

  // Tells the kernel the file will be read front to back (read-ahead).
  void AdviseSequential() const;

 private:
  void* address_ = nullptr;
  size_t size_ = 0;
};

}  // namespace crowdlens
