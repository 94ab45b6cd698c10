// See svg_chart.hpp.
#include "web/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "web/feed_xml.hpp"
#include "web/text_width.hpp"

namespace zwgk::web {

namespace {

// viewBox units. The chart is 400 wide unless its categories need more, so at 320 CSS px
// one unit is 0.8 px: labels (14) show at 11.2 px, value labels (13) at 10.4 px.
constexpr double kMinWidth = 400;
constexpr double kPad = 8;
constexpr double kTitleSize = 16;
constexpr double kLabelSize = 14;
constexpr double kValueSize = 13;
constexpr double kPlotHeight = 220;       // from the top of the value-label room to the x axis
constexpr double kMaxXLabelWidth = 110;   // a turned x label is cut to this ("…")
constexpr double kEm = 0.55;              // width of one text column, in font sizes
constexpr const char* kTextColour = "#1a1a1a";  // 17:1 on white
constexpr const char* kAxisColour = "#595959";  // 7:1
constexpr const char* kGridColour = "#d9d9d9";  // decoration only
constexpr const char* kFont = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";
// A line's dash pattern and marker tell the series apart without colour.
constexpr const char* kDashes[] = {"", "7 4", "2 3", "10 3 2 3"};

enum class Kind { Bar, Line };

std::string esc(std::string_view s) { return feed::xml_escape(s); }

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

std::string value_text(double v, const ChartData& d) {
  char b[64];
  std::snprintf(b, sizeof b, "%.*f", std::clamp(d.decimals, 0, 3), v);
  return b + d.value_suffix;
}

double text_width(std::string_view s, double size) { return text_columns(s) * size * kEm; }

// `s` cut so that it is at most `max` wide, with "…" when cut.
std::string fit(const std::string& s, double max, double size) {
  if (text_width(s, size) <= max) return s;
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = domain::decode_utf8(s, i);
    const std::size_t n = c.length == 0 ? 1 : c.length;
    if (text_width(out + s.substr(i, n), size) + size > max) break;
    out += s.substr(i, n);
    i += n;
  }
  return out + "…";
}

// A value to draw: present, finite; negative ones as 0.
std::optional<double> value_at(const ChartSeries& s, std::size_t i) {
  if (i >= s.values.size() || !s.values[i] || !std::isfinite(*s.values[i])) return std::nullopt;
  return std::max(0.0, *s.values[i]);
}

struct Scale {
  double top = 1;
  double step = 1;
};

// 1, 2 or 5 times a power of ten, about five ticks; top > 0 always.
Scale nice_scale(double max, std::optional<double> fixed, int decimals) {
  const bool is_fixed = fixed && std::isfinite(*fixed) && *fixed > 0;
  double top = is_fixed ? std::max(*fixed, max) : max;
  if (!(top > 0)) top = 1;
  const double raw = top / 5;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = 10 * magnitude;
  for (double m : {1.0, 2.0, 5.0})
    if (m * magnitude >= raw) {
      step = m * magnitude;
      break;
    }
  if (decimals <= 0) step = std::max(step, 1.0);
  if (is_fixed && top == *fixed) return {top, step};
  return {std::ceil(top / step - 1e-9) * step, step};
}

std::string root_open(const ChartData& d, double width, double height) {
  const std::string label = d.title.empty() ? "图表" : d.title;
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + num(width) + " " +
         num(height) + "\" width=\"100%\" role=\"img\" aria-label=\"" +
         esc(label) + "\" font-family=\"" + kFont + "\" fill=\"" + kTextColour + "\">";
}

std::string description_sentence(const ChartData& d) {
  std::string s = d.description;
  if (!s.empty() && !s.ends_with("。")) s += "。";
  return s;
}

std::string title_and_desc(const ChartData& d, const std::string& desc) {
  return "<title>" + esc(d.title.empty() ? "图表" : d.title) + "</title><desc>" + esc(desc) + "</desc>";
}

bool has_data(const ChartData& d, Kind kind) {
  if (d.categories.empty() || d.series.empty()) return false;
  for (const auto& s : d.series)
    for (std::size_t i = 0; i < d.categories.size(); ++i) {
      const auto v = value_at(s, i);
      if (v && (kind == Kind::Line || *v > 0)) return true;
    }
  return false;
}

std::string no_data_svg(const ChartData& d) {
  const double h = 120;
  std::string out = root_open(d, kMinWidth, h);
  out += title_and_desc(d, description_sentence(d) + std::string(kChartNoDataText) + "。");
  if (!d.title.empty())
    out += "<text x=\"" + num(kMinWidth / 2) + "\" y=\"" + num(kPad + kTitleSize) + "\" font-size=\"" +
           num(kTitleSize) + "\" font-weight=\"bold\" text-anchor=\"middle\">" + esc(d.title) + "</text>";
  out += "<text class=\"no-data\" x=\"" + num(kMinWidth / 2) + "\" y=\"80\" font-size=\"" + num(kLabelSize) +
         "\" text-anchor=\"middle\" fill=\"" + kAxisColour + "\">" + std::string(kChartNoDataText) + "</text>";
  return out + "</svg>";
}

// "1月：收到 12，已答复 10；2月：…。"
std::string data_sentence(const ChartData& d) {
  std::string out;
  for (std::size_t i = 0; i < d.categories.size(); ++i) {
    if (i) out += "；";
    out += d.categories[i] + "：";
    for (std::size_t j = 0; j < d.series.size(); ++j) {
      if (j) out += "，";
      const auto v = value_at(d.series[j], i);
      out += d.series[j].name + " " + (v ? value_text(*v, d) : "—");
    }
  }
  return out + "。";
}

// A point's marker, by series: circle, square, triangle, diamond.
std::string marker(std::size_t series, double x, double y, const std::string& colour, const std::string& tip,
                   const char* css_class = "point") {
  const std::string attrs = std::string(" class=\"") + css_class + "\" fill=\"" + colour + "\"";
  const std::string title = "<title>" + esc(tip) + "</title>";
  switch (series % 4) {
    case 0: return "<circle" + attrs + " cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"4\">" + title + "</circle>";
    case 1:
      return "<rect" + attrs + " x=\"" + num(x - 3.5) + "\" y=\"" + num(y - 3.5) +
             "\" width=\"7\" height=\"7\">" + title + "</rect>";
    case 2:
      return "<path" + attrs + " d=\"M" + num(x) + " " + num(y - 5) + "L" + num(x + 4.5) + " " + num(y + 3.5) + "L" +
             num(x - 4.5) + " " + num(y + 3.5) + "Z\">" + title + "</path>";
    default:
      return "<path" + attrs + " d=\"M" + num(x) + " " + num(y - 5) + "L" + num(x + 5) + " " + num(y) + "L" + num(x) +
             " " + num(y + 5) + "L" + num(x - 5) + " " + num(y) + "Z\">" + title + "</path>";
  }
}

// A value label above (x, y), or below it when `below`: level, or turned 90° when wider than
// `room` (reading upwards, ending at the point when below).
std::string value_label(double x, double y, const std::string& text, double room, bool below = false) {
  if (text_width(text, kValueSize) <= room)
    return "<text class=\"value\" x=\"" + num(x) + "\" y=\"" + num(below ? y + kValueSize + 4 : y - 4) +
           "\" font-size=\"" + num(kValueSize) + "\" text-anchor=\"middle\">" + esc(text) + "</text>";
  const double tx = x + kValueSize * 0.35, ty = below ? y + 4 : y - 4;
  return "<text class=\"value\" x=\"" + num(tx) + "\" y=\"" + num(ty) + "\" font-size=\"" + num(kValueSize) +
         "\"" + (below ? " text-anchor=\"end\"" : "") + " transform=\"rotate(-90 " + num(tx) + " " + num(ty) +
         ")\">" + esc(text) + "</text>";
}

std::string render(const ChartData& d, Kind kind) {
  if (!has_data(d, kind)) return no_data_svg(d);
  const std::size_t n = d.categories.size();
  const std::size_t k = d.series.size();
  const auto& palette = chart_palette();
  auto colour = [&](std::size_t j) { return palette[j % palette.size()]; };

  double max = 0;
  double widest_value = 0;
  for (const auto& s : d.series)
    for (std::size_t i = 0; i < n; ++i)
      if (const auto v = value_at(s, i)) {
        max = std::max(max, *v);
        widest_value = std::max(widest_value, text_width(value_text(*v, d), kValueSize));
      }
  const Scale scale = nice_scale(max, d.y_max, d.decimals);
  std::vector<double> ticks;
  for (int t = 0; t * scale.step <= scale.top + scale.step * 1e-6; ++t) ticks.push_back(t * scale.step);
  double widest_tick = 0;
  for (double t : ticks) widest_tick = std::max(widest_tick, text_width(value_text(t, d), kLabelSize));

  // Horizontal layout: a slot per category, wide enough for its bars or its point.
  const double left = kPad + widest_tick + 6;
  const double right_pad = kPad + (kind == Kind::Line ? 6 : 0);
  const double min_slot = kind == Kind::Bar ? 6.0 * static_cast<double>(k) + 6 : 24;
  const double width = std::max(kMinWidth, left + min_slot * static_cast<double>(n) + right_pad);
  const double right = width - right_pad;
  const double slot = (right - left) / static_cast<double>(n);
  const double bar_width = slot * 0.8 / static_cast<double>(k);
  const double label_room = kind == Kind::Bar ? bar_width + 2 : slot - 2;
  const bool values_turned = widest_value > label_room;

  // Vertical layout: title, legend, y label, value-label room, plot, x labels.
  std::string head;
  double y = kPad;
  if (!d.title.empty()) {
    head += "<text x=\"" + num(width / 2) + "\" y=\"" + num(y + kTitleSize) + "\" font-size=\"" + num(kTitleSize) +
            "\" font-weight=\"bold\" text-anchor=\"middle\">" + esc(fit(d.title, width - 2 * kPad, kTitleSize)) +
            "</text>";
    y += kTitleSize + 10;
  }
  head += "<g class=\"legend\" font-size=\"" + num(kLabelSize) + "\">";
  double lx = kPad;
  y += 4;
  for (std::size_t j = 0; j < k; ++j) {
    const std::string name = fit(d.series[j].name, width - 2 * kPad - 26, kLabelSize);
    const double item = 26 + text_width(name, kLabelSize) + 14;
    if (lx > kPad && lx + item > width - kPad) {
      lx = kPad;
      y += kLabelSize + 8;
    }
    if (kind == Kind::Bar) {
      head += "<rect x=\"" + num(lx) + "\" y=\"" + num(y) + "\" width=\"14\" height=\"14\" fill=\"" + colour(j) + "\"/>";
    } else {
      const std::string dash = kDashes[j % 4];
      head += "<line x1=\"" + num(lx) + "\" y1=\"" + num(y + 7) + "\" x2=\"" + num(lx + 20) + "\" y2=\"" + num(y + 7) +
              "\" stroke=\"" + colour(j) + "\" stroke-width=\"2.5\"" +
              (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
      head += marker(j, lx + 10, y + 7, colour(j), d.series[j].name, "legend-marker");
    }
    head += "<text x=\"" + num(lx + 26) + "\" y=\"" + num(y + 12) + "\">" + esc(name) + "</text>";
    lx += item;
  }
  head += "</g>";
  y += kLabelSize + 10;
  if (!d.y_label.empty()) {
    head += "<text class=\"y-label\" x=\"" + num(kPad) + "\" y=\"" + num(y + kLabelSize) + "\" font-size=\"" +
            num(kLabelSize) + "\" fill=\"" + kAxisColour + "\">" + esc(fit(d.y_label, width - 2 * kPad, kLabelSize)) +
            "</text>";
    y += kLabelSize + 6;
  }
  // Room for the value labels: above the top, and in a line chart with more than one series
  // below the lowest point too — the second, fourth ... series are labelled under their
  // points, so that two lines' labels do not fall on each other.
  const double label_extent = (values_turned ? widest_value : kValueSize) + 8;
  const bool labels_below = kind == Kind::Line && k > 1;
  const double plot_top = y + label_extent;
  const double zero_at = y + kPlotHeight;
  const double plot_bottom = zero_at + (labels_below ? label_extent + 4 : 0);
  auto y_of = [&](double v) { return zero_at - v / scale.top * (zero_at - plot_top); };

  double widest_x = 0;
  for (const auto& c : d.categories) widest_x = std::max(widest_x, text_width(c, kLabelSize));
  const bool x_turned = widest_x > slot - 4;
  const double x_area =
      x_turned ? std::min(widest_x, kMaxXLabelWidth) * 0.7072 + kLabelSize + 10 : kLabelSize + 12;
  const double height = plot_bottom + x_area + kPad;

  std::string out = root_open(d, width, height);
  out += title_and_desc(d, description_sentence(d) + data_sentence(d));
  out += head;

  // Grid, ticks and axes.
  out += "<g class=\"y-axis\" font-size=\"" + num(kLabelSize) + "\" fill=\"" + kAxisColour + "\">";
  for (double t : ticks) {
    const double ty = y_of(t);
    out += "<line x1=\"" + num(left) + "\" y1=\"" + num(ty) + "\" x2=\"" + num(right) + "\" y2=\"" + num(ty) +
           "\" stroke=\"" + (t == 0 ? kAxisColour : kGridColour) + "\" stroke-width=\"1\"/>";
    out += "<text x=\"" + num(left - 6) + "\" y=\"" + num(ty + kLabelSize * 0.35) + "\" text-anchor=\"end\">" +
           esc(value_text(t, d)) + "</text>";
  }
  out += "</g><g class=\"x-axis\" font-size=\"" + num(kLabelSize) + "\">";
  for (std::size_t i = 0; i < n; ++i) {
    const double cx = left + (static_cast<double>(i) + 0.5) * slot;
    if (x_turned) {
      const double ty = plot_bottom + 14;
      out += "<text x=\"" + num(cx) + "\" y=\"" + num(ty) + "\" text-anchor=\"end\" transform=\"rotate(-45 " +
             num(cx) + " " + num(ty) + ")\">" + esc(fit(d.categories[i], kMaxXLabelWidth, kLabelSize)) + "</text>";
    } else {
      out += "<text x=\"" + num(cx) + "\" y=\"" + num(plot_bottom + kLabelSize + 6) + "\" text-anchor=\"middle\">" +
             esc(d.categories[i]) + "</text>";
    }
  }
  out += "</g>";

  // The data.
  out += "<g class=\"series\">";
  for (std::size_t j = 0; j < k; ++j) {
    const auto& s = d.series[j];
    out += "<g class=\"series-" + std::to_string(j) + "\">";
    if (kind == Kind::Bar) {
      for (std::size_t i = 0; i < n; ++i) {
        const auto v = value_at(s, i);
        if (!v) continue;
        const double x = left + static_cast<double>(i) * slot + slot * 0.1 + static_cast<double>(j) * bar_width;
        const double top = y_of(*v);
        const double w = k > 1 ? std::max(1.0, bar_width - 1) : bar_width;
        out += "<rect class=\"bar\" x=\"" + num(x) + "\" y=\"" + num(top) + "\" width=\"" + num(w) + "\" height=\"" +
               num(plot_bottom - top) + "\" fill=\"" + colour(j) + "\"><title>" +
               esc(d.categories[i] + " " + s.name + "：" + value_text(*v, d)) + "</title></rect>";
        out += value_label(x + w / 2, top, value_text(*v, d), label_room);
      }
    } else {
      std::string path;
      bool pen_down = false;
      for (std::size_t i = 0; i < n; ++i) {
        const auto v = value_at(s, i);
        if (!v) {
          pen_down = false;  // a missing value breaks the line
          continue;
        }
        const double cx = left + (static_cast<double>(i) + 0.5) * slot;
        path += (pen_down ? "L" : "M") + num(cx) + " " + num(y_of(*v));
        pen_down = true;
      }
      const std::string dash = kDashes[j % 4];
      out += "<path class=\"line\" d=\"" + path + "\" fill=\"none\" stroke=\"" + colour(j) +
             "\" stroke-width=\"2.5\" stroke-linejoin=\"round\"" +
             (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
      for (std::size_t i = 0; i < n; ++i) {
        const auto v = value_at(s, i);
        if (!v) continue;
        const double cx = left + (static_cast<double>(i) + 0.5) * slot;
        out += marker(j, cx, y_of(*v), colour(j), d.categories[i] + " " + s.name + "：" + value_text(*v, d));
        const bool below = labels_below && j % 2 == 1;
        out += value_label(cx, below ? y_of(*v) + 5 : y_of(*v) - 5, value_text(*v, d), label_room, below);
      }
    }
    out += "</g>";
  }
  out += "</g></svg>";
  return out;
}

}  // namespace

const std::vector<std::string>& chart_palette() {
  static const std::vector<std::string> colours = {"#1f5fa8", "#b3261e", "#2e7d32", "#6a3d9a", "#a35200", "#00695c"};
  return colours;
}

std::string bar_chart_svg(const ChartData& data) { return render(data, Kind::Bar); }
std::string line_chart_svg(const ChartData& data) { return render(data, Kind::Line); }

}  // namespace zwgk::web
