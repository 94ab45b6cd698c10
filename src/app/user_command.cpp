// zwgk user add|passwd|disable|enable|totp: console accounts from the command line — above
// all the first site administrator, before anyone can sign in to the console.
// Passwords are never arguments (they would land in shell history and `ps`): they are read
// from a terminal prompt without echo, or with --password-stdin from the first line of
// standard input.
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "app/cli.hpp"
#include "app/cli_audit.hpp"
#include "app/commands.hpp"
#include "domain/errors.hpp"
#include "domain/totp.hpp"
#include "store/account_repository.hpp"
#include "store/database.hpp"
#include "store/department_repository.hpp"
#include "store/site_repository.hpp"

namespace zwgk::app {
namespace {

std::string read_line_stdin() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string prompt_hidden(const char* prompt) {
  std::fprintf(stderr, "%s", prompt);
  std::fflush(stderr);
  termios old{};
  const bool tty = ::tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line = read_line_stdin();
  if (tty) ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::fprintf(stderr, "\n");
  return line;
}

std::string read_password(const UserArgs& args) {
  if (args.password_stdin) {
    std::string p = read_line_stdin();
    if (p.empty()) throw CommandError{kExitUsage, "标准输入中没有密码（--password-stdin 读取第一行）"};
    return p;
  }
  if (!::isatty(STDIN_FILENO))
    throw CommandError{kExitUsage, "无法提示输入密码（标准输入不是终端），请使用 --password-stdin"};
  std::string p = prompt_hidden("新密码: ");
  std::string again = prompt_hidden("再次输入新密码: ");
  if (p != again) throw CommandError{kExitUsage, "两次输入的密码不一致"};
  return p;
}

std::string problems_text(const domain::ValidationError& e) {
  std::string out;
  for (const auto& p : e.problems()) out += (out.empty() ? "" : "；") + p;
  return out;
}

domain::Account account_or_fail(store::AccountRepository& repo, const std::string& username) {
  auto a = repo.by_username(username);
  if (!a) throw CommandError{kExitFailure, "没有这个用户: " + username};
  return *a;
}

}  // namespace

int user_command(const Config& config, const UserArgs& args) {
  auto db = open_audited_database(config);
  store::AccountRepository repo(*db);
  // Every change below and its audit entry (actor cli:<OS user>) are one transaction.
  try {
    if (args.action == "add") {
      auto site = store::SiteRepository(*db).by_code(args.site);
      if (!site) throw CommandError{kExitFailure, "未知网站: " + args.site + "（先运行 zwgk demo 或导入网站）"};
      auto role = domain::role_from(args.role);
      if (!role) throw CommandError{kExitUsage, "未知角色: " + args.role + "（site_admin、editor、reviewer、publisher、auditor）"};
      domain::Account a;
      a.username = args.username;
      a.display_name = args.name.empty() ? args.username : args.name;
      a.role = *role;
      a.site_id = site->id;
      if (!args.department.empty()) {
        auto dep = store::DepartmentRepository(*db).by_name(site->id, args.department);
        if (!dep) throw CommandError{kExitFailure, "网站 " + site->code + " 没有部门: " + args.department};
        a.department_id = dep->id;
      }
      const std::string password = read_password(args);
      store::AuditedChange change(*db);
      a = repo.create(a, password);
      change.commit(cli_entry("kernel.user_create", "account", std::to_string(a.id), {{"role", domain::to_code(a.role)}},
                              a.site_id));
      std::printf("已添加用户 %s（%s，%s）\n", a.username.c_str(), domain::to_label(a.role).c_str(), site->name.c_str());
    } else if (args.action == "passwd") {
      auto a = account_or_fail(repo, args.username);
      const std::string password = read_password(args);
      store::AuditedChange change(*db);
      repo.set_password(a.id, password);
      change.commit(cli_entry("kernel.user_password_reset", "account", std::to_string(a.id), {}, a.site_id));
      std::printf("已修改用户 %s 的密码，其所有登录已退出\n", a.username.c_str());
    } else if (args.action == "disable" || args.action == "enable") {
      auto a = account_or_fail(repo, args.username);
      store::AuditedChange change(*db);
      repo.set_disabled(a.id, args.action == "disable");
      change.commit(cli_entry(args.action == "disable" ? "kernel.user_disable" : "kernel.user_enable", "account",
                              std::to_string(a.id), {}, a.site_id));
      std::printf(args.action == "disable" ? "已停用用户 %s，其所有登录已退出\n" : "已启用用户 %s\n", a.username.c_str());
    } else if (args.action == "totp") {
      auto a = account_or_fail(repo, args.username);
      store::AccountRepository sealing(*db, store::system_clock(), {}, totp_sealing_key(config));  // ADR 0018
      if (args.remove_totp) {
        store::AuditedChange change(*db);
        sealing.set_totp_key(a.id, std::nullopt);
        change.commit(cli_entry("kernel.account_totp_disable", "account", std::to_string(a.id), {}, a.site_id));
        std::printf("已关闭用户 %s 的两步验证\n", a.username.c_str());
      } else {
        const auto key = store::AccountRepository::new_totp_key();
        store::AuditedChange change(*db);
        sealing.set_totp_key(a.id, key);
        change.commit(cli_entry("kernel.account_totp_enable", "account", std::to_string(a.id), {}, a.site_id));
        std::printf("已为用户 %s 启用两步验证。在手机验证器中添加：\n密钥: %s\n%s\n", a.username.c_str(),
                    domain::base32_encode(key).c_str(), domain::totp_uri("zwgk", a.username, key).c_str());
      }
    }
  } catch (const domain::ValidationError& e) {
    throw CommandError{kExitFailure, problems_text(e)};
  }
  return kExitOk;
}

}  // namespace zwgk::app
