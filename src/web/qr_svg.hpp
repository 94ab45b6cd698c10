#pragma once
// "扫一扫在手机打开当前页": a QR code (libqrencode, error correction M) as inline SVG.
// One <path> of crisp unit squares (runs of dark modules per row), a 4-module quiet zone,
// scalable by CSS through its viewBox. No inline style (the CSP forbids it).
#include <string>
#include <string_view>

namespace zwgk::web {

// Throws std::runtime_error if the text cannot be encoded (too long for a QR code).
std::string qr_svg(std::string_view text, std::string_view label = "本页二维码");

}  // namespace zwgk::web
