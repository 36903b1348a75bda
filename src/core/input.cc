#include "core/input.h"

#include <zip.h>
#include <zlib.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

namespace crowdlens {
namespace {

namespace fs = std::filesystem;

InputBuffer MakeBuffer(std::string&& bytes) {
  auto storage = std::make_unique_for_overwrite<char[]>(bytes.size() + kInputPadding);
  std::memcpy(storage.get(), bytes.data(), bytes.size());
  std::memset(storage.get() + bytes.size(), 0, kInputPadding);
  return InputBuffer(std::move(storage), bytes.size());
}

// Reads a plain file straight into a padded buffer (no zero-fill, one copy).
Result<InputBuffer> ReadPaddedFile(const std::string& path, const InputLimits& limits) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return IoError("cannot open " + path + ": " + std::strerror(errno));
  stream.seekg(0, std::ios::end);
  std::streamoff size = stream.tellg();
  stream.seekg(0, std::ios::beg);
  if (size < 0) return IoError("cannot read " + path);
  if (static_cast<uint64_t>(size) > limits.max_bytes) {
    return DataError(path + ": " + std::to_string(size) + " bytes is more than the " + std::to_string(limits.max_bytes) +
                     " this machine can hold of one input; split the file and import the parts");
  }
  auto storage = std::make_unique_for_overwrite<char[]>(static_cast<size_t>(size) + kInputPadding);
  if (size > 0 && !stream.read(storage.get(), size)) return IoError("cannot read " + path);
  std::memset(storage.get() + size, 0, kInputPadding);
  return InputBuffer(std::move(storage), static_cast<size_t>(size));
}

// Refuses an inflated size beyond the limits, naming why: too large for the
// machine, or inflated so far beyond its compressed size that it is a bomb.
Status CheckInflated(uint64_t inflated, uint64_t compressed, const InputLimits& limits, const std::string& name) {
  if (inflated > limits.max_bytes) {
    return DataError(name + ": inflates to more than " + std::to_string(limits.max_bytes) +
                     " bytes, more than this machine can hold of one input; unpack it, split it and import the parts");
  }
  if (inflated > limits.ratio_applies_above &&
      static_cast<double>(inflated) > limits.max_ratio * static_cast<double>(std::max<uint64_t>(compressed, 1))) {
    return DataError(name + ": inflates more than " + std::to_string(static_cast<int64_t>(limits.max_ratio)) +
                     " times its compressed size of " + std::to_string(compressed) +
                     " bytes, as decompression bombs do and real exports never do; not imported");
  }
  return Status::Ok();
}

Result<std::string> Gunzip(std::string_view compressed, const std::string& name, const InputLimits& limits) {
  std::string out;
  z_stream stream{};
  // 16 + MAX_WBITS: expect a gzip header. Members are decoded one after another.
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) return IoError("zlib could not start");
  // avail_in is 32 bits wide: feed inputs past 4 GiB in slices.
  constexpr size_t kSlice = std::numeric_limits<uInt>::max();
  size_t fed = std::min(compressed.size(), kSlice);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(fed);
  std::string chunk(1 << 18, '\0');
  while (true) {
    if (stream.avail_in == 0 && fed < compressed.size()) {
      size_t next = std::min(compressed.size() - fed, kSlice);
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + fed));
      stream.avail_in = static_cast<uInt>(next);
      fed += next;
    }
    stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
    stream.avail_out = static_cast<uInt>(chunk.size());
    int code = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk.data(), chunk.size() - stream.avail_out);
    if (Status within = CheckInflated(out.size(), compressed.size(), limits, name); !within.ok()) {
      inflateEnd(&stream);
      return within;
    }
    if (code == Z_STREAM_END) {
      if (stream.avail_in == 0 && fed == compressed.size()) break;
      inflateReset(&stream);  // another gzip member follows
      continue;
    }
    if (code != Z_OK) {
      inflateEnd(&stream);
      return DataError(name + ": the gzip data is corrupt or truncated after " + std::to_string(out.size()) +
                       " bytes (" + (stream.msg ? stream.msg : "unexpected end") + "); re-download or re-compress the file");
    }
    if (stream.avail_in == 0 && fed == compressed.size() && stream.avail_out != 0) {
      inflateEnd(&stream);
      return DataError(name + ": the gzip data is truncated after " + std::to_string(out.size()) +
                       " bytes; re-download or re-compress the file");
    }
  }
  inflateEnd(&stream);
  return out;
}

Result<std::string> Unzstd(std::string_view compressed, const std::string& name, const InputLimits& limits) {
  std::string out;
  ZSTD_DStream* stream = ZSTD_createDStream();
  ZSTD_initDStream(stream);
  ZSTD_inBuffer input{compressed.data(), compressed.size(), 0};
  std::string chunk(ZSTD_DStreamOutSize(), '\0');
  size_t last = 0;
  while (input.pos < input.size) {
    ZSTD_outBuffer output{chunk.data(), chunk.size(), 0};
    last = ZSTD_decompressStream(stream, &output, &input);
    if (ZSTD_isError(last)) {
      ZSTD_freeDStream(stream);
      return DataError(name + ": the zstd data is corrupt (" + ZSTD_getErrorName(last) + "); re-download or re-compress the file");
    }
    out.append(chunk.data(), output.pos);
    if (Status within = CheckInflated(out.size(), compressed.size(), limits, name); !within.ok()) {
      ZSTD_freeDStream(stream);
      return within;
    }
  }
  ZSTD_freeDStream(stream);
  if (last != 0) return DataError(name + ": the zstd data is truncated; re-download or re-compress the file");
  return out;
}

bool IsZip(const std::string& path) {
  std::ifstream stream(path, std::ios::binary);
  char magic[4] = {};
  stream.read(magic, 4);
  return stream.gcount() == 4 && std::memcmp(magic, "PK\x03\x04", 4) == 0;
}

bool IsHidden(const fs::path& path) {
  std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

Status AddZipMembers(const std::string& path, std::vector<InputSource>& out) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_error_t zip_error;
    zip_error_init_with_code(&zip_error, error);
    std::string message = path + ": not a readable zip archive (" + zip_error_strerror(&zip_error) +
                          "); re-download it or unpack it and import the folder";
    zip_error_fini(&zip_error);
    return DataError(message);
  }
  std::vector<InputSource> members;
  zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t index = 0; index < count; ++index) {
    zip_stat_t stat;
    if (zip_stat_index(archive, index, 0, &stat) != 0 || stat.name == nullptr) continue;
    std::string member = stat.name;
    if (member.empty() || member.back() == '/') continue;  // a folder entry
    std::string base = fs::path(member).filename().string();
    if (base.empty() || base[0] == '.' || member.starts_with("__MACOSX/")) continue;
    members.push_back({.name = path + "!" + member, .path = path, .member = member, .size_on_disk = stat.comp_size});
  }
  zip_close(archive);
  std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.member < b.member; });
  out.insert(out.end(), members.begin(), members.end());
  return Status::Ok();
}

// A zip that cannot be opened becomes one source that fails when loaded.
void AddZipOrBrokenArchive(const std::string& path, std::vector<InputSource>& out) {
  Status status = AddZipMembers(path, out);
  if (status.ok()) return;
  std::error_code ignored;
  out.push_back({.name = path, .path = path, .member = {}, .size_on_disk = static_cast<uint64_t>(fs::file_size(path, ignored)),
                 .open_error = status.message()});
}

Result<std::string> ReadZipMember(const InputSource& source, const InputLimits& limits) {
  int error = 0;
  zip_t* archive = zip_open(source.path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) return DataError(source.path + ": not a readable zip archive");
  zip_stat_t stat;
  if (zip_stat(archive, source.member.c_str(), 0, &stat) != 0) {
    zip_close(archive);
    return NotFound(source.name + ": member not found in the archive");
  }
  if (Status within = CheckInflated(stat.size, stat.comp_size, limits, source.name); !within.ok()) {
    zip_close(archive);
    return within;
  }
  zip_file_t* file = zip_fopen(archive, source.member.c_str(), 0);
  if (file == nullptr) {
    std::string message = source.name + ": cannot open member (" + zip_strerror(archive) + ")";
    zip_close(archive);
    return DataError(message);
  }
  std::string bytes(stat.size, '\0');
  zip_int64_t got = stat.size == 0 ? 0 : zip_fread(file, bytes.data(), stat.size);
  zip_fclose(file);
  zip_close(archive);
  if (got < 0 || static_cast<uint64_t>(got) != stat.size) {
    return DataError(source.name + ": the member is corrupt or truncated; re-download the archive");
  }
  return bytes;
}

}  // namespace

InputBuffer InputBuffer::FromString(std::string_view text) { return MakeBuffer(std::string(text)); }

Compression DetectCompression(std::string_view first_bytes) {
  if (first_bytes.size() >= 2 && static_cast<unsigned char>(first_bytes[0]) == 0x1f &&
      static_cast<unsigned char>(first_bytes[1]) == 0x8b) {
    return Compression::kGzip;
  }
  if (first_bytes.size() >= 4 && std::memcmp(first_bytes.data(), "\x28\xb5\x2f\xfd", 4) == 0) {
    return Compression::kZstd;
  }
  return Compression::kNone;
}

Result<std::vector<InputSource>> ExpandInputs(const std::vector<std::string>& paths) {
  std::vector<InputSource> sources;
  for (const std::string& path : paths) {
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      return NotFound(path + ": no such file or folder; check the path");
    }
    if (fs::is_directory(status)) {
      std::vector<fs::path> files;
      fs::recursive_directory_iterator walker(path, fs::directory_options::skip_permission_denied, error);
      if (error) return IoError(path + ": cannot list the folder: " + error.message());
      for (auto entry = fs::begin(walker); entry != fs::end(walker); entry.increment(error)) {
        if (error) return IoError(path + ": cannot list the folder: " + error.message());
        if (IsHidden(entry->path())) {
          if (entry->is_directory()) entry.disable_recursion_pending();
          continue;
        }
        if (entry->is_regular_file()) files.push_back(entry->path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) {
        if (IsZip(file.string())) {
          AddZipOrBrokenArchive(file.string(), sources);
        } else {
          sources.push_back({.name = file.string(), .path = file.string(), .member = {},
                             .size_on_disk = static_cast<uint64_t>(fs::file_size(file, error))});
        }
      }
    } else if (IsZip(path)) {
      AddZipOrBrokenArchive(path, sources);
    } else {
      sources.push_back({.name = path, .path = path, .member = {}, .size_on_disk = static_cast<uint64_t>(fs::file_size(path, error))});
    }
  }
  return sources;
}

uint64_t DefaultMaxInputBytes() {
  long pages = sysconf(_SC_PHYS_PAGES);
  long page_size = sysconf(_SC_PAGE_SIZE);
  constexpr uint64_t kCeiling = uint64_t{64} << 30;
  if (pages <= 0 || page_size <= 0) return kCeiling;
  return std::min(kCeiling, static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size) / 2);
}

Result<InputBuffer> LoadInput(const InputSource& source, const InputLimits& limits) {
  if (!source.open_error.empty()) return DataError(source.open_error);
  std::string raw;
  if (source.member.empty()) {
    Result<InputBuffer> plain = ReadPaddedFile(source.path, limits);
    if (!plain.ok() || DetectCompression(plain->view().substr(0, 4)) == Compression::kNone) return plain;
    raw.assign(plain->view());
  } else {
    Result<std::string> member = ReadZipMember(source, limits);
    if (!member.ok()) return member.status();
    raw = std::move(member).value();
  }
  switch (DetectCompression(raw)) {
    case Compression::kGzip: {
      Result<std::string> plain = Gunzip(raw, source.name, limits);
      if (!plain.ok()) return plain.status();
      return MakeBuffer(std::move(plain).value());
    }
    case Compression::kZstd: {
      Result<std::string> plain = Unzstd(raw, source.name, limits);
      if (!plain.ok()) return plain.status();
      return MakeBuffer(std::move(plain).value());
    }
    case Compression::kNone:
      break;
  }
  return MakeBuffer(std::move(raw));
}

}  // namespace crowdlens
