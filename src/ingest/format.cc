#include "ingest/format.h"

namespace crowdlens {
namespace {

struct FormatEntry {
  Format format;
  const char* name;
};

constexpr FormatEntry kFormats[] = {
    {Format::kTwitterV1, "twitter-v1"}, {Format::kTwitterV2, "twitter-v2"},
    {Format::kCassette, "cassette"},    {Format::kEdgeList, "edgelist"},
    {Format::kMatrixMarket, "mtx"},     {Format::kCongressNetwork, "congress-network"},
    {Format::kContactsCsv, "contacts-csv"},    {Format::kVcard, "vcard"},
    {Format::kXArchive, "x-archive"},          {Format::kBluesky, "bluesky"},
    {Format::kMastodon, "mastodon"},           {Format::kTweetCsv, "tweet-csv"},
};

}  // namespace

const char* FormatName(Format format) {
  for (const FormatEntry& entry : kFormats) {
    if (entry.format == format) return entry.name;
  }
  return "unknown";
}

std::optional<Format> ParseFormat(std::string_view name) {
  for (const FormatEntry& entry : kFormats) {
    if (name == entry.name) return entry.format;
  }
  return std::nullopt;
}

std::vector<std::string> FormatNames() {
  std::vector<std::string> names;
  for (const FormatEntry& entry : kFormats) names.emplace_back(entry.name);
  return names;
}

}  // namespace crowdlens
