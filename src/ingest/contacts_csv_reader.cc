#include "ingest/contacts_csv_reader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <vector>

#include "core/time.h"
#include "ingest/csv.h"

namespace crowdlens {
namespace {

// LinkedIn's preamble is three lines today; leave room for a longer one.
constexpr int kMaxPreambleRecords = 12;

char LowerChar(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = LowerChar(c);
  return out;
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t index = 0; index < prefix.size(); ++index) {
    if (LowerChar(text[index]) != LowerChar(prefix[index])) return false;
  }
  return true;
}

// True when `host` is `domain` or one of its subdomains.
bool HostIs(std::string_view host, std::string_view domain) {
  return host == domain ||
         (host.size() > domain.size() && host.ends_with(domain) && host[host.size() - domain.size() - 1] == '.');
}

void AppendUtf8(std::string& out, uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = LowerChar(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// %XX escapes decoded, when what they decode to is UTF-8; `text` unchanged otherwise.
std::string PercentDecode(std::string_view text) {
  std::string out;
  for (size_t index = 0; index < text.size(); ++index) {
    if (text[index] == '%' && index + 2 < text.size() && HexValue(text[index + 1]) >= 0 &&
        HexValue(text[index + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[index + 1]) * 16 + HexValue(text[index + 2]));
      index += 2;
    } else {
      out += text[index];
    }
  }
  return IsValidUtf8(out) ? out : std::string(text);
}

bool IsTwitterHandle(std::string_view handle) {
  if (handle.empty() || handle.size() > 15) return false;
  return std::all_of(handle.begin(), handle.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Paths on twitter.com / x.com that are pages, not accounts.
bool IsTwitterPage(std::string_view segment) {
  static constexpr std::array<std::string_view, 16> kPages = {
      "home",          "i",     "intent", "share", "search",  "hashtag", "explore", "settings", "messages",
      "notifications", "login", "signup", "tos",   "privacy", "about",   "compose"};
  std::string lower = LowerAscii(segment);
  return std::find(kPages.begin(), kPages.end(), lower) != kPages.end();
}

// Sites whose https://<host>/@name links are their own accounts, not the fediverse.
bool IsNonFediverseHost(std::string_view host) {
  for (std::string_view site : {"medium.com", "youtube.com", "tiktok.com", "threads.net", "threads.com", "substack.com",
                                "twitter.com", "x.com"}) {
    if (HostIs(host, site)) return true;
  }
  return false;
}

bool IsFediverseUser(std::string_view user) {
  return !user.empty() && std::all_of(user.begin(), user.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-' || c == '@';
  });
}

std::string CollapseLower(std::string_view text) {
  std::string out;
  for (char c : TrimSpace(text)) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += LowerChar(c);
    }
  }
  return out;
}

std::optional<std::string> NonEmpty(std::string text) {
  if (text.empty()) return std::nullopt;
  return text;
}

// "Leeds, England, UK": the non-empty parts joined.
std::optional<std::string> JoinLocation(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += ", ";
    out += part;
  }
  return NonEmpty(std::move(out));
}

// Google puts several values of one kind in a cell, separated by " ::: ".
std::vector<std::string> SplitValues(std::string_view cell) {
  std::vector<std::string> values;
  constexpr std::string_view kSeparator = " ::: ";
  while (true) {
    size_t at = cell.find(kSeparator);
    std::string_view value = TrimSpace(cell.substr(0, at));
    if (!value.empty()) values.emplace_back(value);
    if (at == std::string_view::npos) break;
    cell.remove_prefix(at + kSeparator.size());
  }
  return values;
}

std::string FirstValue(std::string_view cell) {
  std::vector<std::string> values = SplitValues(cell);
  return values.empty() ? std::string() : values.front();
}

void AddUnique(std::vector<std::string>& values, std::string value) {
  if (value.empty() || std::find(values.begin(), values.end(), value) != values.end()) return;
  values.push_back(std::move(value));
}

// LinkedIn writes "26 Nov 2024"; an ISO "2024-11-26" is taken too. UTC midnight.
std::optional<int64_t> ParseConnectedOn(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
  auto number = [](std::string_view digits, int& value) {
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return error == std::errc() && end == digits.data() + digits.size();
  };
  int year = 0, month = 0, day = 0;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (!number(text.substr(0, 4), year) || !number(text.substr(5, 2), month) || !number(text.substr(8, 2), day)) {
      return std::nullopt;
    }
  } else {
    size_t first_space = text.find(' ');
    size_t last_space = text.rfind(' ');
    if (first_space == std::string_view::npos || first_space == last_space) return std::nullopt;
    std::string month_name = LowerAscii(TrimSpace(text.substr(first_space + 1, last_space - first_space - 1)));
    if (month_name.size() < 3) return std::nullopt;
    auto found = std::find(kMonths.begin(), kMonths.end(), std::string_view(month_name).substr(0, 3));
    if (found == kMonths.end()) return std::nullopt;
    month = static_cast<int>(found - kMonths.begin()) + 1;
    if (!number(text.substr(0, first_space), day) || !number(text.substr(last_space + 1), year)) return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900) return std::nullopt;
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400;
}

ContactsCsvLayout LayoutOfHeader(const CsvHeader& header) {
  if (header.Find("First Name") && header.Find("Connected On")) return ContactsCsvLayout::kLinkedIn;
  if (header.FindAny({"E-mail 1 - Value", "Phone 1 - Value", "Website 1 - Value"}) &&
      header.FindAny({"Name", "Given Name", "First Name"})) {
    return ContactsCsvLayout::kGoogle;
  }
  if (header.Find("First Name") && header.Find("Last Name") &&
      header.FindAny({"E-mail Address", "Job Title", "Business Phone", "Mobile Phone"})) {
    return ContactsCsvLayout::kOutlook;
  }
  return ContactsCsvLayout::kNone;
}

// Reads records up to and including the header, past a LinkedIn "Notes:"
// preamble; kNone when the text does not open with a contacts header.
ContactsCsvLayout FindHeader(CsvReader& reader, CsvHeader& header) {
  CsvRecord record;
  for (int records = 0; records < kMaxPreambleRecords && reader.Next(record); ++records) {
    if (record.error.empty()) {
      CsvHeader candidate(record.fields);
      ContactsCsvLayout layout = LayoutOfHeader(candidate);
      if (layout != ContactsCsvLayout::kNone) {
        header = std::move(candidate);
        return layout;
      }
    }
    if (records == 0 && !StartsWithIgnoreCase(record.raw, "Notes")) break;
  }
  return ContactsCsvLayout::kNone;
}

// One data row, its cells trimmed and (when not UTF-8) read as Windows-1252,
// which is what Outlook on Windows writes.
class Row {
 public:
  Row(const CsvHeader& header, const CsvRecord& record) : header_(header), record_(record) {}

  bool Has(std::string_view column) const { return header_.Find(column).has_value(); }
  std::string Get(std::string_view column) const {
    std::string_view cell = TrimSpace(header_.Get(record_, column));
    return IsValidUtf8(cell) ? std::string(cell) : Windows1252ToUtf8(cell);
  }
  std::string GetAny(std::initializer_list<std::string_view> columns) const {
    std::optional<size_t> index = header_.FindAny(columns);
    if (!index || *index >= record_.fields.size()) return {};
    std::string_view cell = TrimSpace(record_.fields[*index]);
    return IsValidUtf8(cell) ? std::string(cell) : Windows1252ToUtf8(cell);
  }
  bool Blank() const {
    return std::all_of(record_.fields.begin(), record_.fields.end(),
                       [](const std::string& field) { return TrimSpace(field).empty(); });
  }

 private:
  const CsvHeader& header_;
  const CsvRecord& record_;
};

void SetNames(Contact& contact, std::string given, std::string family, std::string full_name) {
  contact.name = full_name.empty() ? JoinName(given, family) : std::move(full_name);
  contact.given_name = NonEmpty(std::move(given));
  contact.family_name = NonEmpty(std::move(family));
}

Contact FromLinkedIn(const Row& row) {
  Contact contact;
  contact.source = "linkedin";
  SetNames(contact, row.Get("First Name"), row.Get("Last Name"), "");
  AddContactEmail(contact, row.Get("Email Address"));
  AddContactUrl(contact, row.Get("URL"));
  contact.company = NonEmpty(row.Get("Company"));
  contact.title = NonEmpty(row.Get("Position"));
  contact.connected_on = ParseConnectedOn(row.Get("Connected On"));
  for (const SocialHandle& handle : contact.handles) {
    if (handle.platform == "linkedin") {
      contact.source_id = handle.handle;
      break;
    }
  }
  return contact;
}

// Columns numbered from 1 ("E-mail 1 - Value", "E-mail 2 - Value", ...) until one is missing.
template <typename OnValue>
void ForEachNumbered(const Row& row, std::string_view prefix, std::string_view suffix, OnValue on_value) {
  for (int number = 1;; ++number) {
    std::string column = std::string(prefix) + std::to_string(number) + std::string(suffix);
    if (!row.Has(column)) break;
    for (std::string& value : SplitValues(row.Get(column))) on_value(std::move(value));
  }
}

Contact FromGoogle(const Row& row) {
  Contact contact;
  contact.source = "google";
  SetNames(contact, row.GetAny({"Given Name", "First Name"}), row.GetAny({"Family Name", "Last Name"}),
           row.Get("Name"));
  ForEachNumbered(row, "E-mail ", " - Value", [&](std::string value) { AddContactEmail(contact, value); });
  ForEachNumbered(row, "Phone ", " - Value", [&](std::string value) { AddUnique(contact.phones, std::move(value)); });
  contact.company = NonEmpty(row.GetAny({"Organization 1 - Name", "Organization Name"}));
  contact.title = NonEmpty(row.GetAny({"Organization 1 - Title", "Organization Title"}));
  contact.location = JoinLocation({FirstValue(row.Get("Address 1 - City")), FirstValue(row.Get("Address 1 - Region")),
                                   FirstValue(row.Get("Address 1 - Country"))});
  ForEachNumbered(row, "Website ", " - Value", [&](std::string value) { AddContactUrl(contact, value); });
  return contact;
}

Contact FromOutlook(const Row& row) {
  Contact contact;
  contact.source = "outlook";
  // Outlook's "Title" is the honorific (Dr, Ms); the role is "Job Title".
  SetNames(contact, row.Get("First Name"), row.Get("Last Name"), "");
  for (std::string_view column : {"E-mail Address", "E-mail 2 Address", "E-mail 3 Address"}) {
    AddContactEmail(contact, row.Get(column));
  }
  for (std::string_view column : {"Mobile Phone", "Business Phone", "Business Phone 2", "Home Phone", "Home Phone 2",
                                  "Primary Phone", "Company Main Phone", "Other Phone", "Car Phone"}) {
    AddUnique(contact.phones, row.Get(column));
  }
  contact.company = NonEmpty(row.Get("Company"));
  contact.title = NonEmpty(row.Get("Job Title"));
  for (std::string_view place : {"Business", "Home", "Other"}) {
    std::string prefix(place);
    contact.location =
        JoinLocation({row.Get(prefix + " City"), row.Get(prefix + " State"), row.Get(prefix + " Country/Region")});
    if (contact.location) break;
  }
  for (std::string_view column : {"Web Page", "Personal Web Page"}) AddContactUrl(contact, row.Get(column));
  return contact;
}

}  // namespace

std::string_view TrimSpace(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(start, end - start + 1);
}

bool IsValidUtf8(std::string_view text) {
  size_t index = 0;
  while (index < text.size()) {
    unsigned char lead = static_cast<unsigned char>(text[index]);
    if (lead < 0x80) {
      ++index;
      continue;
    }
    size_t length = 0;
    uint32_t code_point = 0, minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
      length = 2, code_point = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3, code_point = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4, code_point = lead & 0x07, minimum = 0x10000;
    } else {
      return false;
    }
    if (index + length > text.size()) return false;
    for (size_t offset = 1; offset < length; ++offset) {
      unsigned char next = static_cast<unsigned char>(text[index + offset]);
      if ((next & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    if (code_point < minimum || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return false;
    index += length;
  }
  return true;
}

std::string Windows1252ToUtf8(std::string_view text) {
  // 0x80-0x9F are printable in Windows-1252; the five it leaves undefined map to the C1 controls.
  static constexpr std::array<uint16_t, 32> kHigh = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                     0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                                     0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                     0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    AppendUtf8(out, byte >= 0x80 && byte < 0xA0 ? kHigh[byte - 0x80] : byte);
  }
  return out;
}

std::string JoinName(std::string_view given, std::string_view family) {
  given = TrimSpace(given);
  family = TrimSpace(family);
  if (given.empty()) return std::string(family);
  if (family.empty()) return std::string(given);
  return std::string(given) + " " + std::string(family);
}

std::optional<SocialHandle> SocialHandleFromUrl(std::string_view url) {
  std::string_view rest = TrimSpace(url);
  for (std::string_view scheme : {"https://", "http://"}) {
    if (StartsWithIgnoreCase(rest, scheme)) {
      rest.remove_prefix(scheme.size());
      break;
    }
  }
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string host = LowerAscii(rest.substr(0, std::min(slash, rest.find(':'))));
  std::string_view path = rest.substr(slash + 1);
  path = path.substr(0, path.find_first_of("?#"));
  std::string_view first = path.substr(0, path.find('/'));
  std::string_view second = path.size() > first.size() ? path.substr(first.size() + 1) : std::string_view();
  second = second.substr(0, second.find('/'));
  std::string_view bare_host = host;
  for (std::string_view prefix : {"www.", "mobile.", "m."}) {
    if (bare_host.starts_with(prefix)) bare_host.remove_prefix(prefix.size());
  }

  if (bare_host == "twitter.com" || bare_host == "x.com") {
    if (first.starts_with('@')) first.remove_prefix(1);
    if (!IsTwitterHandle(first) || IsTwitterPage(first)) return std::nullopt;
    return SocialHandle{.platform = "twitter", .handle = std::string(first)};
  }
  if (HostIs(bare_host, "linkedin.com")) {
    if (first != "in" || second.empty()) return std::nullopt;
    return SocialHandle{.platform = "linkedin", .handle = PercentDecode(second)};
  }
  if (bare_host == "bsky.app") {
    if (first != "profile" || second.empty()) return std::nullopt;
    return SocialHandle{.platform = "bluesky", .handle = std::string(second)};
  }
  if (first.size() > 1 && first[0] == '@' && host.find('.') != std::string::npos && !IsNonFediverseHost(bare_host)) {
    std::string_view user = first.substr(1);
    if (!IsFediverseUser(user)) return std::nullopt;
    // https://host/@user@other.example is how a server shows a remote account.
    std::string handle = user.find('@') == std::string_view::npos ? std::string(user) + "@" + host : std::string(user);
    return SocialHandle{.platform = "mastodon", .handle = std::move(handle)};
  }
  return std::nullopt;
}

std::optional<std::string> NormaliseEmail(std::string_view text) {
  text = TrimSpace(text);
  if (StartsWithIgnoreCase(text, "mailto:")) text = TrimSpace(text.substr(7));
  size_t at = text.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == text.size()) return std::nullopt;
  if (text.find_first_of(" \t/") != std::string_view::npos) return std::nullopt;
  return LowerAscii(text);
}

void AddContactEmail(Contact& contact, std::string_view email) {
  if (std::optional<std::string> normalised = NormaliseEmail(email)) AddUnique(contact.emails, std::move(*normalised));
}

void AddContactHandle(Contact& contact, SocialHandle handle) {
  if (handle.platform.empty() || handle.handle.empty()) return;
  for (const SocialHandle& existing : contact.handles) {
    if (existing.platform == handle.platform && existing.handle == handle.handle) return;
  }
  contact.handles.push_back(std::move(handle));
}

void AddContactUrl(Contact& contact, std::string_view url) {
  url = TrimSpace(url);
  if (url.empty()) return;
  AddUnique(contact.urls, std::string(url));
  if (std::optional<SocialHandle> handle = SocialHandleFromUrl(url)) AddContactHandle(contact, std::move(*handle));
}

std::string FallbackContactId(const Contact& contact) {
  if (!contact.emails.empty()) return contact.emails.front();
  return CollapseLower(contact.name) + "|" + CollapseLower(contact.company.value_or(""));
}

ContactsCsvLayout DetectContactsCsvLayout(std::string_view head) {
  CsvReader reader(head);
  CsvHeader header;
  return FindHeader(reader, header);
}

bool LooksLikeContactsCsv(std::string_view /*name*/, std::string_view head) {
  return DetectContactsCsvLayout(head) != ContactsCsvLayout::kNone;
}

Status ReadContactsCsv(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                       BatchEmitter& emitter) {
  CsvReader reader(buffer.view());
  CsvHeader header;
  const ContactsCsvLayout layout = FindHeader(reader, header);
  if (layout == ContactsCsvLayout::kNone) {
    return DataError(source.name +
                     ": no contacts header found (LinkedIn \"First Name,Last Name,URL,Email Address,...,Connected "
                     "On\", Google \"Name,Given Name,...,E-mail 1 - Value\" or Outlook \"First Name,...,E-mail "
                     "Address\"); export the contacts again, or restore the header line");
  }
  CsvRecord record;
  while (reader.Next(record)) {
    const uint64_t end = static_cast<uint64_t>(record.offset) + record.raw.size();
    if (!record.error.empty()) {
      emitter.Quarantine(source.name, record.line, record.offset, record.error, record.raw);
      CROWDLENS_RETURN_IF_ERROR(emitter.Progress(end));
      continue;
    }
    Row row(header, record);
    if (row.Blank()) continue;
    Contact contact = layout == ContactsCsvLayout::kLinkedIn ? FromLinkedIn(row)
                      : layout == ContactsCsvLayout::kGoogle ? FromGoogle(row)
                                                             : FromOutlook(row);
    if (contact.name.empty() && contact.emails.empty()) {
      emitter.Quarantine(source.name, record.line, record.offset,
                         "a contact with neither a name nor an email; fill in one of them or remove the row",
                         record.raw);
    } else {
      if (contact.source_id.empty()) contact.source_id = FallbackContactId(contact);
      contact.observed_at = options.import_time;
      emitter.batch().contacts.push_back(std::move(contact));
    }
    CROWDLENS_RETURN_IF_ERROR(emitter.Progress(end));
  }
  CROWDLENS_RETURN_IF_ERROR(emitter.Progress(buffer.size()));
  return emitter.Finish();
}

}  // namespace crowdlens
