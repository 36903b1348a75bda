#include "text/jaro_winkler.h"

#include <algorithm>
#include <vector>

#include "text/tokens.h"

namespace crowdlens::text {
namespace {

std::u32string CodePoints(std::string_view utf8) {
  std::u32string points;
  size_t offset = 0;
  while (offset < utf8.size()) {
    const unsigned char lead = static_cast<unsigned char>(utf8[offset]);
    points.push_back(CodePointAt(utf8, offset));
    size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    offset += std::max<size_t>(1, std::min(length, utf8.size() - offset));
  }
  return points;
}

double JaroOfPoints(const std::u32string& first, const std::u32string& second) {
  if (first.empty() && second.empty()) return 1.0;
  if (first.empty() || second.empty()) return 0.0;
  const size_t longer = std::max(first.size(), second.size());
  const size_t window = longer / 2 == 0 ? 0 : longer / 2 - 1;
  std::vector<bool> first_matched(first.size(), false);
  std::vector<bool> second_matched(second.size(), false);
  size_t matches = 0;
  for (size_t first_index = 0; first_index < first.size(); ++first_index) {
    const size_t low = first_index > window ? first_index - window : 0;
    const size_t high = std::min(second.size(), first_index + window + 1);
    for (size_t second_index = low; second_index < high; ++second_index) {
      if (second_matched[second_index] || first[first_index] != second[second_index]) continue;
      first_matched[first_index] = true;
      second_matched[second_index] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  // Half the number of matched characters that are out of order.
  size_t out_of_order = 0;
  size_t second_index = 0;
  for (size_t first_index = 0; first_index < first.size(); ++first_index) {
    if (!first_matched[first_index]) continue;
    while (!second_matched[second_index]) ++second_index;
    if (first[first_index] != second[second_index]) ++out_of_order;
    ++second_index;
  }
  const double m = static_cast<double>(matches);
  const double transpositions = static_cast<double>(out_of_order) / 2.0;
  return (m / static_cast<double>(first.size()) + m / static_cast<double>(second.size()) + (m - transpositions) / m) /
         3.0;
}

}  // namespace

double Jaro(std::string_view first, std::string_view second) {
  return JaroOfPoints(CodePoints(first), CodePoints(second));
}

double JaroWinkler(std::string_view first, std::string_view second, double prefix_scale) {
  const std::u32string first_points = CodePoints(first);
  const std::u32string second_points = CodePoints(second);
  const double jaro = JaroOfPoints(first_points, second_points);
  size_t prefix = 0;
  while (prefix < 4 && prefix < first_points.size() && prefix < second_points.size() &&
         first_points[prefix] == second_points[prefix]) {
    ++prefix;
  }
  const double scale = std::min(prefix_scale, 0.25);
  return jaro + static_cast<double>(prefix) * scale * (1.0 - jaro);
}

}  // namespace crowdlens::text
