#pragma once
// A real SMTP server on loopback for tests: tests/tools/smtp_sink.py (Debian's
// python3-aiosmtpd) as a child process, writing every message it accepts into a scratch
// directory, decoded by Python's email package.
//
//   zwgk::test::SmtpSink sink;           // any free port; waits until it accepts
//   ... send to 127.0.0.1:sink.port() ...
//   auto mails = sink.wait_for(1);       // decoded messages, in arrival order
//   EXPECT_EQ(mails[0].subject, "...");
//
//   auto port = zwgk::test::free_port(); // nothing listens there (yet)
//   zwgk::test::SmtpSink later(port);    // now something does
//
// Header-only: each test binary globs only its own directory.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace zwgk::test {

// A port on 127.0.0.1 that was free a moment ago.
inline int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("bind failed");
  }
  ::close(fd);
  return ntohs(a.sin_port);
}

inline bool accepts_connections(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

// One message as the sink received and decoded it.
struct ReceivedMail {
  std::string raw;  // the bytes after DATA
  std::string mail_from;
  std::vector<std::string> rcpt_tos;
  std::string from, to, reply_to, subject, message_id, date, mime_version;
  std::string content_type, charset, transfer_encoding;
  std::string body;  // decoded text, line ends as encoded (CRLF)
  std::vector<std::string> defects;  // what Python's parser found wrong; empty for a good message
};

class SmtpSink {
 public:
  // port 0: any free port.
  explicit SmtpSink(int port = 0) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "zwgk-smtp-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    const std::string script = std::string(ZWGK_SOURCE_DIR) + "/tests/tools/smtp_sink.py";
    // Debian's interpreter, where python3-aiosmtpd is installed (not whatever python3 is first on PATH).
    std::vector<std::string> args = {"/usr/bin/python3", script, "--port", std::to_string(port), "--dir", dir_.string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = ::posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ);
    if (rc != 0) throw std::runtime_error("cannot start tests/tools/smtp_sink.py");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (true) {
      std::ifstream ready(dir_ / ".ready");
      if (ready >> port_ && accepts_connections(port_)) break;
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        throw std::runtime_error("smtp_sink.py exited at start (is python3-aiosmtpd installed? scripts/install-deps.sh)");
      }
      if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("smtp_sink.py did not start in 20 s");
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  ~SmtpSink() {
    stop();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }

  // Stops the server (the messages stay readable).
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  // Every message received so far, in arrival order.
  std::vector<ReceivedMail> messages() const {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir_))
      if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<ReceivedMail> out;
    for (const auto& f : files) {
      const auto j = nlohmann::json::parse(read(f));
      ReceivedMail m;
      m.raw = read(std::filesystem::path(f).replace_extension(".eml"));
      m.mail_from = j.value("mail_from", "");
      m.rcpt_tos = j.value("rcpt_tos", std::vector<std::string>{});
      m.from = j.value("from", "");
      m.to = j.value("to", "");
      m.reply_to = j.value("reply_to", "");
      m.subject = j.value("subject", "");
      m.message_id = j.value("message_id", "");
      m.date = j.value("date", "");
      m.mime_version = j.value("mime_version", "");
      m.content_type = j.value("content_type", "");
      m.charset = j.value("charset", "");
      m.transfer_encoding = j.value("transfer_encoding", "");
      m.body = j.value("body", "");
      m.defects = j.value("defects", std::vector<std::string>{});
      out.push_back(std::move(m));
    }
    return out;
  }

  // Waits up to `timeout` until at least `n` messages arrived; returns what is there.
  std::vector<ReceivedMail> wait_for(std::size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto got = messages();
    while (got.size() < n && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      got = messages();
    }
    return got;
  }

 private:
  static std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// "a\r\nb" -> "a\nb"
inline std::string lf_lines(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i];
  return out;
}

}  // namespace zwgk::test
