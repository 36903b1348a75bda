// The Jetstream cursor a publisher resumes from: the `time_us` of the last
// event whose records the stream acknowledged, one decimal number in a file.
// Saved atomically (a temporary file renamed over it), so a publisher killed
// at any moment leaves the old cursor or the new one, never half of one.
//
//   Result<std::optional<int64_t>> cursor = ReadCursor("jetstream.cursor");
//   CROWDLENS_RETURN_IF_ERROR(SaveCursor("jetstream.cursor", 1725911162329308));
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/status.h"

namespace crowdlens::stream {

// Empty when the file does not exist yet (the first run).
Result<std::optional<int64_t>> ReadCursor(const std::string& path);
Status SaveCursor(const std::string& path, int64_t time_us);

}  // namespace crowdlens::stream
