// See inspection_service.hpp.
#include "modules/zcjc/service/inspection_service.hpp"

#include <algorithm>
#include <map>

#include "domain/china_time.hpp"
#include "domain/email_address.hpp"
#include "domain/errors.hpp"
#include "domain/html_sanitizer.hpp"
#include "domain/permission_registry.hpp"
#include "domain/privacy_scan.hpp"
#include "domain/sheet_rows.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "modules/zcjc/domain/availability_check.hpp"
#include "modules/zcjc/domain/freshness_checks.hpp"
#include "modules/zcjc/domain/interaction_check.hpp"
#include "modules/zcjc/domain/page_checks.hpp"
#include "modules/zcjc/domain/site_basics_check.hpp"
#include "modules/zcjc/service/link_crawler.hpp"
#include "modules/zcjc/service/report_json.hpp"
#include "modules/zmhd/store/letter_repository.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "store/audit_log.hpp"
#include "store/catalogue_repository.hpp"
#include "store/document_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/site_repository.hpp"
#include "store/unit_of_work.hpp"
#include "web/urls.hpp"

namespace zwgk::modules::zcjc {

namespace {

constexpr int kEvidenceCap = 200;  // per check: the report names the first ones and counts the rest

std::optional<domain::Date> china_date_of_iso(const std::string& iso) {
  if (iso.empty()) return std::nullopt;
  const auto t = domain::unix_of_utc_iso(iso);
  if (t == 0) {
    if (iso.size() >= 10) return domain::Date::parse(iso.substr(0, 10));
    return std::nullopt;
  }
  return domain::china_date_of_unix(t);
}

domain::Date days_before(domain::Date d, int days) {
  return domain::Date::from_sys_days(d.days() - std::chrono::days{days});
}

void system_note(store::Database& db, std::int64_t site_id, const std::string& action, const std::string& object_id,
                 const std::string& detail) {
  store::AuditEntryInput entry;
  entry.actor = {0, "system", ""};
  entry.action = action;
  entry.object_type = "site";
  entry.object_id = object_id;
  entry.changes = {{"site_id", site_id}, {"detail", detail}};
  entry.site_id = site_id;
  store::AuditLog(db).append(entry);
}

void cap(domain::CheckResult& r) {
  if (static_cast<int>(r.evidence.size()) <= kEvidenceCap) return;
  const auto rest = r.evidence.size() - kEvidenceCap;
  r.evidence.resize(kEvidenceCap);
  r.evidence.push_back({"……", "另有 " + std::to_string(rest) + " 处未列出", ""});
}

domain::LinkObservation observation_of(const LinkCheck& l) {
  domain::LinkObservation o;
  o.url = l.url;
  o.found_on = l.found_on;
  o.text = l.link_text;
  o.external = l.external;
  o.attachment = l.attachment;
  o.status = l.status;
  o.error = l.error;
  o.redirected_to = l.redirected_to;
  o.host = url_host(l.url);
  if (!l.redirected_to.empty()) o.redirect_host = url_host(l.redirected_to);
  return o;
}

std::string trim_slash(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

domain::Date InspectionService::today() const { return domain::china_date(clock_()); }

domain::Site InspectionService::site_of(std::int64_t site_id) {
  auto site = store::SiteRepository(db_).by_id(site_id);
  if (!site) throw domain::NotFound("没有这个网站");
  return *site;
}

domain::InspectionThresholds InspectionService::thresholds(std::int64_t site_id) {
  std::vector<std::string> problems;
  return domain::parse_thresholds(store::InspectionRepository(db_).settings(site_id).thresholds, problems);
}

std::vector<ColumnRow> InspectionService::columns(std::int64_t site_id) {
  const auto tree = store::CatalogueRepository(db_).tree(site_id);
  const auto rules = store::InspectionRepository(db_).column_rules(site_id);
  const auto activity = store::InspectionFacts(db_).column_activity(site_id);
  std::map<std::int64_t, const domain::CatalogueNode*> by_id;
  std::map<std::int64_t, bool> parent;
  for (const auto& n : tree) {
    by_id[n.id] = &n;
    if (n.parent_id) parent[*n.parent_id] = true;
  }
  std::vector<ColumnRow> out;
  for (const auto& n : tree) {
    ColumnRow row;
    row.node_id = n.id;
    row.code = n.code;
    row.name = n.name;
    for (auto p = n.parent_id; p && by_id.count(*p); p = by_id[*p]->parent_id) {
      row.name = by_id[*p]->name + " / " + row.name;
      ++row.depth;
    }
    row.has_children = parent.count(n.id) > 0;
    auto r = rules.find(n.id);
    row.rule = r != rules.end() ? r->second : domain::default_column_rule(n.code, n.name);
    if (auto a = activity.find(n.id); a != activity.end()) {
      row.published = a->second.published;
      row.last_update = china_date_of_iso(a->second.last_published_at);
    }
    out.push_back(std::move(row));
  }
  return out;
}

InspectionReport InspectionService::compute(const domain::Site& site) {
  const auto t = thresholds(site.id);
  const auto day = today();
  store::InspectionFacts facts(db_);
  InspectionReport report;
  report.site = site;
  report.on = day;
  report.ran_at = domain::to_utc_iso_of_unix(clock_());
  auto& results = report.results;

  // 站点无法访问: the week's probes.
  results.push_back(domain::check_availability(
      store::InspectionRepository(db_).probes_since(site.id, domain::to_utc_iso_of_unix(clock_() - 7 * 86400)), t));

  // 首页不更新, 栏目不更新, 空白栏目.
  results.push_back(domain::check_homepage_update(china_date_of_iso(facts.last_published_at(site.id)), day, t));
  const auto rows = columns(site.id);
  std::vector<domain::ColumnFacts> column_facts;
  std::map<std::string, const ColumnRow*> by_code;
  for (const auto& row : rows) {
    by_code[row.code] = &row;
    column_facts.push_back({row.code, row.name, web::catalogue_url(site, row.code), row.rule, row.has_children,
                            row.published, row.last_update});
  }
  results.push_back(domain::check_column_updates(column_facts, day, t));
  results.push_back(domain::check_blank_columns(column_facts, t));

  // 互动回应差 and 留言办理.
  domain::InteractionFacts interaction;
  interaction.open_channels = static_cast<int>(store::MailboxRepository(db_).mailboxes(site.id, true).size());
  interaction.publishes_replies = interaction.open_channels > 0;
  const auto year_ago = days_before(day, 365);
  store::LetterRepository letters(db_, key_);
  for (const auto& s : letters.for_statistics(site.id, year_ago, day)) {
    const auto& l = s.letter;
    if (l.state == domain::LetterState::Rejected || l.state == domain::LetterState::Merged) continue;
    if (l.received_on < year_ago) continue;
    interaction.letters.push_back({l.number, domain::to_label(l.category), l.received_on, l.replied_on});
  }
  store::PublicationQuery pq;
  pq.site_id = site.id;
  pq.per_page = 20;
  for (const auto& p : letters.publications(pq).items)
    if (!interaction.last_publication || p.published_on > *interaction.last_publication)
      interaction.last_publication = p.published_on;
  results.push_back(domain::check_interaction(interaction, day, t));
  results.push_back(domain::check_reply_publication(interaction, day, t));

  // 发布解读.
  store::WorkflowRepository workflow(db_);
  std::vector<std::int64_t> policy_nodes;
  for (const auto& code : workflow.interpretation_catalogues(site.id))
    if (auto it = by_code.find(code); it != by_code.end()) policy_nodes.push_back(it->second->node_id);
  const auto policies = facts.policies(site.id, policy_nodes,
                                       domain::to_utc_iso_of_unix(clock_() - t.interpretation_window_days * 86400LL));
  std::vector<domain::PolicyFacts> missing;
  for (const auto& p : policies)
    if (!p.interpreted)
      missing.push_back({p.id, p.title, china_date_of_iso(p.first_published_at).value_or(day),
                         web::document_url(site, p.id)});
  results.push_back(domain::check_interpretations(missing, static_cast<int>(policies.size()), t));

  // 严重表述错误 and 个人信息: one pass over the published archive.
  const auto wording = store::InspectionRepository(db_).wording_rules(site.id);
  std::vector<domain::Evidence> wording_hits, privacy_hits;
  int serious_wording = 0, serious_privacy = 0, documents = 0;
  store::DocumentScan scan;
  scan.site_id = site.id;
  scan.published_only = true;
  scan.with_body = true;
  store::DocumentRepository(db_).for_each(scan, [&](const domain::Document& doc) {
    ++documents;
    const std::string text = doc.title + "\n" + doc.summary + "\n" + domain::html_to_text(doc.body_html);
    for (const auto& hit : domain::find_wording_errors(text, wording)) {
      if (hit.rule->serious) ++serious_wording;
      wording_hits.push_back({"《" + doc.title + "》",
                              "“" + hit.rule->wrong + "”应为“" + hit.rule->right + "”" +
                                  (hit.rule->serious ? "（严重）" : "") + "：…" + hit.context + "…",
                              web::document_url(site, doc.id)});
    }
    for (const auto& g : workflow.scan_document(doc)) {
      if (g.overridden) continue;
      const auto gravity = domain::privacy_gravity(g.finding.kind);
      if (gravity == domain::PrivacyGravity::Ignored) continue;
      if (gravity == domain::PrivacyGravity::Veto) ++serious_privacy;
      privacy_hits.push_back({"《" + doc.title + "》", domain::to_label(g.finding.kind) + " " + g.finding.masked,
                              web::document_url(site, doc.id)});
    }
  });
  results.push_back(domain::check_wording(std::move(wording_hits), serious_wording, documents));
  results.push_back(domain::check_privacy(std::move(privacy_hits), serious_privacy, documents));

  // 链接可用性 and 网页标签: the latest walk over the pages.
  bool crawled = false;
  if (auto c = store::InspectionRepository(db_).crawl(site.id)) {
    auto stored = results_from_json(c->results);
    for (auto& r : stored) {
      r.summary += "（巡检于 " + domain::format_china_minute_of_unix(domain::unix_of_utc_iso(c->crawled_at)) + "）";
      results.push_back(std::move(r));
      crawled = true;
    }
  }
  if (!crawled) {
    results.push_back(domain::check_links({}, 0, false, t));
    results.push_back(domain::check_page_identity({}));
  }

  // 基本信息和办事服务入口.
  domain::SiteBasicsFacts basics{site.sponsor, site.site_id_code, site.icp_record, site.police_record, {}, {}};
  const std::pair<const char*, const char*> entries[] = {
      {"政府信息公开指南", "zfxxgkzn"}, {"政府信息公开制度", "zfxxgkzd"}, {"政府信息公开年报", "zfxxgknb"}};
  for (const auto& [name, code] : entries) {
    auto it = by_code.find(code);
    basics.entries.push_back({name, it != by_code.end() && it->second->published > 0, web::catalogue_url(site, code)});
    if (std::string(code) == "zfxxgknb" && it != by_code.end()) {
      const auto firsts =
          facts.first_published_with_title(site.id, it->second->node_id, std::to_string(day.year() - 1) + "年");
      if (!firsts.empty()) basics.last_year_report = china_date_of_iso(firsts.front());
    }
  }
  results.push_back(domain::check_site_basics(basics, day));

  for (auto& r : results) cap(r);
  domain::sort_by_urgency(results);
  report.level = domain::worst_level(results);
  for (const auto& r : results) {
    if (r.level == domain::CheckLevel::Veto) ++report.vetoes;
    if (r.level == domain::CheckLevel::Warning) ++report.warnings;
  }
  return report;
}

InspectionReport InspectionService::store_run(InspectionReport report) {
  store::InspectionRun run;
  run.site_id = report.site.id;
  run.run_on = report.on;
  run.ran_at = report.ran_at;
  run.level = report.level;
  run.vetoes = report.vetoes;
  run.warnings = report.warnings;
  run.results = results_to_json(report.results);
  store::InspectionRepository(db_).save_run(run);
  return report;
}

InspectionReport InspectionService::run(std::int64_t site_id) {
  const auto site = site_of(site_id);
  auto report = compute(site);
  store::UnitOfWork unit(db_);
  store_run(report);
  system_note(db_, site.id, "zcjc.run", site.code, "level=" + domain::to_code(report.level));
  unit.commit();
  return report;
}

InspectionReport InspectionService::run(const domain::Caller& caller, std::int64_t site_id) {
  domain::require_permission(caller.account, "zcjc.run", {site_id, std::nullopt});
  const auto site = site_of(site_id);
  auto report = compute(site);
  store::UnitOfWork unit(db_);
  store_run(report);
  caller.audit({"zcjc.run", "site", site.code, "level=" + domain::to_code(report.level)});
  unit.commit();
  return report;
}

std::vector<domain::CheckResult> InspectionService::crawl(std::int64_t site_id, const SiteAddress& address) {
  const auto site = site_of(site_id);
  const auto t = thresholds(site_id);
  const auto settings = store::InspectionRepository(db_).settings(site_id);
  CrawlOptions options;
  const std::string base = trim_slash(address.base_url);
  options.start_url = base + web::site_home_url(site);
  options.path_prefix = web::site_home_url(site);
  options.max_pages = address.max_pages;
  options.check_external = address.check_external || settings.check_external;
  options.timeout = std::chrono::milliseconds(address.timeout_ms);
  options.user_agent = "zwgk-inspect/1.0 (自查监测)";
  options.progress = address.progress;
  const auto result = crawl_site(options);

  std::vector<domain::LinkObservation> links;
  for (const auto& l : result.links) links.push_back(observation_of(l));
  std::vector<domain::PageObservation> pages;
  for (const auto& p : result.pages) {
    if (p.status != 200) continue;
    domain::PageObservation o;
    o.url = p.url;
    o.meta = p.meta;
    o.kind = p.url == options.start_url ? domain::PageKind::Home : domain::kind_from_meta(p.meta);
    const std::string path = p.url.substr(std::min(p.url.size(), base.size()));
    if (path.rfind(web::portal_url(site), 0) == 0 && path != web::portal_url(site)) o.kind = domain::PageKind::Column;
    if (path.rfind(site.path_prefix + "/content/", 0) == 0) o.kind = domain::PageKind::Content;
    pages.push_back(std::move(o));
  }
  std::vector<domain::CheckResult> out = {
      domain::check_links(links, static_cast<int>(result.pages.size()), options.check_external, t),
      domain::check_page_identity(pages)};
  for (auto& r : out) cap(r);
  store::InspectionCrawl c;
  c.crawled_at = domain::to_utc_iso_of_unix(clock_());
  c.pages = static_cast<int>(result.pages.size());
  c.results = results_to_json(out);
  store::UnitOfWork unit(db_);
  store::InspectionRepository(db_).save_crawl(site_id, c);
  system_note(db_, site_id, "zcjc.crawl", site.code, "pages=" + std::to_string(c.pages));
  unit.commit();
  return out;
}

domain::ProbeRecord InspectionService::probe(std::int64_t site_id, const SiteAddress& address, const std::string& node) {
  const auto site = site_of(site_id);
  const auto t = thresholds(site_id);
  CrawlOptions options;
  options.start_url = trim_slash(address.base_url) + web::site_home_url(site);
  options.max_pages = 1;
  options.max_links = 1;
  options.timeout = std::chrono::seconds(t.probe_timeout_seconds);
  options.user_agent = "zwgk-probe/1.0 (自查监测)";
  const auto started = std::chrono::steady_clock::now();
  const auto result = crawl_site(options);
  domain::ProbeRecord p;
  p.at = domain::to_utc_iso_of_unix(clock_());
  p.millis = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
  if (!result.links.empty()) {
    const auto& l = result.links.front();
    p.status = l.status;
    p.ok = l.error == LinkError::None && l.status >= 200 && l.status < 400;
    if (l.error == LinkError::Timeout)
      p.error = "超时";
    else if (l.error != LinkError::None)
      p.error = "无法连接";
    else if (!p.ok)
      p.error = "HTTP " + std::to_string(l.status);
  } else {
    p.error = "无法连接";
  }
  store::InspectionRepository(db_).record_probe(site_id, p, node);
  return p;
}

int InspectionService::send_alerts(const InspectionReport& report, const std::string& console_base_url) {
  store::InspectionRepository repo(db_);
  const auto settings = repo.settings(report.site.id);
  const auto sent = repo.alerts(report.site.id);
  const std::string now = domain::to_utc_iso_of_unix(clock_());
  std::vector<const domain::CheckResult*> news;
  store::UnitOfWork unit(db_);
  for (const auto& r : report.results) {
    auto it = sent.find(r.code);
    if (r.checked && r.level == domain::CheckLevel::Normal) {
      if (it != sent.end()) repo.drop_alert(report.site.id, r.code);
      continue;
    }
    if (!domain::alert_needed(r, it == sent.end() ? std::nullopt : std::optional(it->second.level),
                              it == sent.end() ? 0 : it->second.findings))
      continue;
    news.push_back(&r);
    repo.save_alert(report.site.id, r.code, {r.level, r.findings, now});
  }
  int mails = 0;
  if (!news.empty()) {
    int vetoes = 0;
    for (const auto* r : news) vetoes += r->level == domain::CheckLevel::Veto;
    const std::string subject = "【自查监测" + std::string(vetoes ? "·单项否决" : "·预警") + "】" + report.site.name +
                                " " + report.on.iso() + " 有 " + std::to_string(news.size()) + " 项需要处理";
    std::string body = report.site.name + "自查监测（" + report.on.iso() + "）发现以下新出现或加重的问题：\n\n";
    for (const auto* r : news) {
      body += "【" + domain::to_label(r->level) + "】" + r->name + "：" + r->summary + "\n";
      int shown = 0;
      for (const auto& e : r->evidence) {
        if (++shown > 10) {
          body += "  ……共 " + std::to_string(r->evidence.size()) + " 项\n";
          break;
        }
        body += "  - " + e.subject + "：" + e.detail + "\n";
      }
      body += "  规则：" + r->rule + "\n\n";
    }
    body += "完整报告：" + trim_slash(console_base_url) + "/console/inspection/?site=" + report.site.code + "\n";
    body += "同一问题只提醒一次，加重时再次提醒。本邮件由 zwgk 自查监测自动发送。\n";
    store::OutboxRepository outbox(db_, key_);
    for (const auto& to : settings.contacts)
      if (outbox.enqueue({report.site.id, "zcjc.alert", "site", report.site.code, to, subject, body}, now) != 0)
        ++mails;
    system_note(db_, report.site.id, "zcjc.alert", report.site.code,
                "checks=" + std::to_string(news.size()) + " mails=" + std::to_string(mails));
  }
  unit.commit();
  return mails;
}

InspectionReport report_of(const domain::Site& site, const store::InspectionRun& run) {
  InspectionReport r;
  r.site = site;
  r.on = run.run_on;
  r.ran_at = run.ran_at;
  r.level = run.level;
  r.vetoes = run.vetoes;
  r.warnings = run.warnings;
  r.results = results_from_json(run.results);
  return r;
}

std::optional<InspectionReport> InspectionService::latest(std::int64_t site_id) {
  auto run = store::InspectionRepository(db_).latest_run(site_id);
  if (!run) return std::nullopt;
  return report_of(site_of(site_id), *run);
}

std::optional<InspectionReport> InspectionService::on_day(std::int64_t site_id, domain::Date day) {
  auto run = store::InspectionRepository(db_).run_on(site_id, day);
  if (!run) return std::nullopt;
  return report_of(site_of(site_id), *run);
}

std::vector<store::InspectionRun> InspectionService::history(std::int64_t site_id, int days) {
  return store::InspectionRepository(db_).runs(site_id, days);
}

// ---- settings ----

void InspectionService::set_column_rule(const domain::Caller& caller, std::int64_t site_id, const std::string& code,
                                        std::optional<domain::ColumnUpdateRule> rule) {
  domain::require_permission(caller.account, "zcjc.configure", {site_id, std::nullopt});
  auto node = store::CatalogueRepository(db_).by_code(site_id, code);
  if (!node) throw domain::NotFound("没有这个栏目");
  if (rule) {
    if (rule->kind == domain::ColumnKind::NoUpdate || rule->kind == domain::ColumnKind::NotChecked)
      rule->period_days = 0;
    if (auto problem = domain::rule_problem(*rule)) throw domain::Invalid({*problem});
  }
  store::UnitOfWork unit(db_);
  store::InspectionRepository repo(db_);
  if (rule)
    repo.save_column_rule(site_id, node->id, *rule, caller.name, domain::to_utc_iso_of_unix(clock_()));
  else
    repo.clear_column_rule(site_id, node->id);
  caller.audit({"zcjc.configure", "catalogue_node", code,
                rule ? "kind=" + domain::to_code(rule->kind) + " period=" + std::to_string(rule->period_days)
                     : std::string("default")});
  unit.commit();
}

std::vector<domain::WordingRule> InspectionService::wording_rules(std::int64_t site_id) {
  return store::InspectionRepository(db_).wording_rules(site_id);
}

std::int64_t InspectionService::add_wording_rule(const domain::Caller& caller, std::int64_t site_id,
                                                 const domain::WordingRule& rule) {
  domain::require_permission(caller.account, "zcjc.configure", {site_id, std::nullopt});
  if (auto problem = domain::wording_rule_problem(rule); !problem.empty()) throw domain::Invalid({problem});
  store::InspectionRepository repo(db_);
  for (const auto& r : repo.wording_rules(site_id))
    if (r.wrong == rule.wrong) throw domain::Invalid({"“" + rule.wrong + "”已在清单中"});
  store::UnitOfWork unit(db_);
  const auto id = repo.add_wording_rule(site_id, rule);
  caller.audit({"zcjc.configure", "wording_rule", std::to_string(id), "serious=" + std::string(rule.serious ? "1" : "0")});
  unit.commit();
  return id;
}

void InspectionService::remove_wording_rule(const domain::Caller& caller, std::int64_t site_id, std::int64_t id) {
  domain::require_permission(caller.account, "zcjc.configure", {site_id, std::nullopt});
  store::UnitOfWork unit(db_);
  if (!store::InspectionRepository(db_).remove_wording_rule(site_id, id)) throw domain::NotFound("清单中没有这一条");
  caller.audit({"zcjc.configure", "wording_rule", std::to_string(id), "removed"});
  unit.commit();
}

int InspectionService::add_example_wording_rules(std::int64_t site_id) {
  store::InspectionRepository repo(db_);
  const auto have = repo.wording_rules(site_id);
  int added = 0;
  store::UnitOfWork unit(db_);
  for (const auto& rule : domain::example_wording_rules()) {
    if (std::any_of(have.begin(), have.end(), [&](const auto& r) { return r.wrong == rule.wrong; })) continue;
    repo.add_wording_rule(site_id, rule);
    ++added;
  }
  if (added) system_note(db_, site_id, "zcjc.configure", "wording_rules", "examples=" + std::to_string(added));
  unit.commit();
  return added;
}

store::InspectionSettings InspectionService::settings(std::int64_t site_id) {
  return store::InspectionRepository(db_).settings(site_id);
}

void InspectionService::save_settings(const domain::Caller& caller, std::int64_t site_id,
                                      const std::vector<std::string>& contacts, const std::string& thresholds_text,
                                      bool check_external) {
  domain::require_permission(caller.account, "zcjc.configure", {site_id, std::nullopt});
  std::vector<std::string> problems;
  std::vector<std::string> clean;
  for (const auto& c : contacts) {
    const std::string a = domain::trim_cell(c);
    if (a.empty()) continue;
    if (!domain::is_valid_email_address(a))
      problems.push_back("“" + a + "”不是有效的电子邮箱地址");
    else
      clean.push_back(a);
  }
  if (clean.size() > 4) problems.push_back("预警联系人最多 4 个（网站负责人和 3 名联系人）");
  domain::parse_thresholds(thresholds_text, problems);
  if (!problems.empty()) throw domain::Invalid(problems);
  store::InspectionSettings s;
  s.contacts = clean;
  s.thresholds = thresholds_text;
  s.check_external = check_external;
  s.updated_at = domain::to_utc_iso_of_unix(clock_());
  s.updated_by = caller.name;
  store::UnitOfWork unit(db_);
  store::InspectionRepository(db_).save_settings(site_id, s);
  caller.audit({"zcjc.configure", "site", std::to_string(site_id),
                "contacts=" + std::to_string(clean.size()) + " external=" + (check_external ? "1" : "0")});
  unit.commit();
}

std::vector<std::string> InspectionService::wording_warnings(std::int64_t site_id, const std::string& text) {
  const auto rules = store::InspectionRepository(db_).wording_rules(site_id);
  std::vector<std::string> out;
  for (const auto& hit : domain::find_wording_errors(text, rules))
    out.push_back("“" + hit.rule->wrong + "”应为“" + hit.rule->right + "”" + (hit.rule->serious ? "（严重表述错误）" : "") +
                  "：…" + hit.context + "…");
  return out;
}

}  // namespace zwgk::modules::zcjc
