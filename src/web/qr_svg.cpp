#include "web/qr_svg.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "domain/html_sanitizer.hpp"

namespace zwgk::web {

namespace {

constexpr int kQuietZone = 4;  // modules of white around the symbol (ISO/IEC 18004 §6.3.8)


}  // namespace

std::string qr_svg(std::string_view text, std::string_view label) {
  const std::string input(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(input.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!code) throw std::runtime_error("QR code: cannot encode " + std::to_string(text.size()) + " bytes");
  const int w = code->width;
  const int size = w + 2 * kQuietZone;
  std::string d;
  d.reserve(static_cast<std::size_t>(w) * w);
  for (int y = 0; y < w; ++y) {
    for (int x = 0; x < w;) {
      if (!(code->data[y * w + x] & 1)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < w && (code->data[y * w + x + run] & 1)) ++run;
      d += 'M' + std::to_string(x + kQuietZone) + ' ' + std::to_string(y + kQuietZone) + 'h' + std::to_string(run) +
           "v1h-" + std::to_string(run) + 'z';
      x += run;
    }
  }
  const std::string s = std::to_string(size);
  std::string svg;
  svg.reserve(d.size() + 300);
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" viewBox=\"0 0 " + s + ' ' + s +
         "\" width=\"" + std::to_string(size * 4) + "\" height=\"" + std::to_string(size * 4) +
         "\" role=\"img\" aria-label=\"" + domain::escape_html(label) + "\" shape-rendering=\"crispEdges\">";
  svg += "<rect width=\"" + s + "\" height=\"" + s + "\" fill=\"#fff\"/>";
  svg += "<path fill=\"#000\" d=\"" + d + "\"/>";
  svg += "</svg>";
  return svg;
}

}  // namespace zwgk::web
