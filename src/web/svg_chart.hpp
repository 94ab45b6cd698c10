#pragma once
// Charts drawn on the server as inline SVG: a grouped bar chart and a line chart, readable
// without JavaScript, printable, and read out by screen readers (ADR 0023). A page puts the
// returned markup where the chart goes ({{{chart}}} in a template: it is already escaped).
//
// What the output promises (tested):
//  1. Well-formed XML in the SVG namespace; every text from ChartData is escaped
//     (feed::xml_escape), so a label "<b>&" shows as itself and is never markup.
//  2. role="img" and aria-label = the title on the root; a <title> and a <desc> whose text
//     lists every value ("1月：收到 12，已答复 10；…"), so the figures are there without
//     the picture. Each bar and point also carries its own <title> (a tooltip).
//  3. One <rect class="bar"> per present value (bar chart), one <circle|rect|path
//     class="point"> per present value (line chart); a missing value (nullopt: e.g. a rate
//     whose denominator is 0) draws nothing and breaks the line. Every bar and point has a
//     value label. Negative values are drawn as 0 (the y axis starts at 0).
//  4. No data — no categories, no series, or no value above 0 (bars) / no value at all
//     (line) — gives a chart that says "暂无数据"; nothing divides by zero.
//  5. Sized by its viewBox with width="100%": at 320 CSS pixels wide (a phone) the labels
//     are still about 11 px. Crowded x labels are turned 45°, crowded value labels 90°.
//     Colours have at least 4.5:1 contrast on white; lines also differ by dash and marker,
//     so the series can be told apart without colour.
//  6. No style attribute or <style> element (the CSP's style-src 'self' would block them):
//     presentation attributes only. The root has class="chart"; a page that wants to cap
//     the width on a desktop does so in its stylesheet (svg.chart { max-width: 48em }).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::web {

struct ChartSeries {
  std::string name;                          // the legend's entry
  std::vector<std::optional<double>> values;  // one per category; shorter = missing at the end
};

struct ChartData {
  std::string title;                    // drawn on top; <title> and aria-label
  std::string description;              // first sentence of <desc>; the values follow
  std::vector<std::string> categories;  // the x axis, left to right
  std::vector<ChartSeries> series;
  std::string y_label;       // shown above the y axis, e.g. "单位：件", "单位：%"
  std::string value_suffix;  // appended to value labels and ticks: "" | "%"
  int decimals = 0;          // digits after the point in value labels (0..3)
  std::optional<double> y_max;  // a fixed top (100 for a percentage); default: from the data
};

inline constexpr std::string_view kChartNoDataText = "暂无数据";

// The series colours, in order (repeating after the last); each >= 4.5:1 on white.
const std::vector<std::string>& chart_palette();

std::string bar_chart_svg(const ChartData& data);
std::string line_chart_svg(const ChartData& data);

}  // namespace zwgk::web
