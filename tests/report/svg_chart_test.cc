// The report's SVG charts: bar lengths and heat-map shades computed by hand,
// and text escaped so a handle or a post cannot inject markup.
#include "report/svg_chart.h"

#include <gtest/gtest.h>

#include <regex>

namespace crowdlens {
namespace {

std::vector<double> Attribute(const std::string& svg, const std::string& element, const std::string& name) {
  std::vector<double> values;
  std::regex pattern("<" + element + " [^>]*?" + name + "=\"([0-9.]+)\"");
  for (std::sregex_iterator match(svg.begin(), svg.end(), pattern), end; match != end; ++match) {
    values.push_back(std::stod((*match)[1]));
  }
  return values;
}

TEST(SvgChart, BarLengthsAreProportionalToTheValues) {
  // Width 640, labels 170 and values 60 wide: the longest bar is 410 units.
  std::string svg = HorizontalBars({.title = "t", .width = 640}, {{"GB", 40}, {"US", 10}, {"FR", 0}});
  std::vector<double> widths = Attribute(svg, "rect", "width");
  ASSERT_EQ(widths.size(), 3u);
  EXPECT_DOUBLE_EQ(widths[0], 410.0);
  EXPECT_DOUBLE_EQ(widths[1], 102.5);
  EXPECT_DOUBLE_EQ(widths[2], 0.0);
  EXPECT_NE(svg.find(">40<"), std::string::npos);
}

TEST(SvgChart, StackedColumnsStackToTheirTotal) {
  // The tallest column (3 + 1 = 4) fills the 200-unit plot; the other is 2 of 4, so 100 units.
  std::string svg = StackedColumns({.title = "t", .width = 400}, {"a", "b"},
                                   {{.name = "x", .values = {3, 2}}, {.name = "y", .values = {1, 0}}});
  std::vector<double> heights = Attribute(svg, "rect", "height");
  // Three parts drawn (the zero is skipped), then two legend squares of 12.
  ASSERT_EQ(heights.size(), 5u);
  EXPECT_DOUBLE_EQ(heights[0], 150.0);
  EXPECT_DOUBLE_EQ(heights[1], 50.0);
  EXPECT_DOUBLE_EQ(heights[2], 100.0);
}

TEST(SvgChart, HeatMapHasAShadePerHourOfTheWeek) {
  std::vector<double> values(168, 0.0);
  values[0] = 10;  // Monday 00:00
  values[167] = 5;  // Sunday 23:00
  std::string svg = WeekHeatMap({.title = "t", .width = 964}, values);
  std::vector<double> opacity = Attribute(svg, "rect", "fill-opacity");
  ASSERT_EQ(opacity.size(), 168u);
  EXPECT_DOUBLE_EQ(opacity[0], 1.0);
  EXPECT_DOUBLE_EQ(opacity[167], 0.53);  // 0.06 + 0.94 * 0.5
  EXPECT_DOUBLE_EQ(opacity[1], 0.06);
}

TEST(SvgChart, TextIsEscaped) {
  std::string svg = HorizontalBars({.title = "<script>"}, {{"\"><img src=x onerror=alert(1)>", 1}});
  EXPECT_EQ(svg.find("<script>"), std::string::npos);
  EXPECT_EQ(svg.find("<img"), std::string::npos);
  EXPECT_EQ(EscapeHtml("a&b<c>\"d'"), "a&amp;b&lt;c&gt;&quot;d&#39;");
}

}  // namespace
}  // namespace crowdlens
