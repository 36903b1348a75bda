#include "report/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace crowdlens {
namespace {

// A restrained palette that stays distinct in print and for the common colour blindnesses (Okabe & Ito 2008).
constexpr const char* kPalette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"};
constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string Value(double value, const ChartOptions& options) {
  return fmt::format("{:.{}f}{}", value, options.decimals, options.unit);
}

std::string Open(const ChartOptions& options, int height) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" "
      "aria-label=\"{2}\" class=\"chart\"><title>{2}</title>",
      options.width, height, EscapeHtml(options.title));
}

}  // namespace

std::string EscapeHtml(const std::string& text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      case '\'': escaped += "&#39;"; break;
      default: escaped += c;
    }
  }
  return escaped;
}

std::string HorizontalBars(const ChartOptions& options, const std::vector<Bar>& bars) {
  constexpr int kRow = 22;
  const int label_width = std::min(170, options.width * 3 / 10);
  constexpr int kValueWidth = 60;
  const int height = std::max<int>(kRow, static_cast<int>(bars.size()) * kRow) + 4;
  double largest = 0;
  for (const Bar& bar : bars) largest = std::max(largest, bar.value);
  const double scale = largest > 0 ? (options.width - label_width - kValueWidth) / largest : 0;
  std::string svg = Open(options, height);
  for (size_t index = 0; index < bars.size(); ++index) {
    const Bar& bar = bars[index];
    const int y = static_cast<int>(index) * kRow + 2;
    const double length = std::max(0.0, bar.value * scale);
    std::string label = bar.label.size() > 26 ? bar.label.substr(0, 25) + "…" : bar.label;
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"label\">{}</text>"
        "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"><title>{}: {}</title></rect>"
        "<text x=\"{:.1f}\" y=\"{}\" class=\"value\">{}</text>",
        label_width - 6, y + 15, EscapeHtml(label), label_width, y + 3, length, kRow - 6, kPalette[0],
        EscapeHtml(bar.label), Value(bar.value, options), label_width + length + 4, y + 15, Value(bar.value, options));
  }
  return svg + "</svg>";
}

std::string StackedColumns(const ChartOptions& options, const std::vector<std::string>& categories,
                           const std::vector<StackedSeries>& series, double reference) {
  constexpr int kTop = 24;      // room for the legend
  constexpr int kBottom = 40;   // room for category labels
  constexpr int kLeft = 48;
  constexpr int kPlot = 200;
  const int height = kTop + kPlot + kBottom;
  double largest = reference;
  for (size_t category = 0; category < categories.size(); ++category) {
    double total = 0;
    for (const StackedSeries& one : series) total += category < one.values.size() ? one.values[category] : 0;
    largest = std::max(largest, total);
  }
  if (largest <= 0) largest = 1;
  const double column_space = categories.empty() ? 0 : static_cast<double>(options.width - kLeft - 8) / categories.size();
  const double column_width = std::clamp(column_space * 0.7, 2.0, 48.0);
  std::string svg = Open(options, height);
  // Axis: zero and the largest value.
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" class=\"axis\"/>", kLeft, kTop + kPlot,
                     options.width - 8);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"value\">{}</text>", kLeft - 4, kTop + 10,
                     Value(largest, options));
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"value\">0</text>", kLeft - 4, kTop + kPlot);
  // Every label when they fit, else every n-th.
  const size_t label_every = std::max<size_t>(1, static_cast<size_t>(std::ceil(60.0 / std::max(1.0, column_space))));
  for (size_t category = 0; category < categories.size(); ++category) {
    double base = 0;
    const double x = kLeft + category * column_space + (column_space - column_width) / 2;
    for (size_t part = 0; part < series.size(); ++part) {
      const double value = category < series[part].values.size() ? series[part].values[category] : 0;
      if (value <= 0) continue;
      const double top = kTop + kPlot - (base + value) / largest * kPlot;
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{} {}: "
                         "{}</title></rect>",
                         x, top, column_width, value / largest * kPlot, kPalette[part % std::size(kPalette)],
                         EscapeHtml(categories[category]), EscapeHtml(series[part].name), Value(value, options));
      base += value;
    }
    if (category % label_every == 0) {
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" class=\"label\">{}</text>",
                         x + column_width / 2, kTop + kPlot + 16, EscapeHtml(categories[category]));
    }
  }
  if (reference > 0) {
    const double y = kTop + kPlot - reference / largest * kPlot;
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" class=\"reference\"/>", kLeft, y,
                       options.width - 8);
  }
  double legend_x = kLeft;
  for (size_t part = 0; part < series.size(); ++part) {
    svg += fmt::format("<rect x=\"{:.0f}\" y=\"4\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{:.0f}\" y=\"14\" "
                       "class=\"label\">{}</text>",
                       legend_x, kPalette[part % std::size(kPalette)], legend_x + 16, EscapeHtml(series[part].name));
    legend_x += 28 + 7.0 * series[part].name.size();
  }
  return svg + "</svg>";
}

std::string WeekHeatMap(const ChartOptions& options, const std::vector<double>& values) {
  constexpr int kLeft = 40;
  constexpr int kTop = 18;
  const double cell = (options.width - kLeft - 4) / 24.0;
  const int height = kTop + static_cast<int>(7 * cell) + 4;
  double largest = 0;
  for (double value : values) largest = std::max(largest, value);
  std::string svg = Open(options, height);
  for (int hour = 0; hour < 24; hour += 3) {
    svg += fmt::format("<text x=\"{:.1f}\" y=\"12\" text-anchor=\"middle\" class=\"label\">{:02d}</text>",
                       kLeft + hour * cell + cell / 2, hour);
  }
  for (int day = 0; day < 7; ++day) {
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" class=\"label\">{}</text>", kLeft - 4,
                       kTop + day * cell + cell * 0.7, kDays[day]);
    for (int hour = 0; hour < 24; ++hour) {
      const size_t index = static_cast<size_t>(day * 24 + hour);
      const double value = index < values.size() ? values[index] : 0;
      const double strength = largest > 0 ? value / largest : 0;
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#0072B2\" "
                         "fill-opacity=\"{:.3f}\" stroke=\"#fff\"><title>{} {:02d}:00 UTC: {}</title></rect>",
                         kLeft + hour * cell, kTop + day * cell, cell, cell, 0.06 + 0.94 * strength, kDays[day], hour,
                         Value(value, options));
    }
  }
  return svg + "</svg>";
}

}  // namespace crowdlens
