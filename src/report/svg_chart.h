// Charts as inline SVG for the HTML report: they need no script, open
// offline and print as sharply as the text around them. Three kinds cover
// the report: horizontal bars (a ranking or a breakdown), vertical stacked
// bars (a series over time, parts of each period), and a week-by-hour heat map.
//
//   std::string svg = HorizontalBars({.title = "Followers by country"}, {{"GB", 420}, {"US", 130}});
#pragma once

#include <string>
#include <vector>

namespace crowdlens {

struct ChartOptions {
  std::string title;        // the chart's accessible name (and tooltip)
  std::string unit;         // appended to values, e.g. "%"
  int width = 640;
  int decimals = 0;         // digits shown after the point
};

struct Bar {
  std::string label;
  double value = 0;
};

// One bar per item, longest first as given; labels on the left, values at the bar's end.
std::string HorizontalBars(const ChartOptions& options, const std::vector<Bar>& bars);

struct StackedSeries {
  std::string name;             // shown in the legend
  std::vector<double> values;   // one per category
};

// One column per category (a period), its series stacked; `reference` draws a
// horizontal line at that value (e.g. one third) when positive.
std::string StackedColumns(const ChartOptions& options, const std::vector<std::string>& categories,
                           const std::vector<StackedSeries>& series, double reference = 0);

// Seven rows (Mon..Sun) of 24 hours (UTC); `values[day * 24 + hour]`. Darker is more.
std::string WeekHeatMap(const ChartOptions& options, const std::vector<double>& values);

// Escapes text for HTML and SVG content and attributes.
std::string EscapeHtml(const std::string& text);

}  // namespace crowdlens
