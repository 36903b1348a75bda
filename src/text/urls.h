// URL finding for entities.cc: twitter-text's URL rules over decoded text.
// Internal to the text library; callers use ExtractUrlEntities.
#pragma once

#include <vector>

#include "text/code_points.h"
#include "text/entities.h"

namespace crowdlens::text {

// The URLs of `text` in order, as twitter-text's extractUrlsWithIndices finds
// them (URLs without a scheme included).
std::vector<TextEntity> FindUrls(const CodePoints& text);

// The length of `label` (one domain label, '.'-free) once IDNA-encoded
// ("xn--" + Punycode, RFC 3492) when it has non-ASCII characters.
size_t EncodedLabelLength(std::u32string_view label);

}  // namespace crowdlens::text
