#include "ingest/vcard_reader.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ingest/contacts_csv_reader.h"
#include "model/contact.h"

namespace crowdlens {
namespace {

char LowerChar(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char UpperChar(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = LowerChar(c);
  return out;
}

std::string UpperAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = UpperChar(c);
  return out;
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && LowerAscii(text.substr(0, prefix.size())) == LowerAscii(prefix);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && StartsWithIgnoreCase(a, b);
}

// One content line after unfolding, with where it starts in the file.
struct LogicalLine {
  std::string text;
  int64_t line = 0;   // 1-based physical line it starts on
  size_t offset = 0;  // byte offset it starts at
  size_t end = 0;     // byte offset just past it (and its line break)
};

bool IsQuotedPrintableLine(std::string_view text) {
  std::string head = UpperAscii(text.substr(0, text.find(':')));
  return head.find("QUOTED-PRINTABLE") != std::string::npos;
}

// Joins folded lines: a line break followed by a space or tab continues the
// previous line (RFC 6350 3.2), and in 2.1 cards a QUOTED-PRINTABLE value
// ending in '=' continues on the next line.
class LineUnfolder {
 public:
  explicit LineUnfolder(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  bool Next(LogicalLine& out) {
    if (pos_ >= text_.size()) return false;
    out.line = line_;
    out.offset = pos_;
    out.text.assign(Physical());
    while (pos_ < text_.size()) {
      if (text_[pos_] == ' ' || text_[pos_] == '\t') {
        ++pos_;
        out.text += Physical();
      } else if (!out.text.empty() && out.text.back() == '=' && IsQuotedPrintableLine(out.text)) {
        out.text.pop_back();
        out.text += Physical();
      } else {
        break;
      }
    }
    out.end = pos_;
    return true;
  }

 private:
  // One physical line without its break; advances past the break.
  std::string_view Physical() {
    size_t newline = text_.find('\n', pos_);
    size_t stop = newline == std::string_view::npos ? text_.size() : newline;
    std::string_view line = text_.substr(pos_, stop - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos_ = newline == std::string_view::npos ? text_.size() : newline + 1;
    if (newline != std::string_view::npos) ++line_;
    return line;
  }

  std::string_view text_;
  size_t pos_ = 0;
  int64_t line_ = 1;
};

struct Property {
  std::string name;                                         // upper-case, group dropped: "EMAIL"
  std::vector<std::pair<std::string, std::string>> params;  // upper-case key, unquoted value
  std::string value;                                        // as written, still escaped

  // Every value of parameter `key`, comma lists split ("TYPE=work,INTERNET" -> work, INTERNET).
  std::vector<std::string> Param(std::string_view key) const {
    std::vector<std::string> values;
    for (const auto& [param_key, param_value] : params) {
      if (param_key != key) continue;
      std::string_view rest = param_value;
      while (true) {
        size_t comma = rest.find(',');
        std::string_view part = TrimSpace(rest.substr(0, comma));
        if (!part.empty()) values.emplace_back(part);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
    }
    return values;
  }
  std::string FirstParam(std::string_view key) const {
    std::vector<std::string> values = Param(key);
    return values.empty() ? std::string() : values.front();
  }
};

// Splits `text` on `separator` outside double quotes.
std::vector<std::string_view> SplitOutsideQuotes(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  bool quoted = false;
  size_t start = 0;
  for (size_t index = 0; index < text.size(); ++index) {
    if (text[index] == '"') quoted = !quoted;
    if (text[index] == separator && !quoted) {
      parts.push_back(text.substr(start, index - start));
      start = index + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

// "item1.EMAIL;TYPE=work;pref=1:ada@example.org"; nullopt when there is no ':'.
std::optional<Property> ParseProperty(std::string_view line) {
  bool quoted = false;
  size_t colon = std::string_view::npos;
  for (size_t index = 0; index < line.size() && colon == std::string_view::npos; ++index) {
    if (line[index] == '"') quoted = !quoted;
    if (line[index] == ':' && !quoted) colon = index;
  }
  if (colon == std::string_view::npos) return std::nullopt;
  Property property;
  property.value = std::string(line.substr(colon + 1));
  std::vector<std::string_view> parts = SplitOutsideQuotes(line.substr(0, colon), ';');
  std::string_view name = TrimSpace(parts[0]);
  if (size_t dot = name.rfind('.'); dot != std::string_view::npos) name.remove_prefix(dot + 1);
  property.name = UpperAscii(name);
  for (size_t index = 1; index < parts.size(); ++index) {
    std::string_view param = TrimSpace(parts[index]);
    if (param.empty()) continue;
    size_t equals = param.find('=');
    if (equals == std::string_view::npos) {
      // vCard 2.1 writes bare parameters: "EMAIL;INTERNET;PREF", "N;QUOTED-PRINTABLE".
      std::string upper = UpperAscii(param);
      bool encoding = upper == "QUOTED-PRINTABLE" || upper == "BASE64" || upper == "8BIT" || upper == "7BIT";
      property.params.emplace_back(encoding ? "ENCODING" : "TYPE", std::string(param));
      continue;
    }
    std::string value;
    for (char c : param.substr(equals + 1)) {
      if (c != '"') value += c;
    }
    property.params.emplace_back(UpperAscii(TrimSpace(param.substr(0, equals))), std::move(value));
  }
  return property;
}

std::string DecodeQuotedPrintable(std::string_view text) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    c = LowerChar(c);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
  };
  std::string out;
  for (size_t index = 0; index < text.size(); ++index) {
    if (text[index] == '=' && index + 2 < text.size() && hex(text[index + 1]) >= 0 && hex(text[index + 2]) >= 0) {
      out += static_cast<char>(hex(text[index + 1]) * 16 + hex(text[index + 2]));
      index += 2;
    } else if (text[index] != '=' || index + 1 != text.size()) {
      out += text[index];
    }
  }
  return out;
}

// Text escapes of RFC 6350 3.4: \n or \N is a line break; \, \; \\ (and \: from
// some writers) stand for the character itself.
std::string Unescape(std::string_view text) {
  std::string out;
  for (size_t index = 0; index < text.size(); ++index) {
    if (text[index] != '\\' || index + 1 == text.size()) {
      out += text[index];
      continue;
    }
    char next = text[++index];
    if (next == 'n' || next == 'N') {
      out += '\n';
    } else if (next == ',' || next == ';' || next == '\\' || next == ':') {
      out += next;
    } else {
      out += '\\';
      out += next;
    }
  }
  return out;
}

// The ';'-separated components of a structured value (N, ADR, ORG), unescaped and trimmed.
std::vector<std::string> Components(std::string_view value) {
  std::vector<std::string> components;
  size_t start = 0;
  for (size_t index = 0; index <= value.size(); ++index) {
    if (index < value.size() && value[index] == '\\') {
      ++index;
      continue;
    }
    if (index == value.size() || value[index] == ';') {
      components.emplace_back(TrimSpace(Unescape(value.substr(start, index - start))));
      start = index + 1;
    }
  }
  return components;
}

std::string Component(const std::vector<std::string>& components, size_t index) {
  return index < components.size() ? components[index] : std::string();
}

// The platform a social-profile TYPE or SERVICE-TYPE names, in the names Contact uses.
std::string PlatformName(std::string_view service) {
  std::string platform = LowerAscii(TrimSpace(service));
  if (platform == "x") return "twitter";
  if (platform == "bsky") return "bluesky";
  return platform;
}

// Adds a social profile given as a URL, an "x-apple:<user>" value or a bare
// handle, under `platform` (empty: the platform the URL names).
void AddProfile(Contact& contact, std::string platform, std::string_view value, std::string_view user) {
  value = TrimSpace(value);
  bool is_web = StartsWithIgnoreCase(value, "http://") || StartsWithIgnoreCase(value, "https://");
  if (is_web) AddContactUrl(contact, value);
  std::optional<SocialHandle> from_url = SocialHandleFromUrl(value);
  if (platform.empty() && from_url) platform = from_url->platform;
  if (platform.empty()) return;
  std::string handle;
  if (from_url && from_url->platform == platform) {
    handle = from_url->handle;
  } else if (!user.empty()) {
    handle = std::string(user);
  } else if (StartsWithIgnoreCase(value, "x-apple:")) {
    handle = std::string(TrimSpace(value.substr(8)));
  } else if (is_web) {
    // The first path segment: https://www.facebook.com/ada.example -> ada.example.
    std::string_view path = value.substr(value.find("//") + 2);
    size_t slash = path.find('/');
    if (slash != std::string_view::npos) {
      handle = std::string(path.substr(slash + 1, path.find_first_of("/?#", slash + 1) - slash - 1));
    }
  } else {
    handle = std::string(value);
  }
  if (handle.starts_with('@') && platform != "mastodon") handle.erase(0, 1);
  AddContactHandle(contact, SocialHandle{.platform = std::move(platform), .handle = std::move(handle)});
}

// X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/ada, X-SOCIALPROFILE;type=twitter;x-user=ada:x-apple:ada,
// SOCIALPROFILE;SERVICE-TYPE=Mastodon:https://example.org/@ada (RFC 9554).
void AddSocialProfile(Contact& contact, const Property& property, const std::string& value) {
  std::string platform = PlatformName(property.FirstParam("SERVICE-TYPE"));
  if (platform.empty()) {
    for (const std::string& type : property.Param("TYPE")) {
      std::string lower = LowerAscii(type);
      if (lower == "pref" || lower == "home" || lower == "work" || lower == "other") continue;
      platform = PlatformName(lower);
      break;
    }
  }
  AddProfile(contact, std::move(platform), value, property.FirstParam("X-USER"));
}

// IMPP;X-SERVICE-TYPE=Skype:skype:ada.example, IMPP:xmpp:ada@example.org.
void AddImpp(Contact& contact, const Property& property, std::string_view value) {
  value = TrimSpace(value);
  std::string scheme;
  size_t colon = value.find(':');
  if (colon != std::string_view::npos && std::all_of(value.begin(), value.begin() + colon, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.';
      })) {
    scheme = LowerAscii(value.substr(0, colon));
    value.remove_prefix(colon + 1);
  }
  if (value.starts_with("//")) value.remove_prefix(2);
  value = value.substr(0, value.find('?'));
  std::string platform =
      (scheme.empty() || scheme == "x-apple") ? PlatformName(property.FirstParam("X-SERVICE-TYPE")) : scheme;
  AddContactHandle(contact, SocialHandle{.platform = std::move(platform), .handle = std::string(TrimSpace(value))});
}

// The value of `property` as UTF-8 text (still escaped), or nullopt when it is not UTF-8.
std::optional<std::string> DecodeValue(const Property& property) {
  std::string value = property.value;
  std::string encoding = UpperAscii(property.FirstParam("ENCODING"));
  if (encoding == "B" || encoding == "BASE64") return value;  // binary (PHOTO), never read as text
  if (encoding == "QUOTED-PRINTABLE") value = DecodeQuotedPrintable(value);
  std::string charset = LowerAscii(property.FirstParam("CHARSET"));
  bool single_byte = charset == "iso-8859-1" || charset == "latin1" || charset == "windows-1252" ||
                     charset == "cp1252" || charset == "iso-8859-15";
  if (IsValidUtf8(value)) return value;
  if (single_byte) return Windows1252ToUtf8(value);
  return std::nullopt;
}

// Fills `contact` from a card's content lines; returns why the card cannot be read, or "".
std::string ReadCard(const std::vector<LogicalLine>& lines, const ReadOptions& options, Contact& contact) {
  contact = Contact();
  contact.source = "vcard";
  std::string full_name;
  for (const LogicalLine& line : lines) {
    if (TrimSpace(line.text).empty()) continue;
    std::optional<Property> property = ParseProperty(line.text);
    std::optional<std::string> value = property ? DecodeValue(*property) : std::nullopt;
    bool head_valid = IsValidUtf8(std::string_view(line.text).substr(0, line.text.find(':')));
    if (!head_valid || (property && !value) || (!property && !IsValidUtf8(line.text))) {
      return "line " + std::to_string(line.line) +
             " of this card is not valid UTF-8; export the address book again as UTF-8 (or declare "
             "CHARSET=ISO-8859-1 on the property)";
    }
    if (!property) continue;
    const std::string& name = property->name;
    if (name == "FN") {
      if (full_name.empty()) full_name = TrimSpace(Unescape(*value));
    } else if (name == "N") {
      std::vector<std::string> parts = Components(*value);
      if (!contact.family_name && !Component(parts, 0).empty()) contact.family_name = Component(parts, 0);
      if (!contact.given_name && !Component(parts, 1).empty()) contact.given_name = Component(parts, 1);
    } else if (name == "EMAIL") {
      AddContactEmail(contact, Unescape(*value));
    } else if (name == "TEL") {
      std::string phone(TrimSpace(Unescape(*value)));
      if (StartsWithIgnoreCase(phone, "tel:")) phone.erase(0, 4);
      if (!phone.empty() && std::find(contact.phones.begin(), contact.phones.end(), phone) == contact.phones.end()) {
        contact.phones.push_back(std::move(phone));
      }
    } else if (name == "ORG") {
      std::string company = Component(Components(*value), 0);
      if (!contact.company && !company.empty()) contact.company = std::move(company);
    } else if (name == "TITLE") {
      std::string title(TrimSpace(Unescape(*value)));
      if (!contact.title && !title.empty()) contact.title = std::move(title);
    } else if (name == "URL") {
      AddContactUrl(contact, Unescape(*value));
    } else if (name == "ADR") {
      std::vector<std::string> parts = Components(*value);
      std::string location;
      for (size_t index : {3, 4, 6}) {  // locality, region, country
        if (Component(parts, index).empty()) continue;
        if (!location.empty()) location += ", ";
        location += Component(parts, index);
      }
      if (!contact.location && !location.empty()) contact.location = std::move(location);
    } else if (name == "UID") {
      if (contact.source_id.empty()) contact.source_id = TrimSpace(Unescape(*value));
    } else if (name == "X-SOCIALPROFILE" || name == "SOCIALPROFILE") {
      AddSocialProfile(contact, *property, Unescape(*value));
    } else if (name == "IMPP") {
      AddImpp(contact, *property, Unescape(*value));
    } else if (name == "X-TWITTER") {
      AddProfile(contact, "twitter", Unescape(*value), "");
    } else if (name == "X-LINKEDIN") {
      AddProfile(contact, "linkedin", Unescape(*value), "");
    }
  }
  contact.name =
      full_name.empty() ? JoinName(contact.given_name.value_or(""), contact.family_name.value_or("")) : full_name;
  if (contact.name.empty() && contact.emails.empty()) {
    return "a card with neither a name (FN or N) nor an email; add one of them or remove the card";
  }
  if (contact.source_id.empty()) contact.source_id = FallbackContactId(contact);
  contact.observed_at = options.import_time;
  return "";
}

bool IsMarker(std::string_view line, std::string_view marker) { return EqualsIgnoreCase(TrimSpace(line), marker); }

}  // namespace

bool LooksLikeVcard(std::string_view /*name*/, std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  head.remove_prefix(start);
  if (!StartsWithIgnoreCase(head, "BEGIN:VCARD")) return false;
  return head.size() == 11 || head[11] == '\r' || head[11] == '\n' || head[11] == ' ' || head[11] == '\t';
}

Status ReadVcard(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                 BatchEmitter& emitter) {
  const std::string_view text = buffer.view();
  LineUnfolder unfolder(text);
  LogicalLine line;
  bool in_card = false;
  int64_t card_line = 0;
  size_t card_offset = 0;
  std::vector<LogicalLine> card_lines;

  auto quarantine_unended = [&](size_t stop, std::string_view what_follows) {
    emitter.Quarantine(source.name, card_line, static_cast<int64_t>(card_offset),
                       "the card that starts here has no END:VCARD before " + std::string(what_follows) +
                           "; add the END:VCARD line (a cut-off export?)",
                       TrimSpace(text.substr(card_offset, stop - card_offset)));
  };

  while (unfolder.Next(line)) {
    if (IsMarker(line.text, "BEGIN:VCARD")) {
      if (in_card) quarantine_unended(line.offset, "the next BEGIN:VCARD");
      in_card = true;
      card_line = line.line;
      card_offset = line.offset;
      card_lines.clear();
      continue;
    }
    if (!in_card) continue;  // text between cards is not part of any card
    if (!IsMarker(line.text, "END:VCARD")) {
      card_lines.push_back(std::move(line));
      line = LogicalLine{};
      continue;
    }
    in_card = false;
    Contact contact;
    std::string reason = ReadCard(card_lines, options, contact);
    if (reason.empty()) {
      emitter.batch().contacts.push_back(std::move(contact));
    } else {
      emitter.Quarantine(source.name, card_line, static_cast<int64_t>(card_offset), std::move(reason),
                         TrimSpace(text.substr(card_offset, line.end - card_offset)));
    }
    CROWDLENS_RETURN_IF_ERROR(emitter.Progress(line.end));
  }
  if (in_card) quarantine_unended(text.size(), "the end of the file");
  CROWDLENS_RETURN_IF_ERROR(emitter.Progress(text.size()));
  return emitter.Finish();
}

}  // namespace crowdlens
