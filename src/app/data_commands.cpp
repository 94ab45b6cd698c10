// migrate, demo, import, export.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "app/cli.hpp"
#include "app/cli_audit.hpp"
#include "app/commands.hpp"
#include "app/database_url.hpp"
#include "app/demo.hpp"
#include "domain/clock.hpp"
#include "app/demo_console.hpp"
#include "app/working_day_calendar_loader.hpp"
#include "app/importer.hpp"
#include "store/database.hpp"
#include "store/document_repository.hpp"
#include "store/site_repository.hpp"

#ifndef ZWGK_SOURCE_DIR
#define ZWGK_SOURCE_DIR "."
#endif

namespace zwgk::app {

namespace fs = std::filesystem;

std::string source_path(const std::string& relative) {
  return (fs::path(ZWGK_SOURCE_DIR) / relative).string();
}

namespace {

std::size_t pool_size(const Config& c) { return c.db_pool_size > 0 ? static_cast<std::size_t>(c.db_pool_size) : 0; }

int migrate(store::Database& db) {
  try {
    return db.migrate();
  } catch (const std::exception& e) {
    std::string m = e.what();
    for (auto& ch : m)
      if (ch == '\n' || ch == '\r') ch = ' ';
    throw CommandError{kExitFailure, "数据库迁移失败: " + m};
  }
}

}  // namespace

int migrate_command(const Config& config) {
  auto db = open_database(config.database, pool_size(config));
  const int applied = migrate(*db);
  seal_clear_totp_keys(config, *db);  // ADR 0018: keys from before it, sealed once
  std::printf("zwgk: 已应用 %d 个数据库迁移（当前版本 %d）\n", applied, db->schema_version());
  return kExitOk;
}

int demo_command(const Config& config, const DemoArgs& args) {
  const std::string dir = !args.data_dir.empty()     ? args.data_dir
                          : !config.demo_dir.empty() ? config.demo_dir
                                                     : source_path("data/demo");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw CommandError{kExitFailure, "演示数据目录不存在: " + dir};
  auto db = open_database(config.database, pool_size(config));
  migrate(*db);
  use_audit_key(config, *db);
  const auto stats = load_demo(*db, dir, args.per_column);
  for (const auto& e : stats.errors) std::fprintf(stderr, "zwgk: 演示数据 %s\n", e.c_str());
  std::printf("zwgk: 演示数据: %d 个网站, %d 个部门, %d 篇文件（新增 %lld, 更新 %lld, 未变 %lld）%s\n", stats.sites,
              stats.departments, stats.documents, static_cast<long long>(stats.created),
              static_cast<long long>(stats.updated), static_cast<long long>(stats.unchanged),
              stats.corpus_used ? "，正文取自语料库" : "");
  store::SiteRepository sites(*db);
  store::DocumentRepository documents(*db);
  if (auto city = sites.by_code(kDemoCitySite)) {
    if (auto seed = documents.by_external_id(city->id, kSeedExternalId))
      std::printf("zwgk: 种子文件《%s》 索引号 %s\n", seed->title.c_str(), seed->index_number.c_str());
  }
  if (args.with_accounts && stats.errors.empty()) {
    domain::WorkingDayCalendar calendar;
    try {
      calendar = load_working_day_calendar(holiday_dir(config));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "zwgk: %s；期限按仅周末休息计算\n", e.what());
    }
    // The command line is where the real clock is read (domain/clock.hpp).
    const auto today = domain::china_date(domain::system_unix_seconds());
    const auto console = load_demo_console(*db, installation_secret(config), calendar, today);
    std::printf("zwgk: 演示账号（网站 %s，登录 /console/login）：\n", kDemoCitySite);
    bool any_new = false;
    for (const auto& a : console.accounts) {
      if (a.password.empty()) {
        std::printf("  %-16s %-8s 已存在，密码未改动\n", a.username.c_str(), a.role.c_str());
      } else {
        any_new = true;
        std::printf("  %-16s %-8s 密码 %s\n", a.username.c_str(), a.role.c_str(), a.password.c_str());
      }
    }
    if (any_new) std::printf("zwgk: 密码只显示这一次，请立即记下；忘记时用 zwgk user passwd 重设\n");
    std::printf("zwgk: 演示流程文件新增 %d 篇，依申请公开申请新增 %d 件\n", console.documents_created,
                console.requests_created);
  }
  std::fflush(stdout);
  return stats.errors.empty() ? kExitOk : kExitFailure;
}

int import_command(const Config& config, const ImportArgs& args) {
  {
    std::error_code ec;
    if (!fs::is_regular_file(args.file, ec)) throw CommandError{kExitFailure, "无法读取文件: " + args.file};
  }
  auto db = open_database(config.database, pool_size(config));
  migrate(*db);
  use_audit_key(config, *db);
  ImportOptions options;
  options.progress = args.progress;
  options.actor = cli_actor();
  options.source = fs::path(args.file).filename().string();
  options.allow_privacy_findings = args.allow_privacy_findings;
  ImportResult result;
  try {
    result = import_jsonl(*db, args.file, options);
  } catch (const ImportFileError& e) {
    throw CommandError{kExitFailure, e.what()};
  }
  for (const auto& e : result.errors) std::fprintf(stderr, "%s\n", format_import_error(e).c_str());
  for (const auto& h : result.held) std::fprintf(stderr, "%s\n", format_import_hold(h).c_str());
  std::fflush(stderr);
  std::printf("zwgk: 导入 %s: 新增 %lld, 更新 %lld, 未变 %lld, 错误 %zu\n", args.file.c_str(),
              static_cast<long long>(result.created), static_cast<long long>(result.updated),
              static_cast<long long>(result.unchanged), result.errors.size());
  if (!result.held.empty())
    std::printf("zwgk: %zu 篇文件含个人信息，已作为草稿导入，未发布（请在后台遮盖或说明理由后发布，或用 "
                "--allow-privacy-findings \"理由\" 重新导入）\n",
                result.held.size());
  if (result.published_with_findings > 0)
    std::printf("zwgk: %lld 篇含个人信息的文件按 --allow-privacy-findings 发布，理由已记入审计日志\n",
                static_cast<long long>(result.published_with_findings));
  std::fflush(stdout);
  return kExitOk;  // the file was read; bad lines are reported, not fatal
}

int export_command(const Config& config, const ExportArgs& args) {
  // The JSONL may go to stdout: log lines (spdlog's default logger writes to stdout) must not.
  spdlog::set_default_logger(spdlog::stderr_logger_mt("zwgk-export"));
  auto db = open_database(config.database, pool_size(config));
  migrate(*db);
  const bool to_stdout = args.output.empty() || args.output == "-";
  ExportOptions options;
  options.progress = args.progress;
  options.jsonl_dir = to_stdout ? fs::current_path() : fs::absolute(args.output).parent_path();
  options.attachments_dir = args.attachments.empty() ? options.jsonl_dir / "attachments" : fs::absolute(args.attachments);

  std::FILE* out = stdout;
  std::string tmp;
  if (!to_stdout) {
    std::error_code ec;
    const auto parent = fs::absolute(args.output).parent_path();
    fs::create_directories(parent, ec);
    tmp = args.output + ".tmp";
    out = std::fopen(tmp.c_str(), "wb");
    if (!out) throw CommandError{kExitFailure, "无法写入文件: " + args.output};
  }
  std::int64_t count = 0;
  try {
    count = export_jsonl(*db, out, options);
  } catch (const std::exception& e) {
    if (!to_stdout) {
      std::fclose(out);
      std::remove(tmp.c_str());
    }
    throw CommandError{kExitFailure, std::string("导出失败: ") + e.what()};
  }
  if (!to_stdout) {
    if (std::fclose(out) != 0 || std::rename(tmp.c_str(), args.output.c_str()) != 0) {
      std::remove(tmp.c_str());
      throw CommandError{kExitFailure, "无法写入文件: " + args.output};
    }
  }
  std::fprintf(to_stdout ? stderr : stdout, "zwgk: 已导出 %lld 篇文件%s%s\n", static_cast<long long>(count),
               to_stdout ? "" : " 到 ", to_stdout ? "" : args.output.c_str());
  return kExitOk;
}

}  // namespace zwgk::app
