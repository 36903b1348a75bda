// The gazetteer's data, generated at build time by src/text/generate_gazetteer.py
// from Debian's GeoNames (CC BY 4.0, geonames.org) and iso-codes packages and
// compiled into the binary, so no data file has to be found at run time.
// Parsed once by gazetteer.h; its record format is described in the generator.
//
//   std::string_view records = crowdlens::text::kGazetteerText;  // "C\tGB\tGBR\t...\n..."
#pragma once

#include <string_view>

namespace crowdlens::text {

// One record a line, fields separated by tabs (see generate_gazetteer.py).
extern const std::string_view kGazetteerText;

}  // namespace crowdlens::text
