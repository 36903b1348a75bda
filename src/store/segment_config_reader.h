// Reads the [topics] and [roles] tables of a parsed crowdlens.toml into a SegmentConfig
// (segment_config.h). Kept apart so that only config.cc pulls in toml++.
//
// Mistakes come back as DataError naming the file and line: an unknown key
// ("keyword" for "keywords"), a value of the wrong type, a threshold outside
// 0..1, a topic that defines nothing to match. `threshold` under [topics] is
// the topic threshold, not a topic.
//
//   toml::table table = toml::parse_file(path);
//   CROWDLENS_RETURN_IF_ERROR(ReadSegmentConfig(table, path, config.segments));
#pragma once

#include <toml++/toml.h>

#include <string>

#include "core/status.h"
#include "store/segment_config.h"

namespace crowdlens {

Status ReadSegmentConfig(const toml::table& table, const std::string& path, SegmentConfig& config);

}  // namespace crowdlens
