// What the streaming tests compare: counts of a workspace's tables, and the
// distinct posts the import readers find in an input, counted apart from the
// stream.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

namespace crowdlens::testing {

// accounts, posts, follows, post_hashtags, post_mentions, post_urls -> rows.
std::map<std::string, int64_t> TableCounts(const std::string& workspace);
// "platform:id" of every post the readers emit for `path` (embedded retweeted originals too).
std::set<std::string> DistinctPostIds(const std::string& path);
// The distinct stream message ids (stream/partition.h) of the records the readers emit for `path`.
size_t DistinctMessageIds(const std::string& path);
// Posts in the workspace whose (platform, platform_id) occurs more than once.
int64_t DuplicatePosts(const std::string& workspace);
// A number in a command's `-o json` summary (top level or one table down); -1 when absent.
int64_t SummaryField(const std::string& json_output, const std::string& field);

}  // namespace crowdlens::testing
