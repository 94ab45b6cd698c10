#pragma once
// A deliberately small HTTP/1.1 client over a plain socket, for talking to a real server
// in tests: send any bytes (also malformed ones), read whole responses in order.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zwgk::test {

struct HttpResponse {
  int status = 0;
  std::string reason;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;

  std::optional<std::string> header(std::string_view lower_name) const;
  std::size_t count(std::string_view lower_name) const;
};

class RawClient {
 public:
  // Connects to 127.0.0.1:port; throws std::runtime_error if it cannot.
  explicit RawClient(std::uint16_t port,
                     std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));
  ~RawClient();
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  // errno of a connect attempt, 0 if it connected.
  static int connect_error(std::uint16_t port);

  void send(std::string_view bytes);
  void shutdown_write();
  // Reads one response. head: the request was HEAD (no body follows whatever the
  // headers say). Throws std::runtime_error on EOF or timeout before a full response.
  HttpResponse read_response(bool head = false);
  // Waits up to `wait` for the server to close; true if it did (EOF or reset). Bytes that
  // arrive meanwhile are kept for read_response.
  bool wait_closed(std::chrono::milliseconds wait);

 private:
  int fd_ = -1;
  std::string buf_;
  bool fill();  // false on EOF
  std::string take(std::size_t n);
  std::string take_line();
};

// Sends one request (Host and Connection: close added) and reads the response.
HttpResponse request(std::uint16_t port, std::string_view method, std::string_view target,
                     const std::vector<std::pair<std::string, std::string>>& headers = {},
                     std::string_view body = {});

inline HttpResponse get(std::uint16_t port, std::string_view target,
                        const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  return request(port, "GET", target, headers);
}

std::string gunzip(std::string_view data);

}  // namespace zwgk::test
