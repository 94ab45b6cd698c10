#pragma once
// A tiny blocking HTTP/1.1 client over a real loopback socket, for the web tests: one
// request per connection (Connection: close), Content-Length or chunked bodies.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace zwgk::test {

struct HttpResult {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case, in order
  std::string body;

  std::optional<std::string> header(const std::string& lower_name) const {
    for (const auto& [n, v] : headers)
      if (n == lower_name) return v;
    return std::nullopt;
  }
  std::vector<std::string> all(const std::string& lower_name) const {
    std::vector<std::string> out;
    for (const auto& [n, v] : headers)
      if (n == lower_name) out.push_back(v);
    return out;
  }
};

inline std::string http_exchange(std::uint16_t port, const std::string& raw_request) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval tv{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed");
  }
  std::size_t sent = 0;
  while (sent < raw_request.size()) {
    auto n = ::send(fd, raw_request.data() + sent, raw_request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string out;
  char buf[16384];
  while (true) {
    auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

inline HttpResult parse_http_response(const std::string& raw) {
  HttpResult r;
  auto end = raw.find("\r\n\r\n");
  if (end == std::string::npos) throw std::runtime_error("incomplete response: " + raw.substr(0, 200));
  std::string head = raw.substr(0, end);
  std::string rest = raw.substr(end + 4);
  auto line_end = head.find("\r\n");
  std::string status_line = head.substr(0, line_end);
  r.status = std::stoi(status_line.substr(9, 3));
  std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
  while (pos < head.size()) {
    auto e = head.find("\r\n", pos);
    if (e == std::string::npos) e = head.size();
    std::string line = head.substr(pos, e - pos);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(value.begin());
      r.headers.emplace_back(name, value);
    }
    pos = e + 2;
  }
  auto te = r.header("transfer-encoding");
  if (te && te->find("chunked") != std::string::npos) {
    std::size_t p = 0;
    while (p < rest.size()) {
      auto e = rest.find("\r\n", p);
      if (e == std::string::npos) break;
      std::size_t size = std::stoul(rest.substr(p, e - p), nullptr, 16);
      if (size == 0) break;
      r.body += rest.substr(e + 2, size);
      p = e + 2 + size + 2;
    }
  } else if (auto cl = r.header("content-length")) {
    r.body = rest.substr(0, std::stoul(*cl));
  } else {
    r.body = rest;
  }
  return r;
}

// GET (or another method) with optional extra header lines ("Name: value").
inline HttpResult http_get(std::uint16_t port, const std::string& target,
                           const std::vector<std::string>& extra_headers = {}, const std::string& method = "GET",
                           const std::string& host = "127.0.0.1") {
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n";
  for (const auto& h : extra_headers) req += h + "\r\n";
  req += "\r\n";
  return parse_http_response(http_exchange(port, req));
}

}  // namespace zwgk::test
