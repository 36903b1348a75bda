// Input sources: turning the paths a user names into byte buffers to parse.
//
// A path may be a plain file, a .gz or .zst file (recognised by magic bytes,
// not by name), a .zip archive (each member becomes its own source) or a
// directory (walked recursively in name order, hidden entries skipped).
// Buffers are fully decompressed in memory and carry zeroed padding after the
// last byte so that SIMD parsers may read past the end safely.
//
//   auto sources = ExpandInputs({"data/sample"});
//   for (const InputSource& source : *sources) {
//     Result<InputBuffer> buffer = LoadInput(source);
//     ...buffer->view()...
//   }
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace crowdlens {

// Bytes of zeroed padding after every loaded buffer (simdjson needs 64).
inline constexpr size_t kInputPadding = 64;

enum class Compression { kNone, kGzip, kZstd };

struct InputSource {
  std::string name;    // what users see: "a/b.json", "archive.zip!data/tweets.js"
  std::string path;    // the file on disk
  std::string member;  // member name inside a zip archive, empty otherwise
  uint64_t size_on_disk = 0;
  std::string open_error;  // set when the path could not be opened as what it claims (a truncated zip):
                           // LoadInput reports it, so one bad archive fails alone, not the whole import
};

class InputBuffer {
 public:
  InputBuffer() = default;
  InputBuffer(std::unique_ptr<char[]> bytes, size_t size) : bytes_(std::move(bytes)), size_(size) {}

  std::string_view view() const { return {bytes_.get(), size_}; }
  const char* data() const { return bytes_.get(); }
  size_t size() const { return size_; }
  size_t capacity() const { return size_ + kInputPadding; }

  // Copies `text` into a padded buffer (for tests and small documents).
  static InputBuffer FromString(std::string_view text);

 private:
  std::unique_ptr<char[]> bytes_;
  size_t size_ = 0;
};

// Lists the readable sources under `paths`, failing if a path does not exist.
Result<std::vector<InputSource>> ExpandInputs(const std::vector<std::string>& paths);

// Half the machine's physical memory, at most 64 GiB: the most LoadInput will
// hold of one source, since a source is parsed whole in memory.
uint64_t DefaultMaxInputBytes();

// How far LoadInput may go before it refuses a source with a message instead
// of exhausting the machine: a file or inflated stream larger than
// `max_bytes`, or compressed data that inflates past `ratio_applies_above`
// bytes at more than `max_ratio` times its compressed size. Real exports
// inflate 5-30x (JSON of tweets about 10x); deflate's ceiling is about 1030x,
// reached only by runs of one byte, which is how decompression bombs are made.
struct InputLimits {
  uint64_t max_bytes = DefaultMaxInputBytes();
  double max_ratio = 200;
  uint64_t ratio_applies_above = uint64_t{256} << 20;
};

// Reads one source fully, decompressing gzip or zstd content (a zip member
// may itself be gzip or zstd), within `limits`.
Result<InputBuffer> LoadInput(const InputSource& source, const InputLimits& limits = {});

// Detects compression from the first bytes of a file.
Compression DetectCompression(std::string_view first_bytes);

}  // namespace crowdlens
