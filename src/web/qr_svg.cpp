#include "web/qr_svg.hpp"

#include <qrencode.h>

#include <memory>
#include <mutex>
#include <unordered_map>
#include <stdexcept>
#include <string>

#include "domain/html_sanitizer.hpp"

namespace zwgk::web {

namespace {

constexpr int kQuietZone = 4;  // modules of white around the symbol (ISO/IEC 18004 §6.3.8)


}  // namespace

namespace {

std::string encode_svg(std::string_view text, std::string_view label) {
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

}  // namespace

// Encoding is ~10% of a document page's render (issue 18's profile); a page's URL gives the
// same code every time, so the last few thousand are kept (emptied when full: a cache miss
// only costs the encoding again).
std::string qr_svg(std::string_view text, std::string_view label) {
  static std::mutex mu;
  static std::unordered_map<std::string, std::string> done;
  constexpr std::size_t kKept = 4096;
  std::string key(label);
  key.push_back('\0');
  key.append(text);
  {
    std::lock_guard lock(mu);
    if (auto it = done.find(key); it != done.end()) return it->second;
  }
  std::string svg = encode_svg(text, label);
  std::lock_guard lock(mu);
  if (done.size() >= kKept) done.clear();
  done.emplace(std::move(key), svg);
  return svg;
}

}  // namespace zwgk::web
