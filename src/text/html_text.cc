#include "text/html_text.h"

#include <charconv>
#include <optional>

#include "text/code_points.h"

namespace crowdlens {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The character reference at html[pos] ('&'); appends what it stands for
// and returns the length it spans, or 0 when it is not one.
size_t DecodeReference(std::string_view html, size_t pos, std::string& out) {
  size_t semicolon = html.find(';', pos + 1);
  if (semicolon == std::string_view::npos || semicolon - pos > 12) return 0;
  std::string_view name = html.substr(pos + 1, semicolon - pos - 1);
  if (name.size() > 1 && name[0] == '#') {
    uint32_t value = 0;
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
    if (error != std::errc() || end != digits.data() + digits.size() || digits.empty()) return 0;
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value < 0xE000)) value = 0xFFFD;
    text::AppendUtf8(static_cast<char32_t>(value), out);
    return semicolon - pos + 1;
  }
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
  for (const auto& [entity, replacement] : kNamed) {
    if (name == entity) {
      out += replacement;
      return semicolon - pos + 1;
    }
  }
  return 0;
}

void AppendDecoded(std::string_view text, std::string& out) {
  for (size_t pos = 0; pos < text.size();) {
    if (text[pos] == '&') {
      if (size_t length = DecodeReference(text, pos, out)) {
        pos += length;
        continue;
      }
    }
    out += text[pos++];
  }
}

struct Tag {
  std::string name;  // lower-cased
  bool closing = false;
  std::string href, class_name, rel;
};

// Parses the tag in html[begin, end) (without '<' and '>').
Tag ParseTag(std::string_view body) {
  Tag tag;
  size_t pos = 0;
  if (pos < body.size() && body[pos] == '/') {
    tag.closing = true;
    ++pos;
  }
  while (pos < body.size() && !IsSpace(body[pos]) && body[pos] != '/') tag.name += Lower(body[pos++]);
  if (tag.name != "a") return tag;
  while (pos < body.size()) {
    while (pos < body.size() && (IsSpace(body[pos]) || body[pos] == '/')) ++pos;
    std::string attribute;
    while (pos < body.size() && !IsSpace(body[pos]) && body[pos] != '=' && body[pos] != '/') {
      attribute += Lower(body[pos++]);
    }
    std::string value;
    if (pos < body.size() && body[pos] == '=') {
      ++pos;
      if (pos < body.size() && (body[pos] == '"' || body[pos] == '\'')) {
        char quote = body[pos++];
        size_t close = body.find(quote, pos);
        if (close == std::string_view::npos) close = body.size();
        AppendDecoded(body.substr(pos, close - pos), value);
        pos = close + 1;
      } else {
        size_t start = pos;
        while (pos < body.size() && !IsSpace(body[pos])) ++pos;
        AppendDecoded(body.substr(start, pos - start), value);
      }
    }
    if (attribute == "href") tag.href = value;
    else if (attribute == "class") tag.class_name = value;
    else if (attribute == "rel") tag.rel = value;
  }
  return tag;
}

bool IsBlock(std::string_view name) {
  return name == "p" || name == "div" || name == "blockquote" || name == "pre" || name == "ul" || name == "ol" ||
         name == "h1" || name == "h2" || name == "h3" || name == "h4" || name == "h5" || name == "h6";
}

// Makes `out` end with `breaks` line breaks (none when it is empty).
void EndWithBreaks(std::string& out, size_t breaks) {
  if (out.empty()) return;
  size_t present = 0;
  while (present < out.size() && out[out.size() - 1 - present] == '\n') ++present;
  for (; present < breaks; ++present) out += '\n';
}

}  // namespace

HtmlText HtmlToText(std::string_view html) {
  HtmlText result;
  std::string& out = result.text;
  std::optional<size_t> open_link;  // index into links of an <a> not closed yet
  size_t link_text_start = 0;
  size_t pos = 0;
  while (pos < html.size()) {
    char c = html[pos];
    if (c == '&') {
      if (size_t length = DecodeReference(html, pos, out)) {
        pos += length;
        continue;
      }
    }
    if (c != '<') {
      out += c;
      ++pos;
      continue;
    }
    if (html.substr(pos, 4) == "<!--") {
      size_t close = html.find("-->", pos + 4);
      pos = close == std::string_view::npos ? html.size() : close + 3;
      continue;
    }
    // A tag ends at the first '>' outside quotes.
    size_t end = pos + 1;
    char quote = 0;
    while (end < html.size() && (quote != 0 || html[end] != '>')) {
      if (quote != 0 && html[end] == quote) quote = 0;
      else if (quote == 0 && (html[end] == '"' || html[end] == '\'')) quote = html[end];
      ++end;
    }
    Tag tag = ParseTag(html.substr(pos + 1, end - pos - 1));
    pos = end < html.size() ? end + 1 : end;
    if (tag.name == "br") {
      out += '\n';
    } else if (IsBlock(tag.name)) {
      EndWithBreaks(out, 2);
    } else if (tag.name == "li") {
      EndWithBreaks(out, 1);
    } else if (tag.name == "a" && !tag.closing) {
      result.links.push_back({.href = tag.href, .text = {}, .class_name = tag.class_name, .rel = tag.rel});
      open_link = result.links.size() - 1;
      link_text_start = out.size();
    } else if (tag.name == "a" && open_link) {
      result.links[*open_link].text = out.substr(link_text_start);
      open_link.reset();
    }
  }
  if (open_link) result.links[*open_link].text = out.substr(link_text_start);
  while (!out.empty() && IsSpace(out.back())) out.pop_back();
  size_t leading = 0;
  while (leading < out.size() && IsSpace(out[leading])) ++leading;
  out.erase(0, leading);
  return result;
}

std::string DecodeHtmlEntities(std::string_view text) {
  std::string out;
  AppendDecoded(text, out);
  return out;
}

}  // namespace crowdlens
