#include "text/tokens.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "text/code_points.h"
#include "text/entities.h"

namespace crowdlens::text {
namespace {

// Function words of English and German, the two languages of the shipped data,
// written out here: none carries a topic on its own.
const std::unordered_set<std::string_view>& Stopwords() {
  static const std::unordered_set<std::string_view> words = {
      // English
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren't",
      "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
      "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down",
      "during", "each", "even", "ever", "every", "few", "for", "from", "further", "get", "gets", "got", "had",
      "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he'd", "he'll", "he's", "her", "here",
      "here's", "hers", "herself", "him", "himself", "his", "how", "how's", "i", "i'd", "i'll", "i'm", "i've", "if",
      "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "let's", "like", "may", "me", "might",
      "more", "most", "much", "must", "mustn't", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
      "once", "one", "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "really",
      "same", "say", "says", "said", "shan't", "she", "she'd", "she'll", "she's", "should", "shouldn't", "so",
      "some", "still", "such", "than", "that", "that's", "the", "their", "theirs", "them", "themselves", "then",
      "there", "there's", "these", "they", "they'd", "they'll", "they're", "they've", "this", "those", "through",
      "to", "too", "under", "until", "up", "us", "very", "via", "was", "wasn't", "we", "we'd", "we'll", "we're",
      "we've", "were", "weren't", "what", "what's", "when", "when's", "where", "where's", "which", "while", "who",
      "who's", "whom", "why", "why's", "will", "with", "won't", "would", "wouldn't", "yet", "you", "you'd",
      "you'll", "you're", "you've", "your", "yours", "yourself", "yourselves", "im", "dont", "cant", "didnt",
      "doesnt", "isnt", "wasnt", "ive", "youre", "thats", "new", "today", "many", "first", "two", "back", "make",
      "made", "see", "know", "going", "want", "need", "take", "think", "day", "time", "people", "via", "amp", "rt",
      // German
      "aber", "alle", "allem", "allen", "aller", "als", "also", "am", "an", "auch", "auf", "aus", "bei", "beim",
      "bin", "bis", "bist", "da", "damit", "dann", "das", "dass", "dein", "dem", "den", "denn", "der", "des",
      "dich", "die", "dir", "doch", "dort", "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er",
      "es", "etwas", "euch", "für", "gegen", "hat", "hatte", "haben", "hier", "ich", "ihm", "ihn", "ihr", "ihre",
      "im", "in", "ist", "ja", "jetzt", "kann", "kein", "keine", "man", "mehr", "mein", "mich", "mir", "mit",
      "nach", "nicht", "noch", "nun", "nur", "ob", "oder", "ohne", "schon", "sehr", "sein", "seine", "sich", "sie",
      "sind", "so", "um", "und", "uns", "unter", "vom", "von", "vor", "war", "waren", "was", "weil", "wenn", "wer",
      "wie", "wir", "wird", "wo", "zu", "zum", "zur", "über"};
  return words;
}

}  // namespace

bool IsWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiAlnum(c) || c == '_';
  return IsLetterOrMark(c) || IsDecimalDigit(c);
}

char32_t CodePointAt(std::string_view utf8, size_t offset) {
  if (offset >= utf8.size()) return 0;
  auto byte = static_cast<unsigned char>(utf8[offset]);
  if (byte < 0x80) return byte;
  size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
  if (length == 1 || offset + length > utf8.size()) return 0xFFFD;
  char32_t point = byte & (0x7F >> length);
  for (size_t index = 1; index < length; ++index) {
    auto next = static_cast<unsigned char>(utf8[offset + index]);
    if ((next & 0xC0) != 0x80) return 0xFFFD;
    point = (point << 6) | (next & 0x3F);
  }
  return point;
}

char32_t CodePointBefore(std::string_view utf8, size_t offset) {
  if (offset == 0 || offset > utf8.size()) return 0;
  size_t start = offset - 1;
  while (start > 0 && offset - start < 4 && (static_cast<unsigned char>(utf8[start]) & 0xC0) == 0x80) --start;
  return CodePointAt(utf8, start);
}

void NormaliseForMatching(std::string_view utf8_text, std::string& out) {
  out.clear();
  out.reserve(utf8_text.size());
  bool pending_space = false;
  size_t offset = 0;
  while (offset < utf8_text.size()) {
    auto byte = static_cast<unsigned char>(utf8_text[offset]);
    char32_t point;
    size_t length;
    if (byte < 0x80) {
      point = byte;
      length = 1;
    } else {
      point = CodePointAt(utf8_text, offset);
      length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
      // An invalid byte decodes to U+FFFD and is skipped alone; a U+FFFD written as such
      // (EF BF BD) is one character, not three invalid bytes.
      if (point == 0xFFFD && utf8_text.substr(offset, 3) != "\xEF\xBF\xBD") length = 1;
    }
    offset += length;
    if (IsTwitterSpace(point)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    if (point == 0xFF03) point = '#';
    if (point == 0xFF20) point = '@';
    if (point < 0x80) {
      out += static_cast<char>(point >= 'A' && point <= 'Z' ? point + ('a' - 'A') : point);
    } else {
      AppendUtf8(ToLower(point), out);
    }
  }
}

bool IsStopword(std::string_view lower_word) { return Stopwords().count(lower_word) > 0; }

std::vector<std::string> ExtractTerms(std::string_view utf8_text) {
  CodePoints points(utf8_text);
  std::vector<TextEntity> entities = ExtractEntities(utf8_text);
  std::vector<std::string> terms;
  size_t entity_index = 0;
  size_t index = 0;
  while (index < points.size()) {
    while (entity_index < entities.size() && entities[entity_index].end <= index) ++entity_index;
    if (entity_index < entities.size() && entities[entity_index].start <= index) {
      index = entities[entity_index].end;
      continue;
    }
    if (!IsWordChar(points.at(index))) {
      ++index;
      continue;
    }
    // A word: word characters, with single inner apostrophes ("don't", "Germany's").
    size_t begin = index;
    bool has_letter = false;
    std::string word;
    while (index < points.size()) {
      char32_t point = points.at(index);
      if (IsWordChar(point)) {
        has_letter = has_letter || IsLetterOrMark(point);
        AppendUtf8(ToLower(point), word);
        ++index;
      } else if ((point == U'\'' || point == U'\u2019') && IsWordChar(points.at(index + 1)) && index > begin) {
        word += '\'';
        ++index;
      } else {
        break;
      }
      if (entity_index < entities.size() && entities[entity_index].start == index) break;
    }
    // "germany's" counts as "germany".
    if (word.size() > 2 && word.ends_with("'s")) word.resize(word.size() - 2);
    if (!has_letter || index - begin < 3 || IsStopword(word)) continue;
    terms.push_back(std::move(word));
  }
  return terms;
}

}  // namespace crowdlens::text
