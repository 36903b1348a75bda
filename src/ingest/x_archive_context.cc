#include "ingest/x_archive_context.h"

#include <zip.h>

#include <filesystem>

#include "core/time.h"
#include "ingest/json_fields.h"
#include "ingest/json_records.h"

namespace crowdlens {
namespace {

namespace fs = std::filesystem;

using simdjson::ondemand::json_type;
using simdjson::ondemand::value;

std::string_view BaseName(std::string_view name) {
  size_t cut = name.find_last_of("/!");
  return cut == std::string_view::npos ? name : name.substr(cut + 1);
}

std::string_view SkipBomAndSpace(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  size_t first = bytes.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string_view{} : bytes.substr(first);
}

bool IsDigits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

XArchivePart PartFromKind(std::string_view kind) {
  if (kind == "tweets" || kind == "tweet") return XArchivePart::kTweets;
  if (kind == "follower") return XArchivePart::kFollower;
  if (kind == "following") return XArchivePart::kFollowing;
  if (kind == "account") return XArchivePart::kAccount;
  if (kind == "profile") return XArchivePart::kProfile;
  return XArchivePart::kNotRead;
}

// The file beside `source` named `base`, in the same folder or the same zip folder.
std::optional<std::string> ReadSibling(const InputSource& source, std::string_view base) {
  InputSource sibling;
  if (source.member.empty()) {
    fs::path path = fs::path(source.path).parent_path() / std::string(base);
    std::error_code error;
    if (!fs::is_regular_file(path, error)) return std::nullopt;
    sibling.name = sibling.path = path.string();
  } else {
    size_t slash = source.member.rfind('/');
    std::string folder = slash == std::string::npos ? "" : source.member.substr(0, slash + 1);
    sibling.path = source.path;
    sibling.member = folder + std::string(base);
    sibling.name = source.path + "!" + sibling.member;
  }
  Result<InputBuffer> buffer = LoadInput(sibling);
  if (!buffer.ok()) return std::nullopt;
  return std::string(buffer->view());
}

// Calls `handler` for each record of a small archive file; bad records are dropped here
// (the file is read again, with its own quarantine, when it is imported itself).
void ForEachSiblingRecord(std::string_view name, std::string_view text, const JsonRecordHandler& handler) {
  BatchEmitter discard([](Batch&&) { return Status::Ok(); });
  (void)ForEachJsonRecordInText(name, text, discard, handler);
}

struct Manifest {
  std::optional<XArchiveOwner> owner;
  std::optional<int64_t> generated_at;
};

Manifest ReadManifest(const InputSource& source) {
  Manifest manifest;
  std::optional<std::string> text = ReadSibling(source, "manifest.js");
  if (!text) return manifest;
  ForEachSiblingRecord("manifest.js", *text, [&](value record, const JsonRecordPosition&) {
    if (record.type() != json_type::object) return;
    for (auto field : record.get_object()) {
      std::string_view key = field.unescaped_key();
      value section = field.value();
      if (section.type() != json_type::object) continue;
      if (key == "userInfo") {
        XArchiveOwner owner;
        for (auto part : section.get_object()) {
          std::string_view part_key = part.unescaped_key();
          if (part_key == "accountId") owner.platform_id = json::Id(part.value()).value_or("");
          else if (part_key == "userName") owner.handle = json::String(part.value()).value_or("");
        }
        if (!owner.platform_id.empty()) manifest.owner = owner;
      } else if (key == "archiveInfo") {
        for (auto part : section.get_object()) {
          if (part.unescaped_key().value() != "generationDate") continue;
          if (auto date = json::String(part.value())) manifest.generated_at = ParseTimestamp(*date);
        }
      }
    }
  });
  return manifest;
}

std::optional<Account> ReadSiblingEntry(const InputSource& source, std::string_view base, std::string_view wrapper,
                                        int64_t observed_at) {
  std::optional<std::string> text = ReadSibling(source, base);
  if (!text) return std::nullopt;
  std::optional<Account> found;
  ForEachSiblingRecord(base, *text, [&](value record, const JsonRecordPosition&) {
    if (found || record.type() != json_type::object) return;
    for (auto field : record.get_object()) {
      if (field.unescaped_key().value() != wrapper) continue;
      found = wrapper == "account" ? ReadXArchiveAccount(field.value(), observed_at)
                                   : ReadXArchiveProfile(field.value(), observed_at);
      return;
    }
  });
  return found;
}

Account EmptyProfile(int64_t observed_at) {
  Account account;
  account.platform = "twitter";
  account.observed_at = observed_at;
  account.has_profile = true;
  return account;
}

// --of HANDLE names the owner by handle, --of "#USER_ID" by id (as for id pages).
std::optional<XArchiveOwner> OwnerFromOption(const ReadOptions& options) {
  std::string named = options.ids_owner;
  if (named.empty()) return std::nullopt;
  if (named[0] == '#') return XArchiveOwner{.platform_id = named.substr(1), .handle = ""};
  if (named[0] == '@') named.erase(0, 1);
  if (named.empty()) return std::nullopt;
  return XArchiveOwner{.platform_id = "@" + json::AsciiLower(named), .handle = named};
}

std::optional<int64_t> ZipMemberTime(const InputSource& source) {
  int error = 0;
  zip_t* archive = zip_open(source.path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) return std::nullopt;
  zip_stat_t stat;
  zip_stat_init(&stat);
  std::optional<int64_t> time;
  if (zip_stat(archive, source.member.c_str(), 0, &stat) == 0 && (stat.valid & ZIP_STAT_MTIME) != 0) {
    time = static_cast<int64_t>(stat.mtime);
  }
  zip_close(archive);
  return time;
}

}  // namespace

bool IsInArchiveDataFolder(std::string_view name) {
  std::string_view base = BaseName(name);
  std::string_view folder = name.substr(0, name.size() - base.size());
  if (folder.empty()) return false;
  folder.remove_suffix(1);  // the '/' or '!' before the base name
  return BaseName(folder) == "data";
}

XArchivePart XArchivePartFromName(std::string_view name) {
  std::string_view stem = BaseName(name);
  if (!stem.ends_with(".js")) return XArchivePart::kNotRead;
  stem.remove_suffix(3);
  if (stem == "manifest") return XArchivePart::kManifest;
  // Large archives split a part: tweets-part1.js, tweets-part2.js, ...
  size_t split = stem.rfind("-part");
  if (split != std::string_view::npos && IsDigits(stem.substr(split + 5))) stem = stem.substr(0, split);
  return PartFromKind(stem);
}

Result<XArchivePart> IdentifyXArchivePart(std::string_view name, std::string_view bytes) {
  std::string_view body = SkipBomAndSpace(bytes);
  std::string display(name);
  if (body.empty() || body[0] == '[' || body[0] == '{') {
    XArchivePart part = XArchivePartFromName(name);
    if (part == XArchivePart::kNotRead) {
      return Unsupported(display + ": not a part of the X archive crowdlens reads (tweets, follower, following, "
                                   "account, profile); never imported");
    }
    return part;
  }
  if (body.starts_with("window.__THAR_CONFIG")) return XArchivePart::kManifest;
  std::string_view first_line = body.substr(0, std::min(body.find('\n'), size_t{60}));
  Status wrong_prefix = DataError(display + ": starts with \"" + std::string(first_line) +
                                  "\" where an X archive file starts with \"window.YTD.<part>.part0 = [\"; "
                                  "re-download the archive or restore the file's first line");
  constexpr std::string_view kPrefix = "window.YTD.";
  if (!body.starts_with(kPrefix)) return wrong_prefix;
  std::string_view rest = body.substr(kPrefix.size());
  size_t equals = rest.find('=');
  if (equals == std::string_view::npos) return wrong_prefix;
  std::string_view target = json::Trim(rest.substr(0, equals));  // "tweets.part0"
  size_t dot = target.rfind(".part");
  if (dot == std::string_view::npos || !IsDigits(target.substr(dot + 5))) return wrong_prefix;
  std::string kind(target.substr(0, dot));
  XArchivePart part = PartFromKind(kind);
  if (part == XArchivePart::kNotRead) {
    return Unsupported(display + ": the X archive's \"" + kind +
                       "\" part is private or not social data; never imported");
  }
  std::string_view value = SkipBomAndSpace(rest.substr(equals + 1));
  if (value.empty() || value[0] != '[') {
    return DataError(display + ": the assignment to window.YTD." + std::string(target) +
                     " is not followed by an array ('['); re-download the archive");
  }
  return part;
}

Account ReadXArchiveAccount(value entry, int64_t observed_at) {
  if (entry.type() != json_type::object) throw RecordError("an account entry that is not an object");
  Account account = EmptyProfile(observed_at);
  for (auto part : entry.get_object()) {
    std::string_view key = part.unescaped_key();
    // "email" and "createdVia" are skipped unread: the owner's address never leaves the archive.
    if (key == "accountId") {
      account.platform_id = json::Id(part.value()).value_or("");
    } else if (key == "username") {
      account.handle = json::String(part.value()).value_or("");
    } else if (key == "accountDisplayName") {
      account.name = json::String(part.value());
    } else if (key == "createdAt") {
      if (auto text = json::String(part.value())) account.created_at = ParseTimestamp(*text);
    }
  }
  if (account.platform_id.empty()) throw RecordError("an account entry without an accountId");
  return account;
}

Account ReadXArchiveProfile(value entry, int64_t observed_at) {
  if (entry.type() != json_type::object) throw RecordError("a profile entry that is not an object");
  Account profile = EmptyProfile(observed_at);
  for (auto part : entry.get_object()) {
    if (part.unescaped_key().value() != "description") continue;
    value description = part.value();
    if (description.type() != json_type::object) continue;
    for (auto field : description.get_object()) {
      std::string_view key = field.unescaped_key();
      if (key == "bio") profile.bio = json::String(field.value());
      else if (key == "website") profile.url = json::String(field.value());
      else if (key == "location") profile.location = json::String(field.value());
    }
  }
  return profile;
}

void CompleteXArchiveProfile(Account& profile, const Account& other) {
  if (!profile.name) profile.name = other.name;
  if (!profile.bio) profile.bio = other.bio;
  if (!profile.location) profile.location = other.location;
  if (!profile.url) profile.url = other.url;
  if (!profile.created_at) profile.created_at = other.created_at;
}

XArchiveContext LoadXArchiveContext(const InputSource& source, const ReadOptions& options) {
  XArchiveContext context;
  Manifest manifest = ReadManifest(source);
  std::optional<int64_t> member_time;
  if (!manifest.generated_at && !source.member.empty()) member_time = ZipMemberTime(source);
  context.observed_at = manifest.generated_at.value_or(member_time.value_or(options.import_time));

  std::optional<Account> account = ReadSiblingEntry(source, "account.js", "account", context.observed_at);
  if (account) context.owner = XArchiveOwner{.platform_id = account->platform_id, .handle = account->handle};
  if (!context.owner) context.owner = manifest.owner;
  if (!context.owner) context.owner = OwnerFromOption(options);
  if (!context.owner) {
    context.missing_owner_reason =
        "the X archive has no data/account.js beside this file to name its owner; keep account.js with the "
        "archive or import it with --of HANDLE (the archive's account)";
    return context;
  }
  context.owner_profile = account ? *account : EmptyProfile(context.observed_at);
  context.owner_profile.platform_id = context.owner->platform_id;
  context.owner_profile.handle = context.owner->handle;
  std::optional<Account> profile = ReadSiblingEntry(source, "profile.js", "profile", context.observed_at);
  if (profile) CompleteXArchiveProfile(context.owner_profile, *profile);
  return context;
}

}  // namespace crowdlens
