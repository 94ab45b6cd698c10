// Brotli (Debian libbrotli, ADR 0035): the third form of a cached page, for clients that
// send "br" in Accept-Encoding.
#include <brotli/decode.h>
#include <brotli/encode.h>

#include <stdexcept>
#include <string>

#include "http/compression.hpp"

namespace zwgk::http {

std::string brotli_compress(std::string_view data, int quality) {
  std::string out(BrotliEncoderMaxCompressedSize(data.size()), '\0');
  if (out.empty()) out.resize(16);  // MaxCompressedSize(0) is 0; an empty stream needs a byte
  std::size_t produced = out.size();
  const int ok = BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                                       reinterpret_cast<const std::uint8_t*>(data.data()), &produced,
                                       reinterpret_cast<std::uint8_t*>(out.data()));
  if (!ok) throw std::runtime_error("brotli compression failed");
  out.resize(produced);
  return out;
}

std::string brotli_decompress(std::string_view data) {
  BrotliDecoderState* st = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (!st) throw std::runtime_error("brotli decoder unavailable");
  std::string out;
  const auto* next_in = reinterpret_cast<const std::uint8_t*>(data.data());
  std::size_t avail_in = data.size();
  BrotliDecoderResult rc = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
  char buf[16384];
  while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
    auto* next_out = reinterpret_cast<std::uint8_t*>(buf);
    std::size_t avail_out = sizeof buf;
    rc = BrotliDecoderDecompressStream(st, &avail_in, &next_in, &avail_out, &next_out, nullptr);
    out.append(buf, sizeof buf - avail_out);
  }
  BrotliDecoderDestroyInstance(st);
  if (rc != BROTLI_DECODER_RESULT_SUCCESS) throw std::runtime_error("corrupt brotli stream");
  return out;
}

}  // namespace zwgk::http
