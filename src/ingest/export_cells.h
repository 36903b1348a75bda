// Cells of CSV exports that hold more than plain text: list cells written by
// Python or pandas ("['a', 'b']", ["#a"], [{"tag": "a"}]) and strings quoted
// with Python or JSON escapes.
//
//   simdjson::ondemand::parser parser;
//   for (ListCellItem& tag : ParseListCell("['PfizerBioNTech', 'vaccine']", ListCellKind::kHashtags, parser)) ...
#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crowdlens {

// A quoted string at text[pos] ('...' or "...", with \n, \t, \\, \', \",
// \xXX, \uXXXX (surrogate pairs joined) and \UXXXXXXXX escapes); moves `pos`
// past the closing quote. nullopt when the quote never closes.
std::optional<std::string> DecodeQuoted(std::string_view text, size_t& pos);

enum class ListCellKind { kHashtags, kMentions, kUrls };

struct ListCellItem {
  std::string value;  // the tag, the username or the URL, without a leading '#' or '@'
  std::string id;     // a mention's user id, when the cell gives one
};

// The items of a list cell. Elements may be strings (Python or JSON quoting)
// or entity objects, read for `kind`: {"tag"|"text"} for hashtags,
// {"username"|"screen_name", "id"} for mentions, {"expanded_url"|"url"} for
// URLs. A cell without brackets is split on commas, semicolons and spaces.
// Elements that cannot be read are left out.
std::vector<ListCellItem> ParseListCell(std::string_view cell, ListCellKind kind, simdjson::ondemand::parser& parser);

}  // namespace crowdlens
