// Parses the command line with CLI11 and layers the configuration:
// built-in defaults < zwgk.toml (or --config FILE) < ZWGK_* environment < flags.
#include "app/cli.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <optional>

#include "app/commands.hpp"
#include "app/config.hpp"
#include "modules/module.hpp"

namespace zwgk::app {
namespace {

// CLI11's messages, in the words our users read.
std::string describe(const CLI::ParseError& e, int argc, char** argv) {
  std::string m = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    const auto colon = m.find(": ");
    return "无法识别的参数: " + (colon == std::string::npos ? m : m.substr(colon + 2));
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    if (m.find("subcommand") != std::string::npos) {
      // CLI11 checks for the subcommand before unknown flags: name the flag if there is one.
      for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.starts_with("-") && a != "--config" && !a.starts_with("--config=") &&
            !(i > 1 && std::string(argv[i - 1]) == "--config"))
          return "无法识别的参数: " + a;
      }
      static const std::pair<const char*, const char*> kSubcommands[] = {
          {"catalogue", "list、add、rename、move"}, {"calendar", "due"}, {"audit", "verify、head、security"}, {"blobs", "sweep"},
          {"user", "add、passwd、disable、enable、totp"}, {"requests", "overdue"}, {"letters", "overdue、client、contact"},
          {"outbox", "status、send、retry"}, {"proposals", "import"}};
      for (int i = 1; i < argc; ++i)
        for (const auto& [command, subs] : kSubcommands)
          if (std::string(argv[i]) == command) return std::string("缺少 ") + command + " 的子命令（" + subs + "）";
      return "缺少子命令（serve、migrate、demo、import、export、catalogue、calendar、audit、blobs、scan、inspect、user、requests、letters、outbox）";
    }
    return "缺少必需的参数: " + m;
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e) || dynamic_cast<const CLI::ConversionError*>(&e))
    return "参数值无效: " + m;
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) return "参数个数不对: " + m;
  return "命令行错误: " + m;
}

void add_database(CLI::App* cmd, std::string& value) {
  cmd->add_option("--database", value,
                  "数据库 URL: sqlite:PATH 或 postgresql://user@host:port/db（默认取配置文件、ZWGK_DATABASE，再默认 "
                  "sqlite:var/zwgk.db）");
}

}  // namespace

int run_cli(int argc, char** argv) {
  modules::install_permissions();  // every module's actions into the permission registry
  CLI::App app{"zwgk 政务公开平台 — government information disclosure platform", "zwgk"};
  app.set_version_flag("--version", "zwgk 0.1.0");
  app.require_subcommand(1);
  app.footer("配置优先级: 默认值 < zwgk.toml（或 --config）< 环境变量 ZWGK_* < 命令行参数。各项见 zwgk.example.toml。");

  std::string config_file;
  app.add_option("--config", config_file, "配置文件（TOML），默认为当前目录下的 zwgk.toml（如存在）");

  std::string database;

  auto* serve = app.add_subcommand("serve", "迁移数据库后启动网站服务 (serve the public site)");
  add_database(serve, database);
  std::string listen, base_url, templates, static_dir;
  int threads = 0;
  bool no_cache = false, no_access_log = false;
  auto* listen_opt = serve->add_option("--listen", listen, "监听地址 主机:端口，默认 127.0.0.1:8080（端口 0 = 任意空闲端口）");
  auto* threads_opt = serve->add_option("--threads", threads, "I/O 线程数，0 = 每个 CPU 核一个")->check(CLI::Range(0, 1024));
  auto* no_cache_opt = serve->add_flag("--no-cache", no_cache, "关闭页面缓存（每次请求都重新渲染）");
  auto* base_url_opt = serve->add_option("--base-url", base_url, "对外的绝对地址（订阅、站点地图、二维码用），默认 http://<监听地址>");
  auto* templates_opt = serve->add_option("--templates", templates, "模板目录，默认源码树的 templates/");
  auto* static_opt = serve->add_option("--static", static_dir, "静态文件目录，默认源码树的 static/");
  auto* no_log_opt = serve->add_flag("--no-access-log", no_access_log, "不写访问日志");

  auto* migrate = app.add_subcommand("migrate", "应用尚未执行的数据库迁移 (apply pending migrations)");
  add_database(migrate, database);

  auto* demo = app.add_subcommand("demo", "载入演示网站、目录和文件，可重复执行 (load the demo content)");
  add_database(demo, database);
  DemoArgs demo_args;
  demo->add_option("--data-dir", demo_args.data_dir, "演示数据目录，默认源码树的 data/demo/");
  demo->add_option("--per-column", demo_args.per_column, "每个目录栏目生成的文件数（默认 3）")->check(CLI::Range(0, 1000));
  demo->add_flag("--with-accounts", demo_args.with_accounts,
                 "另建各角色演示账号（随机密码只显示这一次）、各流程阶段的文件和两件依申请公开申请");

  auto* import = app.add_subcommand("import", "从 JSONL 文件导入文件，可重复执行 (import documents, one JSON object a line)");
  add_database(import, database);
  ImportArgs import_args;
  import->add_option("FILE", import_args.file, "JSONL 文件，附件路径相对于该文件所在目录")->required();
  import->add_option("--allow-privacy-findings", import_args.allow_privacy_findings,
                     "理由：隐私检查发现个人信息的文件也发布（每篇连同理由记入审计日志）；默认作为草稿导入、不发布");
  bool import_quiet = false;
  import->add_flag("--no-progress", import_quiet, "不显示进度");

  auto* exp = app.add_subcommand("export", "把所有网站的全部文件导出为 JSONL (export every document)");
  add_database(exp, database);
  ExportArgs export_args;
  exp->add_option("-o,--output", export_args.output, "输出文件，默认标准输出");
  exp->add_option("--attachments", export_args.attachments, "附件写入的目录，默认输出文件旁的 attachments/");
  bool export_quiet = false;
  exp->add_flag("--no-progress", export_quiet, "不显示进度");

  auto* catalogue = app.add_subcommand("catalogue", "维护网站的公开目录：列出、添加、改名、移动栏目（代码永不改变）");
  catalogue->require_subcommand(1);
  CatalogueArgs cat_args;
  auto add_site = [&](CLI::App* c) { c->add_option("--site", cat_args.site, "网站代码，默认 shaoyang"); };
  auto* cat_list = catalogue->add_subcommand("list", "列出目录树（代码 与 名称）");
  add_database(cat_list, database);
  add_site(cat_list);
  auto* cat_add = catalogue->add_subcommand("add", "添加栏目");
  add_database(cat_add, database);
  add_site(cat_add);
  cat_add->add_option("--code", cat_args.code, "新栏目的代码（小写字母、数字、-、_），创建后不可更改")->required();
  cat_add->add_option("--name", cat_args.name, "栏目名称")->required();
  cat_add->add_option("--parent", cat_args.parent, "上级栏目的代码，默认为顶层");
  cat_add->add_option("--description", cat_args.description, "栏目描述（ColumnDescription）");
  cat_add->add_option("--position", cat_args.position, "在同级中的位置，从 0 开始，默认排在最后")->check(CLI::Range(0, 10000));
  auto* cat_rename = catalogue->add_subcommand("rename", "栏目改名（代码和网址不变）");
  add_database(cat_rename, database);
  add_site(cat_rename);
  cat_rename->add_option("--code", cat_args.code, "栏目代码")->required();
  cat_rename->add_option("--name", cat_args.name, "新名称")->required();
  auto* cat_move = catalogue->add_subcommand("move", "移动栏目或调整顺序");
  add_database(cat_move, database);
  add_site(cat_move);
  cat_move->add_option("--code", cat_args.code, "栏目代码")->required();
  cat_move->add_option("--parent", cat_args.parent, "新的上级栏目代码，默认为顶层");
  cat_move->add_option("--position", cat_args.position, "在同级中的位置，从 0 开始")->required()->check(CLI::Range(0, 10000));

  auto* calendar = app.add_subcommand("calendar", "工作日日历：按节假日安排和调休计算法定期限");
  calendar->require_subcommand(1);
  CalendarArgs cal_args;
  auto* cal_due = calendar->add_subcommand(
      "due", "答复期限：收到之日为第0日，自次一工作日起算第 N 个工作日（《政府信息公开条例》第三十三条）");
  cal_due->add_option("DATE", cal_args.date, "收到申请的日期 YYYY-MM-DD（第0日，不计入）")->required();
  cal_due->add_option("N", cal_args.working_days, "工作日数（0-200，答复期限为 20）")->required();
  cal_due->add_option("--pause", cal_args.pauses,
                      "暂停计算的期间 FROM:TO（补正、征求第三方意见），首尾两日均不计入；可重复")
      ->allow_extra_args(false);
  cal_due->add_option("--extend", cal_args.extension, "延长的工作日数（延期，最长 20）");
  cal_due->add_flag("--explain", cal_args.explain, "逐项说明期限的计算");

  auto* audit = app.add_subcommand("audit", "审计日志");
  audit->require_subcommand(1);
  AuditArgs audit_args;
  auto* audit_verify = audit->add_subcommand("verify", "校验审计日志的哈希链，报告第一处断链（有断链时退出码为 1）");
  add_database(audit_verify, database);
  audit_verify->add_option("--head", audit_args.head,
                           "此前用 zwgk audit head 记下的链头（编号:哈希）：同时证明它及之前的记录未被修改或删除");
  auto* audit_head = audit->add_subcommand("head", "显示审计日志当前的链头（编号:哈希），请抄存在数据库之外");
  add_database(audit_head, database);
  auto* audit_security = audit->add_subcommand("security", "显示最近的安全事件计数（登录失败、CSRF 拒绝、无权访问）");
  add_database(audit_security, database);

  auto* scan = app.add_subcommand("scan", "隐私检查：扫描已发布文件中的身份证号码、手机号码、银行卡号、电子邮箱和敏感词（输出已遮盖）");
  add_database(scan, database);
  ScanArgs scan_args;
  scan->add_option("--site", scan_args.site, "只检查该网站（网站代码），默认全部网站");

  auto* inspect = app.add_subcommand("inspect", "自查监测：按国家政府网站检查指标检查各网站，打印自查报告（有单项否决项时退出码为 1）");
  add_database(inspect, database);
  InspectArgs inspect_args;
  inspect->add_option("--site", inspect_args.site, "只检查该网站（网站代码），默认全部网站");
  inspect->add_option("--today", inspect_args.today, "按哪一天检查 YYYY-MM-DD，默认为今天");
  inspect->add_flag("--crawl", inspect_args.crawl, "先巡检网页（链接、附件和网页标签），需要 --base-url");
  inspect->add_option("--base-url", inspect_args.base_url, "正在运行的 zwgk serve 的地址，如 http://127.0.0.1:8080");
  inspect->add_flag("--external", inspect_args.external, "巡检时也检查外部链接");
  inspect->add_option("--max-pages", inspect_args.max_pages, "巡检的网页数上限（默认 300）")->check(CLI::Range(1, 100000));
  inspect->add_flag("--mail", inspect_args.mail, "把新出现或加重的问题写入发件箱，发给网站的预警联系人");

  auto* blobs = app.add_subcommand("blobs", "附件内容存储");
  blobs->require_subcommand(1);
  BlobsArgs blobs_args;
  auto* blobs_sweep = blobs->add_subcommand("sweep", "删除没有任何文件、修订版本或依申请公开答复引用的附件内容（较新的保留）");
  add_database(blobs_sweep, database);
  blobs_sweep->add_option("--min-age-hours", blobs_args.min_age_hours, "只删除存入至少这么多小时的内容（默认 24，1 至 87600）")
      ->check(CLI::Range(1, 87600));

  auto* reindex = app.add_subcommand("reindex", "重建站内搜索索引（显示进度）");
  add_database(reindex, database);
  ReindexArgs reindex_args;
  bool reindex_quiet = false;
  reindex->add_flag("--no-progress", reindex_quiet, "不显示进度");

  // 建议提案办理 (jyta, issue 13)
  auto* proposals = app.add_subcommand("proposals", "建议提案办理：导入年度交办清单");
  proposals->require_subcommand(1);
  ProposalsArgs proposals_args;
  bool proposals_quiet = false;
  auto* proposals_import = proposals->add_subcommand("import", "导入人大代表建议、政协委员提案交办清单（.xlsx，整表导入或不导入）");
  add_database(proposals_import, database);
  proposals_import->add_option("--site", proposals_args.site, "网站代码")->required();
  proposals_import->add_option("FILE", proposals_args.file, "交办清单 .xlsx")->required();
  proposals_import->add_option("--today", proposals_args.today, "按哪一天计算 YYYY-MM-DD，默认为今天");
  proposals_import->add_flag("--no-progress", proposals_quiet, "不显示进度");

  auto* user = app.add_subcommand("user", "管理后台账号：添加（含第一个网站管理员）、改密码、停用、两步验证");
  user->require_subcommand(1);
  UserArgs user_args;
  auto add_stdin = [&](CLI::App* c) {
    c->add_flag("--password-stdin", user_args.password_stdin, "从标准输入的第一行读取密码（默认在终端提示输入，不回显）");
  };
  auto* user_add = user->add_subcommand("add", "添加用户");
  add_database(user_add, database);
  user_add->add_option("USERNAME", user_args.username, "用户名（2-32 个小写字母、数字或 . _ -）")->required();
  user_add->add_option("--site", user_args.site, "所属网站代码，默认 shaoyang");
  user_add->add_option("--role", user_args.role, "角色: site_admin、editor、reviewer、publisher、auditor，默认 editor");
  user_add->add_option("--name", user_args.name, "姓名");
  user_add->add_option("--department", user_args.department, "所属部门名称（部门编辑、保密审查员必填）");
  add_stdin(user_add);
  auto* user_passwd = user->add_subcommand("passwd", "修改密码（同时退出该用户的所有登录）");
  add_database(user_passwd, database);
  user_passwd->add_option("USERNAME", user_args.username, "用户名")->required();
  add_stdin(user_passwd);
  auto* user_disable = user->add_subcommand("disable", "停用用户（同时退出其所有登录）");
  add_database(user_disable, database);
  user_disable->add_option("USERNAME", user_args.username, "用户名")->required();
  auto* user_enable = user->add_subcommand("enable", "重新启用用户");
  add_database(user_enable, database);
  user_enable->add_option("USERNAME", user_args.username, "用户名")->required();
  auto* user_totp = user->add_subcommand("totp", "启用两步验证并显示密钥（或 --remove 关闭）");
  add_database(user_totp, database);
  user_totp->add_option("USERNAME", user_args.username, "用户名")->required();
  user_totp->add_flag("--remove", user_args.remove_totp, "关闭两步验证");

  auto* requests = app.add_subcommand("requests", "依申请公开：办理情况");
  requests->require_subcommand(1);
  RequestsArgs req_args;
  auto* req_overdue = requests->add_subcommand("overdue", "列出已逾期和3个工作日内到期的申请（含承办部门）");
  req_overdue->add_option("--site", req_args.site, "网站代码，默认为全部网站");
  req_overdue->add_option("--today", req_args.today, "按哪一天计算 YYYY-MM-DD，默认为今天");

  auto* letters = app.add_subcommand("letters", "政民互动：12345对接系统、部门通知邮箱、超期来信");
  letters->require_subcommand(1);
  LettersArgs letters_args;
  auto* let_overdue = letters->add_subcommand("overdue", "列出已超期和超过两个月未答复的来信（含承办部门）");
  let_overdue->add_option("--site", letters_args.site, "网站代码，默认为全部网站");
  let_overdue->add_option("--today", letters_args.today, "按哪一天计算 YYYY-MM-DD，默认为今天");
  auto* let_client = letters->add_subcommand("client", "推送工单的对接系统（如12345热线平台）及其接口令牌");
  let_client->require_subcommand(1);
  auto* let_client_add = let_client->add_subcommand("add", "登记对接系统并显示令牌（只显示一次）");
  let_client_add->add_option("--site", letters_args.site, "网站代码")->required();
  let_client_add->add_option("--name", letters_args.name, "对接系统名称")->required();
  auto* let_client_list = let_client->add_subcommand("list", "列出网站的对接系统");
  let_client_list->add_option("--site", letters_args.site, "网站代码")->required();
  auto* let_client_revoke = let_client->add_subcommand("revoke", "停用对接系统的令牌");
  let_client_revoke->add_option("ID", letters_args.id, "对接系统编号")->required();
  auto* let_contact = letters->add_subcommand("contact", "设置部门（或信件办理机构）接收转办、到期、督办通知的邮箱");
  let_contact->add_option("--site", letters_args.site, "网站代码")->required();
  let_contact->add_option("--department", letters_args.department, "部门名称；不写为信件办理机构");
  let_contact->add_option("--staff", letters_args.staff_email, "承办人邮箱（转办、明日到期、已超期）");
  let_contact->add_option("--head", letters_args.head_email, "负责人邮箱（督办）");
  for (auto* sub : {let_overdue, let_client_add, let_client_list, let_client_revoke, let_contact}) add_database(sub, database);
  auto* outbox = app.add_subcommand("outbox", "发件箱：通知邮件的发送情况");
  outbox->require_subcommand(1);
  OutboxArgs outbox_args;
  long long outbox_id = 0;
  auto* outbox_status = outbox->add_subcommand("status", "各状态的邮件数，以及发送失败的邮件（收件人已遮盖）");
  add_database(outbox_status, database);
  outbox_status->add_option("--site", outbox_args.site, "网站代码，默认为全部网站");
  auto* outbox_send = outbox->add_subcommand("send", "立即发送一轮到期的邮件（需配置 [smtp]）");
  add_database(outbox_send, database);
  auto* outbox_retry = outbox->add_subcommand("retry", "把发送失败的邮件重新排队，立即到期（修好发信配置之后）");
  add_database(outbox_retry, database);
  auto* outbox_id_opt = outbox_retry->add_option("--id", outbox_id, "只重发这一封（zwgk outbox status 显示的编号）")
                            ->check(CLI::Range(1LL, 9223372036854775807LL));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const std::string name = e.get_name();
    if (name == "CallForHelp" || name == "CallForAllHelp" || name == "CallForVersion") return app.exit(e);
    std::fprintf(stderr, "zwgk: %s（运行 zwgk --help 查看用法）\n", describe(e, argc, argv).c_str());
    return kExitUsage;
  }

  Config config;
  try {
    config = load_config(config_file.empty() ? std::nullopt : std::optional<std::string>(config_file));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zwgk: %s\n", e.what());
    return kExitUsage;
  }
  if (!database.empty()) config.database = database;
  if (listen_opt->count()) config.listen = listen;
  if (threads_opt->count()) config.threads = threads;
  if (no_cache_opt->count()) config.page_cache = false;
  if (base_url_opt->count()) config.base_url = base_url;
  if (templates_opt->count()) config.templates_dir = templates;
  if (static_opt->count()) config.static_dir = static_dir;
  if (no_log_opt->count()) config.access_log = false;
  import_args.progress = !import_quiet;
  export_args.progress = !export_quiet;

  try {
    if (serve->parsed()) return serve_command(config);
    if (migrate->parsed()) return migrate_command(config);
    if (demo->parsed()) return demo_command(config, demo_args);
    if (import->parsed()) return import_command(config, import_args);
    if (exp->parsed()) return export_command(config, export_args);
    if (catalogue->parsed()) {
      for (auto* sub : {cat_list, cat_add, cat_rename, cat_move})
        if (sub->parsed()) cat_args.action = sub->get_name();
      return catalogue_command(config, cat_args);
    }
    if (user->parsed()) {
      for (auto* sub : {user_add, user_passwd, user_disable, user_enable, user_totp})
        if (sub->parsed()) user_args.action = sub->get_name();
      return user_command(config, user_args);
    }
    if (requests->parsed()) {
      req_args.action = "overdue";
      return requests_command(config, req_args);
    }
    if (letters->parsed()) {
      if (let_overdue->parsed()) letters_args.action = "overdue";
      if (let_client_add->parsed()) letters_args.action = "client-add";
      if (let_client_list->parsed()) letters_args.action = "client-list";
      if (let_client_revoke->parsed()) letters_args.action = "client-revoke";
      if (let_contact->parsed()) letters_args.action = "contact";
      return letters_command(config, letters_args);
    }
    if (calendar->parsed()) {
      cal_args.action = "due";
      return calendar_command(config, cal_args);
    }
    if (audit->parsed() && (audit_verify->parsed() || audit_head->parsed() || audit_security->parsed())) {
      audit_args.action = audit_verify->parsed() ? "verify" : audit_head->parsed() ? "head" : "security";
      return audit_command(config, audit_args);
    }
    if (outbox->parsed()) {
      outbox_args.action = outbox_status->parsed() ? "status" : outbox_send->parsed() ? "send" : "retry";
      if (outbox_id_opt->count()) outbox_args.id = outbox_id;
      return outbox_command(config, outbox_args);
    }
    if (scan->parsed()) return scan_command(config, scan_args);
    if (inspect->parsed()) return inspect_command(config, inspect_args);
    if (blobs->parsed() && blobs_sweep->parsed()) return blobs_command(config, blobs_args);
    if (proposals->parsed() && proposals_import->parsed()) {  // 建议提案办理 (jyta)
      proposals_args.progress = !proposals_quiet;
      return proposals_command(config, proposals_args);
    }
    if (reindex->parsed()) {
      reindex_args.progress = !reindex_quiet;
      return reindex_command(config, reindex_args);
    }
  } catch (const CommandError& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "zwgk: %s\n", e.message.c_str());
    return e.exit_code;
  }
  return kExitUsage;
}

}  // namespace zwgk::app
