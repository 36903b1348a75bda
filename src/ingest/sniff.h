// Sniffing: telling an input's format from its first bytes and its name.
//
// Content decides; names only break ties (a PHEME `who-follows-whom.dat` is
// an edge list of Twitter user ids). Files that are plainly not social data
// (READMEs, licences, PHEME annotation.json and structure.json) sniff as
// kUnknown with a reason, and a folder import skips them.
#pragma once

#include <string>
#include <string_view>

#include "ingest/format.h"

namespace crowdlens {

struct SniffResult {
  Format format = Format::kUnknown;
  std::string platform_hint;  // e.g. "twitter" for PHEME follow lists
  std::string reason;         // why the format was chosen or refused, for users
};

// `name` is the input's name (path or archive member); `head` its first bytes
// after decompression (a few KB are enough).
SniffResult Sniff(std::string_view name, std::string_view head);

}  // namespace crowdlens
