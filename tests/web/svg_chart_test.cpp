// Server-side SVG charts: well-formed XML (parsed with pugixml), one bar or point per value,
// escaped labels, 暂无数据 instead of a division by zero, accessible names and contrast.
#include "web/svg_chart.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <pugixml.hpp>

namespace {

using namespace zwgk::web;

std::vector<std::string> months() {
  std::vector<std::string> m;
  for (int i = 1; i <= 12; ++i) m.push_back(std::to_string(i) + "月");
  return m;
}

ChartData received_and_answered() {
  ChartData d;
  d.title = "2024年来信办理情况";
  d.description = "每月收到和已答复的来信件数";
  d.categories = months();
  ChartSeries received{"收到", {}}, answered{"已答复", {}};
  for (int i = 0; i < 12; ++i) {
    received.values.push_back(12 + i);
    answered.values.push_back(10 + i);
  }
  answered.values[11] = std::nullopt;  // December not over
  d.series = {received, answered};
  d.y_label = "单位：件";
  return d;
}

pugi::xml_document parse(const std::string& svg) {
  pugi::xml_document doc;
  const auto r = doc.load_string(svg.c_str());
  EXPECT_TRUE(r) << r.description() << " at " << r.offset << ": " << svg.substr(r.offset > 40 ? r.offset - 40 : 0, 80);
  return doc;
}

std::size_t count(const pugi::xml_document& doc, const char* xpath) { return doc.select_nodes(xpath).size(); }

TEST(SvgChart, BarChartIsWellFormedWithOneBarPerValue) {
  const auto svg = bar_chart_svg(received_and_answered());
  const auto doc = parse(svg);
  const auto root = doc.child("svg");
  ASSERT_TRUE(root);
  EXPECT_STREQ(root.attribute("xmlns").value(), "http://www.w3.org/2000/svg");
  EXPECT_STREQ(root.attribute("role").value(), "img");
  EXPECT_STREQ(root.attribute("aria-label").value(), "2024年来信办理情况");
  EXPECT_STREQ(root.attribute("width").value(), "100%");
  EXPECT_STREQ(root.child("title").text().get(), "2024年来信办理情况");
  const std::string desc = root.child("desc").text().get();
  EXPECT_EQ(desc.find("每月收到和已答复的来信件数。1月：收到 12，已答复 10；"), 0u) << desc;
  EXPECT_NE(desc.find("12月：收到 23，已答复 —。"), std::string::npos) << desc;
  EXPECT_EQ(count(doc, "//rect[@class='bar']"), 23u) << "24 values, one missing";
  EXPECT_EQ(count(doc, "//text[@class='value']"), 23u) << "every bar has its value label";
  EXPECT_EQ(count(doc, "//g[@class='series-0']/rect[@class='bar']"), 12u);
  EXPECT_EQ(count(doc, "//g[@class='legend']/text"), 2u);
  EXPECT_TRUE(doc.select_node("//g[@class='legend']/text[text()='已答复']"));
  EXPECT_TRUE(doc.select_node("//text[@class='y-label'][text()='单位：件']"));
  EXPECT_TRUE(doc.select_node("//g[@class='x-axis']/text[text()='12月']"));
  EXPECT_TRUE(doc.select_node("//rect[@class='bar']/title[text()='3月 已答复：12']"));
  // The tallest bar's value sits on a tick scale that reaches it.
  EXPECT_TRUE(doc.select_node("//g[@class='y-axis']/text[text()='25']"));
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_FALSE(doc.select_node("//*[@style]")) << "the CSP (style-src 'self') would block it";
  EXPECT_FALSE(doc.select_node("//style"));
}

TEST(SvgChart, LabelsAreTextNotMarkup) {
  ChartData d;
  d.title = "a&b <script>";
  d.categories = {"<b>&", "x\"y'"};
  d.series = {{"<i>系列</i>", {1, 2}}};
  d.y_label = "&amp;";
  for (const auto& svg : {bar_chart_svg(d), line_chart_svg(d)}) {
    const auto doc = parse(svg);
    EXPECT_FALSE(doc.select_node("//b"));
    EXPECT_FALSE(doc.select_node("//i"));
    EXPECT_FALSE(doc.select_node("//script"));
    EXPECT_TRUE(doc.select_node("//g[@class='x-axis']/text[text()='<b>&']"));
    EXPECT_TRUE(doc.select_node("//g[@class='x-axis']/text[text()='x\"y']") ||
                doc.select_node("//g[@class='x-axis']/text[starts-with(text(), 'x')]"));
    EXPECT_TRUE(doc.select_node("//g[@class='legend']/text[text()='<i>系列</i>']"));
    EXPECT_TRUE(doc.select_node("//text[@class='y-label'][text()='&amp;']")) << "escaped once, shown as typed";
    EXPECT_STREQ(doc.child("svg").attribute("aria-label").value(), "a&b <script>");
  }
}

TEST(SvgChart, NoDataSaysSoInsteadOfDividingByZero) {
  ChartData empty;
  empty.title = "来信办理情况";
  ChartData zeros = received_and_answered();
  for (auto& s : zeros.series)
    for (auto& v : s.values) v = 0.0;
  ChartData missing = received_and_answered();
  for (auto& s : missing.series)
    for (auto& v : s.values) v = std::nullopt;
  ChartData no_series = received_and_answered();
  no_series.series.clear();
  for (const auto& svg : {bar_chart_svg(empty), line_chart_svg(empty), bar_chart_svg(zeros), bar_chart_svg(missing),
                          line_chart_svg(missing), bar_chart_svg(no_series)}) {
    const auto doc = parse(svg);
    EXPECT_TRUE(doc.select_node("//text[@class='no-data'][text()='暂无数据']")) << svg;
    EXPECT_EQ(count(doc, "//rect[@class='bar']"), 0u);
    EXPECT_EQ(count(doc, "//*[@class='point']"), 0u);
    EXPECT_NE(std::string(doc.child("svg").child("desc").text().get()).find("暂无数据"), std::string::npos);
    EXPECT_STREQ(doc.child("svg").attribute("role").value(), "img");
    EXPECT_EQ(svg.find("nan"), std::string::npos);
    EXPECT_EQ(svg.find("inf"), std::string::npos);
  }
  // A rate of 0.0% every month is data, not "no data".
  ChartData zero_rates = zeros;
  zero_rates.series.resize(1);
  const auto doc = parse(line_chart_svg(zero_rates));
  EXPECT_FALSE(doc.select_node("//text[@class='no-data']"));
  EXPECT_EQ(count(doc, "//*[@class='point']"), 12u);
}

TEST(SvgChart, LineChartHasOnePointPerValueAndBreaksAtAGap) {
  ChartData d;
  d.title = "按期答复率";
  d.categories = months();
  ChartSeries on_time{"按期答复率", {}};
  for (int i = 0; i < 12; ++i) on_time.values.push_back(90 + i * 0.5);
  on_time.values[5] = std::nullopt;  // June: nothing answered, the rate is "—"
  ChartSeries satisfied{"满意率", std::vector<std::optional<double>>(12, 80.0)};
  d.series = {on_time, satisfied};
  d.value_suffix = "%";
  d.decimals = 1;
  d.y_max = 100;
  const auto doc = parse(line_chart_svg(d));
  EXPECT_EQ(count(doc, "//g[@class='series-0']/*[@class='point']"), 11u);
  EXPECT_EQ(count(doc, "//g[@class='series-1']/*[@class='point']"), 12u);
  EXPECT_EQ(count(doc, "//path[@class='line']"), 2u);
  const std::string first = doc.select_node("//g[@class='series-0']/path[@class='line']").node().attribute("d").value();
  EXPECT_EQ(std::count(first.begin(), first.end(), 'M'), 2) << "the line breaks at June: " << first;
  const std::string second = doc.select_node("//g[@class='series-1']/path[@class='line']").node().attribute("d").value();
  EXPECT_EQ(std::count(second.begin(), second.end(), 'M'), 1);
  EXPECT_TRUE(doc.select_node("//g[@class='y-axis']/text[text()='100.0%']")) << "the fixed top";
  EXPECT_TRUE(doc.select_node("//text[@class='value'][text()='95.5%']"));
  EXPECT_TRUE(doc.select_node("//g[@class='series-1']/path[@stroke-dasharray]")) << "told apart without colour";
  EXPECT_NE(std::string(doc.child("svg").child("desc").text().get()).find("6月：按期答复率 —，满意率 80.0%"),
            std::string::npos);
}

TEST(SvgChart, ReadableOnAPhoneAndLongLabelsTurn) {
  const auto doc = parse(bar_chart_svg(received_and_answered()));
  double x, y, w, h;
  ASSERT_EQ(std::sscanf(doc.child("svg").attribute("viewBox").value(), "%lf %lf %lf %lf", &x, &y, &w, &h), 4);
  // At 320 CSS px, a 14-unit label is 14 * 320 / w px.
  EXPECT_GE(14 * 320 / w, 11.0) << "viewBox width " << w;
  EXPECT_STREQ(doc.select_node("//g[@class='x-axis']").node().attribute("font-size").value(), "14.0");

  ChartData departments;
  departments.title = "各部门收到来信";
  departments.categories = {"邵阳市住房和城乡建设局", "邵阳市交通运输局", "邵阳市人力资源和社会保障局", "未转办"};
  departments.series = {{"收到", {120, 45, 300, 2}}};
  const auto turned = parse(bar_chart_svg(departments));
  const auto label = turned.select_node("//g[@class='x-axis']/text").node();
  EXPECT_NE(std::string(label.attribute("transform").value()).find("rotate(-45"), std::string::npos);
  EXPECT_EQ(count(turned, "//rect[@class='bar']"), 4u);

  ChartData many;
  many.categories.assign(60, "x");
  many.series = {{"a", std::vector<std::optional<double>>(60, 1.0)}, {"b", std::vector<std::optional<double>>(60, 2.0)}};
  const auto wide = parse(bar_chart_svg(many));
  ASSERT_EQ(std::sscanf(wide.child("svg").attribute("viewBox").value(), "%lf %lf %lf %lf", &x, &y, &w, &h), 4);
  EXPECT_GT(w, 400) << "sixty groups of two bars need more room than 400";
  EXPECT_EQ(count(wide, "//rect[@class='bar']"), 120u);
}

double luminance(const std::string& hex) {
  auto channel = [&](int at) {
    const double c = std::stoi(hex.substr(at, 2), nullptr, 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

TEST(SvgChart, PaletteHasEnoughContrastOnWhite) {
  ASSERT_GE(chart_palette().size(), 4u);
  for (const auto& c : chart_palette()) EXPECT_GE(1.05 / (luminance(c) + 0.05), 4.5) << c;  // WCAG 2.1, 1.4.3
}

}  // namespace
