#include "ingest/json_fields.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace crowdlens::json {

using simdjson::ondemand::json_type;

namespace {

// A count written as a floating-point number ("1e80") as an int64: past the
// range it saturates, as an unsigned count past INT64_MAX does (casting would
// be undefined behaviour); NaN is no count.
std::optional<int64_t> SaturatingInt(double number) {
  if (std::isnan(number)) return std::nullopt;
  // 2^63 exactly: the first double past INT64_MAX; -2^63 is INT64_MIN itself.
  constexpr double kTwoToThe63 = 9223372036854775808.0;
  if (number >= kTwoToThe63) return std::numeric_limits<int64_t>::max();
  if (number < -kTwoToThe63) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(number);
}

}  // namespace

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<std::string> Id(value field) {
  switch (field.type()) {
    case json_type::null:
      return std::nullopt;
    case json_type::string: {
      std::string_view text = Trim(field.get_string());
      if (text.empty()) return std::nullopt;
      return std::string(text);
    }
    case json_type::number: {
      std::string_view raw = Trim(field.raw_json_token());
      // Ids written as floats ("1.2e18") lost precision upstream; refuse them.
      if (raw.find_first_of(".eE") != std::string_view::npos) {
        throw simdjson::simdjson_error(simdjson::NUMBER_ERROR);
      }
      return std::string(raw);
    }
    default:
      throw simdjson::simdjson_error(simdjson::INCORRECT_TYPE);
  }
}

std::optional<std::string> String(value field) {
  switch (field.type()) {
    case json_type::null:
      return std::nullopt;
    case json_type::string:
      return std::string(std::string_view(field.get_string()));
    case json_type::number:
    case json_type::boolean:
      return std::string(Trim(field.raw_json_token()));
    default:
      throw simdjson::simdjson_error(simdjson::INCORRECT_TYPE);
  }
}

std::optional<int64_t> Int(value field) {
  switch (field.type()) {
    case json_type::null:
      return std::nullopt;
    case json_type::number: {
      simdjson::ondemand::number_type kind = field.get_number_type();
      if (kind == simdjson::ondemand::number_type::floating_point_number) {
        return SaturatingInt(field.get_double());
      }
      if (kind == simdjson::ondemand::number_type::unsigned_integer) {
        uint64_t big = field.get_uint64();
        return big > static_cast<uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<int64_t>(big);
      }
      return field.get_int64();
    }
    case json_type::string: {
      std::string_view text = Trim(field.get_string());
      if (text.empty()) return std::nullopt;
      int64_t number = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (error != std::errc() || end != text.data() + text.size()) {
        double approximate = 0;
        auto [end_double, error_double] = std::from_chars(text.data(), text.data() + text.size(), approximate);
        if (error_double != std::errc() || end_double != text.data() + text.size()) return std::nullopt;
        return SaturatingInt(approximate);
      }
      return number;
    }
    case json_type::boolean:
      return field.get_bool() ? 1 : 0;
    default:
      throw simdjson::simdjson_error(simdjson::INCORRECT_TYPE);
  }
}

std::optional<double> Double(value field) {
  switch (field.type()) {
    case json_type::null:
      return std::nullopt;
    case json_type::number:
      return field.get_double();
    case json_type::string: {
      std::string_view text = Trim(field.get_string());
      double number = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
      return number;
    }
    default:
      throw simdjson::simdjson_error(simdjson::INCORRECT_TYPE);
  }
}

std::optional<bool> Bool(value field) {
  switch (field.type()) {
    case json_type::null:
      return std::nullopt;
    case json_type::boolean:
      return field.get_bool();
    case json_type::number:
      return field.get_int64() != 0;
    case json_type::string: {
      std::string_view text = Trim(field.get_string());
      if (text == "true" || text == "True" || text == "TRUE" || text == "1") return true;
      if (text == "false" || text == "False" || text == "FALSE" || text == "0") return false;
      return std::nullopt;
    }
    default:
      throw simdjson::simdjson_error(simdjson::INCORRECT_TYPE);
  }
}

}  // namespace crowdlens::json
