// URLs in post text after twitter-text 3 (extractUrlsWithIndices and the
// regular expressions it is assembled from), written as a scanner over code
// points rather than one large regular expression, so a post costs time
// linear in its length and no regex engine is needed.
//
// A URL is an optional scheme (http:// or https://), a domain whose last
// label is a known top-level domain (tlds.inc, generated from twitter-text's
// tlds.yml) or Punycode, then an optional port, path and query. Labels before
// the last two may hold '_'; no label starts or ends with '-' or '_'. The path
// may hold balanced parentheses (Wikipedia links) and stops at its last
// character that can end a path, so "see x.com/a." leaves the period out.
// Without a scheme only the ASCII part of the domain counts ("これはexample.com"
// gives "example.com"), and a domain right after '-', '_', '.' or '/' is
// refused. t.co links keep only their slug and query.
//
// Matching follows the regular expression's global search: a match (even one
// rejected afterwards) consumes its text and the next search starts where it
// ended; at each start the alternatives are tried in the expression's order
// (the longest chain of labels first, then shorter ones).
#include "text/urls.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>

namespace crowdlens::text {
namespace {

#include "text/tlds.inc"

constexpr size_t kMaxUrlLength = 4096;
constexpr size_t kMaxTcoSlugLength = 40;
constexpr size_t kMaxLabelLength = 63;
constexpr size_t kNoPosition = static_cast<size_t>(-1);
constexpr size_t kUnknown = static_cast<size_t>(-2);  // memo entries not computed yet
constexpr size_t kNoMatch = static_cast<size_t>(-3);

class TopLevelDomains {
 public:
  TopLevelDomains() {
    for (std::string_view tld : kGenericTopLevelDomains) Add(tld);
    for (std::string_view tld : kCountryTopLevelDomains) Add(tld);
  }
  bool Contains(std::string_view lower) const { return set_.count(lower) != 0; }
  size_t max_length() const { return max_length_; }  // in code points

 private:
  void Add(std::string_view tld) {
    set_.insert(tld);
    max_length_ = std::max(max_length_, CodePoints(tld).size());
  }
  std::unordered_set<std::string_view> set_;
  size_t max_length_ = 0;
};

const TopLevelDomains& Tlds() {
  static const TopLevelDomains tlds;
  return tlds;
}

bool InAsciiSet(char32_t c, const char* set) { return c != 0 && c < 0x80 && std::strchr(set, static_cast<char>(c)); }
bool IsCyrillic(char32_t c) { return c >= 0x400 && c <= 0x4FF; }

// Anything but punctuation, spaces, invalid characters and bidi controls.
bool IsDomainChar(char32_t c) {
  return !(IsAsciiPunct(c) || IsTwitterSpace(c) || IsInvalidChar(c) || IsDirectionalMarker(c));
}
bool IsValidPrecedingChar(char32_t c) {
  return !(IsAsciiAlnum(c) || InAsciiSet(c, "@$#") || c == 0xFF20 || c == 0xFF03 || IsInvalidChar(c));
}
bool IsPathChar(char32_t c) {
  return IsAsciiAlnum(c) || IsCyrillic(c) || IsLatinAccent(c) || c == 0x2013 || InAsciiSet(c, "!*';:=+,.$/%#[]-_~@|&");
}
bool IsPathEndChar(char32_t c) {
  return IsAsciiAlnum(c) || IsCyrillic(c) || IsLatinAccent(c) || InAsciiSet(c, "+-=_#/");
}
bool IsQueryChar(char32_t c) { return IsAsciiAlnum(c) || InAsciiSet(c, "!?*'@();:&=+$/%#[]-_.,~|"); }
bool IsQueryEndChar(char32_t c) { return IsAsciiAlnum(c) || InAsciiSet(c, "-_&=#/"); }
bool IsAsciiDomainChar(char32_t c) { return IsAsciiAlnum(c) || c == '-' || IsLatinAccent(c); }
bool IsPunycodeChar(char32_t c) { return IsAsciiAlnum(c) || c == '-'; }
// What may follow a top-level domain: not a letter, digit, '@', '+' or '-'.
bool EndsTld(char32_t c) { return !(IsAsciiAlnum(c) || c == '@' || c == '+' || c == '-'); }

struct UrlMatch {
  size_t before = kNoPosition;  // the preceding character, if the match has one
  size_t start = 0;             // the URL's first code point (its scheme, or its domain)
  size_t domain_begin = 0, domain_end = 0;
  size_t end = 0;  // where the match (port, path and query included) ends
  bool has_scheme = false, has_path = false;
};

class UrlScanner {
 public:
  explicit UrlScanner(const CodePoints& text)
      : text_(text),
        size_(text.size()),
        label_run_end_(text.size() + 1, text.size()),
        next_underscore_(text.size() + 1, text.size()),
        domain_end_(text.size() + 1, kUnknown) {
    for (size_t i = size_; i-- > 0;) {
      char32_t c = text_.at(i);
      label_run_end_[i] = (IsDomainChar(c) || c == '_' || c == '-') ? label_run_end_[i + 1] : i;
      next_underscore_[i] = c == '_' ? i : next_underscore_[i + 1];
    }
  }

  std::vector<TextEntity> Run() {
    std::vector<TextEntity> urls;
    size_t search_from = 0;
    while (search_from < size_) {
      std::optional<UrlMatch> match;
      for (size_t at = search_from; at < size_ && !match; ++at) {
        if (IsValidPrecedingChar(text_.at(at))) match = MatchAt(at + 1, at);
        if (!match && at == 0) match = MatchAt(0, kNoPosition);
      }
      if (!match) break;
      search_from = match->end;
      Accept(*match, urls);
    }
    return urls;
  }

 private:
  char32_t At(size_t index) const { return text_.at(index); }

  std::optional<UrlMatch> MatchAt(size_t start, size_t before) const {
    if (start >= size_) return std::nullopt;
    UrlMatch match{.before = before, .start = start};
    size_t scheme_end = MatchScheme(start);
    std::optional<size_t> domain_end;
    if (scheme_end != start) domain_end = MatchDomain(scheme_end);
    if (domain_end) {
      match.has_scheme = true;
      match.domain_begin = scheme_end;
    } else {
      domain_end = MatchDomain(start);
      if (!domain_end) return std::nullopt;
      match.domain_begin = start;
    }
    size_t pos = match.domain_end = *domain_end;
    if (pos + 1 < size_ && At(pos) == ':' && IsAsciiDigit(At(pos + 1))) {
      pos += 1;
      while (pos < size_ && IsAsciiDigit(At(pos))) ++pos;
    }
    if (pos < size_ && At(pos) == '/') {
      match.has_path = true;
      pos = MatchPath(pos + 1);
    }
    if (pos < size_ && At(pos) == '?') pos = MatchQuery(pos, size_);
    match.end = pos;
    return match;
  }

  // "http://" or "https://" in any case; returns `start` when there is none.
  size_t MatchScheme(size_t start) const {
    static constexpr std::string_view kHttp = "http";
    size_t pos = start;
    for (char expected : kHttp) {
      if (pos >= size_ || ToLower(At(pos)) != static_cast<char32_t>(expected)) return start;
      ++pos;
    }
    if (pos < size_ && ToLower(At(pos)) == 's') ++pos;
    if (pos + 2 < size_ && At(pos) == ':' && At(pos + 1) == '/' && At(pos + 2) == '/') return pos + 3;
    return start;
  }

  // Labels (each followed by '.'), then a top-level domain. The labels before
  // the last may hold '_', the last may not; none starts or ends with '-' or '_'.
  //
  // The expression tries the longest chain of labels first. Its result from a
  // label is the result from the next label if that succeeds, else this label
  // followed by a top-level domain; results are remembered per position, so a
  // long chain is walked once however many starts reach it.
  std::optional<size_t> MatchDomain(size_t begin) const {
    chain_.clear();
    size_t pos = begin;
    size_t tail = kNoMatch;  // the result from `pos`, once known
    while (true) {
      if (pos < size_ && domain_end_[pos] != kUnknown) {
        tail = domain_end_[pos];
        break;
      }
      size_t run_end = pos < size_ ? label_run_end_[pos] : pos;
      if (run_end == pos || run_end >= size_ || At(run_end) != '.' || !IsDomainChar(At(pos)) ||
          !IsDomainChar(At(run_end - 1))) {
        if (pos < size_) domain_end_[pos] = kNoMatch;
        break;
      }
      chain_.push_back(pos);
      pos = run_end + 1;
    }
    for (size_t index = chain_.size(); index-- > 0;) {
      size_t label = chain_[index], run_end = label_run_end_[label];
      if (tail == kNoMatch && next_underscore_[label] >= run_end) {
        tail = MatchTld(run_end + 1, size_).value_or(kNoMatch);
      }
      domain_end_[label] = tail;
    }
    if (tail == kNoMatch) return std::nullopt;
    return tail;
  }

  // A known top-level domain (the longest that fits) or Punycode ("xn--..."),
  // within [begin, limit); the text after a known domain must end it.
  std::optional<size_t> MatchTld(size_t begin, size_t limit) const {
    size_t letters = begin;
    while (letters < limit && letters - begin < Tlds().max_length() && IsLetterOrMark(At(letters))) ++letters;
    std::string lower;
    for (size_t end = letters; end > begin; --end) {
      if (end < limit && !EndsTld(At(end))) continue;
      lower.clear();
      for (size_t i = begin; i < end; ++i) AppendUtf8(ToLower(At(i)), lower);
      if (Tlds().Contains(lower)) return end;
    }
    if (begin + 4 < limit && ToLower(At(begin)) == 'x' && ToLower(At(begin + 1)) == 'n' && At(begin + 2) == '-' &&
        At(begin + 3) == '-' && IsPunycodeChar(At(begin + 4))) {
      size_t end = begin + 4;
      while (end < limit && IsPunycodeChar(At(end))) ++end;
      return end;
    }
    return std::nullopt;
  }

  // The path after '/': path characters and balanced parentheses, cut back to
  // the last one that may end a path.
  size_t MatchPath(size_t begin) const {
    size_t pos = begin, last_end = begin;
    while (pos < size_) {
      char32_t c = At(pos);
      if (IsPathChar(c)) {
        ++pos;
        if (IsPathEndChar(c)) last_end = pos;
        continue;
      }
      if (c == '(') {
        if (std::optional<size_t> close = MatchParens(pos)) {
          pos = last_end = *close;
          continue;
        }
      }
      break;
    }
    return last_end;
  }

  // "(chars)" or "(chars(chars)chars)": two levels at most, as in twitter-text.
  std::optional<size_t> MatchParens(size_t open) const {
    size_t pos = open + 1;
    while (pos < size_ && IsPathChar(At(pos))) ++pos;
    if (pos > open + 1 && pos < size_ && At(pos) == ')') return pos + 1;
    if (pos >= size_ || At(pos) != '(') return std::nullopt;
    size_t inner = pos + 1;
    pos = inner;
    while (pos < size_ && IsPathChar(At(pos))) ++pos;
    if (pos == inner || pos >= size_ || At(pos) != ')') return std::nullopt;
    ++pos;
    while (pos < size_ && IsPathChar(At(pos))) ++pos;
    if (pos < size_ && At(pos) == ')') return pos + 1;
    return std::nullopt;
  }

  // "?query" cut back to its last character that may end a query; `question`
  // itself when nothing follows that can end one.
  size_t MatchQuery(size_t question, size_t limit) const {
    size_t last_end = question;
    for (size_t pos = question + 1; pos < limit && IsQueryChar(At(pos)); ++pos) {
      if (IsQueryEndChar(At(pos))) last_end = pos + 1;
    }
    return last_end;
  }

  // ASCII-only domains inside [begin, end) (for URLs written without a scheme):
  // one or more labels of letters, digits, '-' and Latin accents, then a
  // top-level domain; remembered per position like MatchDomain.
  std::vector<std::pair<size_t, size_t>> FindAsciiDomains(size_t begin, size_t end) const {
    size_t length = end - begin;
    std::vector<size_t> run_end(length + 1, end), match_end(length + 1, kUnknown);
    for (size_t i = length; i-- > 0;) run_end[i] = IsAsciiDomainChar(At(begin + i)) ? run_end[i + 1] : begin + i;
    auto match_from = [&](size_t start) {
      std::vector<size_t> chain;
      size_t pos = start, tail = kNoMatch;
      while (true) {
        if (pos < end && match_end[pos - begin] != kUnknown) {
          tail = match_end[pos - begin];
          break;
        }
        size_t label_end = pos < end ? run_end[pos - begin] : pos;
        if (label_end == pos || label_end >= end || At(label_end) != '.') {
          if (pos < end) match_end[pos - begin] = kNoMatch;
          break;
        }
        chain.push_back(pos);
        pos = label_end + 1;
      }
      for (size_t index = chain.size(); index-- > 0;) {
        if (tail == kNoMatch) tail = MatchTld(run_end[chain[index] - begin] + 1, end).value_or(kNoMatch);
        match_end[chain[index] - begin] = tail;
      }
      return tail;
    };
    std::vector<std::pair<size_t, size_t>> found;
    for (size_t pos = begin; pos < end;) {
      size_t match = match_from(pos);
      if (match == kNoMatch) {
        ++pos;
        continue;
      }
      found.emplace_back(pos, match);
      pos = match;
    }
    return found;
  }

  // twitter-text's isValidUrl: each label at most 63 characters once
  // IDNA-encoded, and the whole URL at most 4096.
  bool IsValidUrl(const UrlMatch& match) const {
    size_t begin = match.domain_begin, end = match.domain_end;
    bool punycode_prefix = end - begin >= 4 && At(begin) == 'x' && At(begin + 1) == 'n' && At(begin + 2) == '-' &&
                           At(begin + 3) == '-';
    if (punycode_prefix && FindAsciiDomains(begin, end).empty()) return false;
    size_t label_begin = begin;
    for (size_t pos = begin; pos <= end; ++pos) {
      if (pos < end && At(pos) != '.') continue;
      // IDNA also splits on the ideographic and full-width full stops.
      size_t label_length = 0, piece_begin = label_begin;
      for (size_t piece = label_begin; piece <= pos; ++piece) {
        char32_t c = piece < pos ? At(piece) : '.';
        if (c != '.' && c != 0x3002 && c != 0xFF0E && c != 0xFF61) continue;
        std::u32string points;
        for (size_t i = piece_begin; i < piece; ++i) points.push_back(At(i));
        label_length += EncodedLabelLength(points) + (piece < pos ? 1 : 0);
        piece_begin = piece + 1;
      }
      if (label_length < 1 || label_length > kMaxLabelLength) return false;
      label_begin = pos + 1;
    }
    // twitter-text measures the URL as written, adding a default scheme's length when it has none.
    size_t scheme_length = match.has_scheme ? match.domain_begin - match.start : std::string_view("https://").size();
    return scheme_length + (match.end - match.start) <= kMaxUrlLength;
  }

  // A t.co link keeps only "https://t.co/slug?query"; nullopt when the URL is not one.
  std::optional<std::pair<size_t, size_t>> MatchTco(const UrlMatch& match) const {
    size_t pos = match.domain_begin;
    if (!match.has_scheme || match.domain_end - pos != 4 || ToLower(At(pos)) != 't' || At(pos + 1) != '.' ||
        ToLower(At(pos + 2)) != 'c' || ToLower(At(pos + 3)) != 'o' || pos + 4 >= match.end || At(pos + 4) != '/') {
      return std::nullopt;
    }
    size_t slug_begin = pos + 5, slug_end = slug_begin;
    while (slug_end < match.end && IsAsciiAlnum(At(slug_end))) ++slug_end;
    if (slug_end == slug_begin) return std::nullopt;
    size_t end = slug_end;
    if (end < match.end && At(end) == '?') end = MatchQuery(end, match.end);
    return std::make_pair(slug_end - slug_begin, end);
  }

  TextEntity UrlEntity(size_t begin, size_t end) const {
    TextEntity url;
    url.kind = TextEntity::Kind::kUrl;
    url.text = std::string(text_.Slice(begin, end));
    url.start = begin;
    url.end = end;
    return url;
  }

  void Accept(const UrlMatch& match, std::vector<TextEntity>& urls) const {
    if (!IsValidUrl(match)) return;
    if (match.has_scheme) {
      size_t end = match.end;
      if (std::optional<std::pair<size_t, size_t>> tco = MatchTco(match)) {
        if (tco->first > kMaxTcoSlugLength) return;
        end = tco->second;
      }
      urls.push_back(UrlEntity(match.start, end));
      return;
    }
    if (match.before != kNoPosition && InAsciiSet(At(match.before), "-_./")) return;
    std::vector<std::pair<size_t, size_t>> ascii = FindAsciiDomains(match.domain_begin, match.domain_end);
    for (const auto& [begin, end] : ascii) {
      urls.push_back(UrlEntity(begin, end));
    }
    if (!ascii.empty() && match.has_path) {
      TextEntity& last = urls.back();
      last.text += text_.Slice(match.domain_end, match.end);
      last.end = match.end;
    }
  }

  const CodePoints& text_;
  size_t size_;
  std::vector<size_t> label_run_end_;    // the first position at or after i that cannot be in a label
  std::vector<size_t> next_underscore_;  // the first '_' at or after i
  mutable std::vector<size_t> domain_end_;  // MatchDomain's result from i: kUnknown, kNoMatch or its end
  mutable std::vector<size_t> chain_;       // MatchDomain's scratch: label starts walked
};

// RFC 3492 bias adaptation.
uint64_t Adapt(uint64_t delta, uint64_t points, bool first) {
  constexpr uint64_t kBase = 36, kTmin = 1, kTmax = 26, kSkew = 38, kDamp = 700;
  delta = first ? delta / kDamp : delta / 2;
  delta += delta / points;
  uint64_t k = 0;
  while (delta > ((kBase - kTmin) * kTmax) / 2) {
    delta /= kBase - kTmin;
    k += kBase;
  }
  return k + (kBase - kTmin + 1) * delta / (delta + kSkew);
}

}  // namespace

size_t EncodedLabelLength(std::u32string_view label) {
  constexpr uint64_t kBase = 36, kTmin = 1, kTmax = 26;
  size_t basic = static_cast<size_t>(std::count_if(label.begin(), label.end(), [](char32_t c) { return c < 0x80; }));
  if (basic == label.size()) return label.size();
  size_t length = std::string_view("xn--").size() + basic + (basic > 0 ? 1 : 0);
  uint64_t n = 0x80, delta = 0, bias = 72, handled = basic;
  while (handled < label.size()) {
    uint64_t next = UINT64_MAX;
    for (char32_t c : label) {
      if (c >= n && c < next) next = c;
    }
    delta += (next - n) * (handled + 1);
    n = next;
    for (char32_t c : label) {
      if (c < n) ++delta;
      if (c != n) continue;
      uint64_t q = delta;
      for (uint64_t k = kBase;; k += kBase) {
        uint64_t t = k <= bias ? kTmin : (k >= bias + kTmax ? kTmax : k - bias);
        if (q < t) break;
        ++length;
        q = (q - t) / (kBase - t);
      }
      ++length;
      bias = Adapt(delta, handled + 1, handled == basic);
      delta = 0;
      ++handled;
    }
    ++delta;
    ++n;
  }
  return length;
}

std::vector<TextEntity> FindUrls(const CodePoints& text) {
  bool has_dot = false;
  for (size_t i = 0; i < text.size() && !has_dot; ++i) has_dot = text.at(i) == '.';
  if (!has_dot) return {};
  return UrlScanner(text).Run();
}

}  // namespace crowdlens::text
