#pragma once
// LibreOffice for the tests that ask "does an office open this file?": the .docx printed to
// PDF by `soffice --headless --convert-to pdf` (Debian's libreoffice-writer-nogui, installed
// by scripts/install-deps.sh) and read back with `pdftotext -layout` (poppler-utils). Each
// conversion gets its own directory, profile and HOME, so parallel test binaries never share
// a LibreOffice instance; a hung soffice is killed with its process group.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

extern char** environ;

namespace zwgk::test {

namespace office_detail {

namespace fs = std::filesystem;

// A fresh directory under the temp directory, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "zwgk-docx-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

// Runs the program (found on PATH) in its own process group with HOME set to `home`, its
// output to `log`; its exit code, or -1 if it had to be killed after `timeout`.
inline int run(const std::vector<std::string>& args, const fs::path& home, const fs::path& log,
        std::chrono::seconds timeout) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<std::string> env_strings{"HOME=" + home.string()};
  for (char** e = environ; *e; ++e)
    if (std::string_view(*e).substr(0, 5) != "HOME=") env_strings.emplace_back(*e);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&files, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&files, 1, 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, argv[0], &files, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return -1;

  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);  // the group we started: soffice and the soffice.bin it runs
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace office_detail

struct PrintedDocument {
  bool ok = false;     // soffice and pdftotext both succeeded
  std::string text;    // the PDF's text (pdftotext)
  std::string log;     // what the programs said, for a failure message
  double seconds = 0;  // the conversion's wall time
};

// `layout`: pdftotext -layout (the page's columns side by side); without it, -raw: the text in
// the order the PDF draws it, where a table cell's wrapped lines stay together.
inline PrintedDocument print_docx_with_libreoffice(const std::string& docx_bytes, bool layout = true) {
  using namespace office_detail;
  TempDir dir;
  const fs::path docx = dir.path() / "document.docx";
  std::ofstream(docx, std::ios::binary) << docx_bytes;
  PrintedDocument out;
  const auto started = std::chrono::steady_clock::now();
  const int soffice = run({"soffice", "-env:UserInstallation=file://" + (dir.path() / "lo-profile").string(),
                           "--headless", "--convert-to", "pdf", "--outdir", dir.path().string(), docx.string()},
                          dir.path(), dir.path() / "soffice.log", std::chrono::seconds(180));
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const fs::path pdf = dir.path() / "document.pdf";
  out.log = "soffice exit " + std::to_string(soffice) + ": " + read_file(dir.path() / "soffice.log");
  if (soffice != 0 || !fs::exists(pdf)) return out;
  std::vector<std::string> args = {"pdftotext"};
  args.emplace_back(layout ? "-layout" : "-raw");
  args.push_back(pdf.string());
  args.push_back((dir.path() / "document.txt").string());
  const int pdftotext = run(args, dir.path(), dir.path() / "pdftotext.log", std::chrono::seconds(60));
  out.log += "\npdftotext exit " + std::to_string(pdftotext) + ": " + read_file(dir.path() / "pdftotext.log");
  if (pdftotext != 0) return out;
  out.text = read_file(dir.path() / "document.txt");
  out.ok = true;
  return out;
}

}  // namespace zwgk::test

namespace zwgk::test {

// A PDF's text as `pdftotext` (poppler-utils) reads it; ok = false when it is no PDF poppler
// can open (pdftotext's message in log).
inline PrintedDocument read_pdf_with_pdftotext(const std::string& pdf_bytes, bool layout = false) {
  using namespace office_detail;
  TempDir dir;
  const fs::path pdf = dir.path() / "document.pdf";
  std::ofstream(pdf, std::ios::binary) << pdf_bytes;
  PrintedDocument out;
  const int rc = run({"pdftotext", layout ? "-layout" : "-raw", pdf.string(), (dir.path() / "document.txt").string()},
                     dir.path(), dir.path() / "pdftotext.log", std::chrono::seconds(60));
  out.log = "pdftotext exit " + std::to_string(rc) + ": " + read_file(dir.path() / "pdftotext.log");
  if (rc != 0) return out;
  out.text = read_file(dir.path() / "document.txt");
  out.ok = true;
  return out;
}

}  // namespace zwgk::test
