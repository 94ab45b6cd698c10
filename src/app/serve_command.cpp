// `zwgk serve`: migrate, open the database, wire the page cache to the store's change
// notifications, register the site's routes, listen, print the bound address, run until
// SIGINT/SIGTERM.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include <spdlog/spdlog.h>

#include "app/blob_sweeper.hpp"
#include "app/cli.hpp"
#include "app/cli_audit.hpp"
#include "app/clock_offset.hpp"
#include "app/commands.hpp"
#include "app/database_url.hpp"
#include "app/outbox_sender.hpp"
#include "app/working_day_calendar_loader.hpp"
#include "http/metrics.hpp"
#include "http/page_cache.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "store/database.hpp"
#include "store/outbox_repository.hpp"
#include "store/personal_data_key.hpp"
#include "modules/module.hpp"
#include "web/console/console.hpp"
#include "web/console/hot_query_page.hpp"
#include "web/console/upload_admission.hpp"
#include "web/expensive_requests.hpp"
#include "web/site_app.hpp"

namespace zwgk::app {

int serve_command(const Config& config) {
  const auto listen = parse_listen(config.listen);
  if (!listen)
    throw CommandError{kExitUsage, "监听地址无效: “" + config.listen + "”（应为 主机:端口，例如 127.0.0.1:8080）"};

  const int threads = config.threads > 0 ? config.threads
                                         : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int workers = config.workers > 0 ? config.workers : std::max(4, 2 * threads);
  // [smtp] checked before anything starts: a wrong mail setting is a usage error (exit 2).
  std::optional<OutboxSenderSettings> mail_settings;
  if (!config.smtp.host.empty()) mail_settings = outbox_sender_settings(config.smtp);
  // The workers run the handlers; the I/O threads only touch the database to admit an
  // upload's head. Two more for the scheduler and change notifications, and two for the
  // outbox sender (its sending lock and its claims) when mail is sent.
  const std::size_t pool = config.db_pool_size > 0 ? static_cast<std::size_t>(config.db_pool_size)
                                                   : static_cast<std::size_t>(workers + threads) + 2 +
                                                         (mail_settings ? 2 : 0);
  auto db = open_database(config.database, pool);
  int applied = 0;
  try {
    applied = db->migrate();
    db->refresh_statistics();
  } catch (const std::exception& e) {
    throw CommandError{kExitFailure, std::string("数据库迁移失败: ") + e.what()};
  }
  if (applied > 0) std::printf("zwgk: 已应用 %d 个数据库迁移\n", applied);
  use_audit_key(config, *db);  // every audit entry chained with the key (ADR 0017)

  http::PageCache cache(static_cast<std::size_t>(config.page_cache_mb) << 20);
  cache.set_enabled(config.page_cache);
  http::Metrics metrics;
  store::Database* dbp = db.get();
  metrics.add_gauge("zwgk_db_pool_size", "Connections in the database pool.",
                    [dbp] { return static_cast<double>(dbp->pool_stats().size); });
  metrics.add_gauge("zwgk_db_pool_in_use", "Database connections currently leased.",
                    [dbp] { return static_cast<double>(dbp->pool_stats().in_use); });
  // Every committed write names the cache tags it touched (domain/cache_tags.hpp).
  // Other processes' writes (another app node, `zwgk import`) arrive the same way; "*"
  // means changes may have been missed: drop everything.
  db->set_change_listener([&cache](const std::vector<std::string>& tags) {
    for (const auto& tag : tags) {
      if (tag == "*") {
        cache.invalidate_all();
        return;
      }
      cache.invalidate(tag);
    }
  });
  db->enable_cluster_notifications();

  http::ServerOptions options;
  options.address = listen->host;
  options.port = listen->port;
  options.threads = threads;
  options.access_log = config.access_log;
  options.workers = workers;
  options.worker_queue_limit = static_cast<std::size_t>(std::max(1, config.worker_queue));
  options.rate_limit.per_second = config.rate_limit_per_minute / 60.0;
  options.rate_limit.burst = std::max(1, config.rate_limit_burst);
  options.rate_limit.applies = web::is_expensive_public_request;
  options.metrics_allow = config.metrics_allow;
  options.metrics_token = config.metrics_token;
  options.trusted_proxies = config.trusted_proxies;
  // Uploads (attachments, disclosed files; ingest limit 50 MiB) only for a signed-in
  // session with its CSRF token, checked on the head before the body is read. The console
  // is made after the server binds; no request is read before run().
  const web::console::ConsoleApp* upload_console = nullptr;
  options.admit_large_body = [&upload_console](const http::Request& head) {
    if (!upload_console) return http::LargeBodyVerdict{};
    return web::console::admit_console_upload(head, *upload_console);
  };

  http::Router router;
  http::Server server(options, router, cache, metrics);
  std::uint16_t port = 0;
  try {
    port = server.start();
  } catch (const std::exception& e) {
    std::string m = e.what();
    for (auto& ch : m)
      if (ch == '\n' || ch == '\r') ch = ' ';
    throw CommandError{kExitFailure, "无法监听 " + config.listen + ": " + m};
  }
  const std::string host = listen->host.find(':') != std::string::npos ? "[" + listen->host + "]" : listen->host;
  const std::string bound = "http://" + host + ":" + std::to_string(port);

  // Routes are registered after binding (the server runs no handler before run()) so that
  // the absolute URLs in feeds and QR codes use the real port when --listen asked for 0.
  web::WebOptions web_options = web::default_web_options();
  web_options.templates_dir = !config.templates_dir.empty() ? config.templates_dir : source_path("templates");
  web_options.static_dir = !config.static_dir.empty() ? config.static_dir : source_path("static");
  web_options.base_url = !config.base_url.empty() ? config.base_url : bound;
  while (web_options.base_url.size() > 1 && web_options.base_url.back() == '/') web_options.base_url.pop_back();
  web_options.secret = installation_secret(config);
  seal_clear_totp_keys(config, *db);  // TOTP keys from before ADR 0018, sealed once
  web_options.hot_query_min_visitors = config.hot_query_min_visitors;
  web_options.hot_queries = config.hot_queries;
  // One calendar for the site and the console, loaded now and again within a second of a
  // year file being added to or changed in the holiday directory (on every node that sees
  // the directory); a bad new file is logged and the last good calendar kept.
  const auto calendar = std::make_shared<const HolidayDirectoryCalendar>(holiday_dir(config));
  if (const auto error = calendar->last_error(); !error.empty())
    std::fprintf(stderr, "zwgk: 节假日日历不可用，期限只按周末计算: %s\n", error.c_str());
  web_options.calendar = calendar;
  if (!config.clock_offset_file.empty()) {
    std::fprintf(stderr, "zwgk: 警告：ZWGK_CLOCK_OFFSET_FILE=%s 已设置，服务器时间按该文件中的秒数偏移（仅用于测试）\n",
                 config.clock_offset_file.c_str());
    web_options.clock = offset_clock(config.clock_offset_file);
    cache.set_clock(web_options.clock);  // pages expire at the site's midnight by the same clock
  }
  web::SiteApp app(web_options, *db, cache, metrics);
  web::console::ConsoleOptions console_options;
  console_options.templates_dir = web_options.templates_dir;
  console_options.base_url = web_options.base_url;
  console_options.secret = web_options.secret;  // seals the accounts' TOTP keys (ADR 0018)
  console_options.calendar = calendar;  // the same source: both deadlines move together
  console_options.clock = web_options.clock;
  web::console::ConsoleApp console(console_options, *db);
  upload_console = &console;
  console.register_routes(router);
  web::console::register_hot_query_page(console, router, {config.hot_query_min_visitors, config.hot_queries});
  // Every capability (src/modules/modules.cpp), then the public site's catch-all.
  modules::register_console({*db, router, console, web_options});
  modules::register_public({*db, router, app});
  app.register_routes(router);

  std::printf("zwgk: serving on %s\n", bound.c_str());
  std::fflush(stdout);
  server.stop_on_signals();
  {
    const auto jobs = modules::start_jobs({*db, web_options});  // 定时发布, 来信提醒
    BlobSweeper blob_sweeper(*db);  // hourly: unreferenced file bytes (app/blob_sweeper.hpp)
    DailyAuditHead audit_head(*db);  // the chain's head in the log once a day (ADR 0017)
    // E-mail notices (ADR 0022): with [smtp], a pass every interval_seconds on every node;
    // the sending lock lets one node at a time send. Without, notices wait in the outbox.
    const auto personal_data_key = store::PersonalDataKey::derive_from(web_options.secret);
    std::unique_ptr<OutboxSender> outbox_sender;
    std::unique_ptr<OutboxSenderJob> outbox_job;
    if (mail_settings) {
      outbox_sender = std::make_unique<OutboxSender>(*db, personal_data_key, *mail_settings);
      outbox_job = std::make_unique<OutboxSenderJob>(*outbox_sender, domain::system_unix_seconds,
                                                     std::chrono::seconds(config.smtp.interval_seconds));
    } else if (const auto waiting = store::OutboxRepository(*db, personal_data_key).counts().pending; waiting > 0) {
      std::fprintf(stderr, "zwgk: 发件箱有 %lld 封待发邮件，但未配置 [smtp]，不会发送（见 docs/operations.md）\n",
                   static_cast<long long>(waiting));
    }
    server.run();
  }
  db->set_change_listener({});
  std::printf("zwgk: stopped\n");
  std::fflush(stdout);
  return kExitOk;
}

}  // namespace zwgk::app
