#pragma once
// Runs the real `zwgk` binary (ZWGK_BINARY) the way a user does: arguments, environment,
// working directory; captures stdout and stderr separately. Also starts `zwgk serve` and
// waits for its "serving on" line.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace zwgk::test {

inline const char* zwgk_binary() { return ZWGK_BINARY; }

struct RunResult {
  int exit_code = -1;   // -1 if killed by a signal
  int signal = 0;
  std::string out, err;
};

// The inherited environment without ZWGK_* (except the test harness's own) plus `extra`.
inline std::vector<std::string> child_environment(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    const std::string kv = *e;
    if (kv.rfind("ZWGK_", 0) == 0 && kv.rfind("ZWGK_TEST_", 0) != 0) continue;
    env.push_back(kv);
  }
  for (const auto& kv : extra) env.push_back(kv);
  return env;
}

struct Spawned {
  pid_t pid = -1;
  int out_fd = -1;
  int err_fd = -1;
};

inline Spawned spawn_zwgk(const std::vector<std::string>& args, const std::vector<std::string>& extra_env,
                          const std::string& cwd) {
  int out[2], err[2];
  if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_adddup2(&fa, err[1], 2);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&fa, cwd.c_str());

  std::vector<std::string> argv_s = {zwgk_binary()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  auto env_s = child_environment(extra_env);
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, zwgk_binary(), &fa, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  ::close(out[1]);
  ::close(err[1]);
  if (rc != 0) {
    ::close(out[0]);
    ::close(err[0]);
    throw std::runtime_error(std::string("posix_spawn failed: ") + std::strerror(rc));
  }
  return {pid, out[0], err[0]};
}

inline RunResult wait_result(pid_t pid) {
  RunResult r;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

inline RunResult run_zwgk(const std::vector<std::string>& args, const std::vector<std::string>& extra_env = {},
                          const std::string& cwd = "") {
  auto s = spawn_zwgk(args, extra_env, cwd);
  std::string out, err;
  pollfd fds[2] = {{s.out_fd, POLLIN, 0}, {s.err_fd, POLLIN, 0}};
  int open_fds = 2;
  char buf[8192];
  while (open_fds > 0) {
    if (::poll(fds, 2, 120000) <= 0) break;  // 2 minutes: a hung child fails the test
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const auto n = ::read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        (i == 0 ? out : err).append(buf, static_cast<std::size_t>(n));
      }
    }
  }
  for (auto& f : fds)
    if (f.fd >= 0) ::close(f.fd);
  auto r = wait_result(s.pid);
  r.out = std::move(out);
  r.err = std::move(err);
  return r;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

// `zwgk serve ...` in the background; base_url is what it printed.
class ServeProcess {
 public:
  ServeProcess(const std::vector<std::string>& args, const std::vector<std::string>& extra_env = {}) {
    s_ = spawn_zwgk(args, extra_env, "");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    char buf[4096];
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{s_.out_fd, POLLIN, 0};
      if (::poll(&p, 1, 200) <= 0) continue;
      const auto n = ::read(s_.out_fd, buf, sizeof buf);
      if (n <= 0) break;
      output_.append(buf, static_cast<std::size_t>(n));
      const auto at = output_.find("serving on ");
      if (at != std::string::npos && output_.find('\n', at) != std::string::npos) {
        const auto start = at + std::strlen("serving on ");
        base_url_ = output_.substr(start, output_.find('\n', at) - start);
        break;
      }
    }
    // Keep draining both pipes so log lines never block (or SIGPIPE) the server.
    drain_ = std::thread([out = s_.out_fd, err = s_.err_fd] {
      pollfd fds[2] = {{out, POLLIN, 0}, {err, POLLIN, 0}};
      int open_fds = 2;
      char b[4096];
      while (open_fds > 0 && ::poll(fds, 2, -1) > 0) {
        for (auto& f : fds) {
          if (f.fd < 0 || !(f.revents & (POLLIN | POLLHUP | POLLERR))) continue;
          if (::read(f.fd, b, sizeof b) <= 0) {
            f.fd = -1;
            --open_fds;
          }
        }
      }
    });
  }
  ~ServeProcess() {
    if (s_.pid > 0 && !waited_) {
      ::kill(s_.pid, SIGKILL);
      wait_result(s_.pid);
    }
    if (drain_.joinable()) drain_.join();
    if (s_.out_fd >= 0) ::close(s_.out_fd);
    if (s_.err_fd >= 0) ::close(s_.err_fd);
  }
  const std::string& base_url() const { return base_url_; }
  const std::string& output() const { return output_; }
  // "127.0.0.1", port
  std::pair<std::string, int> host_port() const {
    const auto hp = base_url_.substr(std::strlen("http://"));
    const auto colon = hp.rfind(':');
    return {hp.substr(0, colon), std::stoi(hp.substr(colon + 1))};
  }
  // SIGTERM and wait (at most 20 s, then SIGKILL).
  RunResult terminate() {
    ::kill(s_.pid, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    RunResult r;
    while (true) {
      int status = 0;
      const auto rc = ::waitpid(s_.pid, &status, WNOHANG);
      if (rc == s_.pid) {
        if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
        if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
        break;
      }
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(s_.pid, SIGKILL);
        r = wait_result(s_.pid);
        r.exit_code = -2;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    waited_ = true;
    return r;
  }

 private:
  Spawned s_;
  std::string output_, base_url_;
  std::thread drain_;
  bool waited_ = false;
};

}  // namespace zwgk::test
