// Lenient field access for social JSON: the same field arrives as a number in
// one export and as a string in another ("followers_count": "15349596 "), ids
// overflow doubles, and null stands for "absent". These helpers read what is
// there and return nullopt for null; they throw simdjson_error only for a
// value of a kind that cannot mean the field (an object where a count is due).
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace crowdlens::json {

using simdjson::ondemand::value;

// A string, or a number written as decimal text; nullopt for null or "".
std::optional<std::string> Id(value field);

// A string; nullopt for null. Numbers and booleans are written as text.
std::optional<std::string> String(value field);

// An integer, or a string holding one (spaces trimmed); nullopt for null or "".
std::optional<int64_t> Int(value field);

// A double, or a string holding one.
std::optional<double> Double(value field);

// true/false, or the strings "true"/"True"/"1" and their opposites.
std::optional<bool> Bool(value field);

// Trims ASCII spaces, tabs and line breaks at both ends.
std::string_view Trim(std::string_view text);

// Lower-cases ASCII letters (hashtags keep their non-ASCII letters as written).
std::string AsciiLower(std::string_view text);

}  // namespace crowdlens::json
