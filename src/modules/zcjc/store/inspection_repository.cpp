// See inspection_repository.hpp.
#include "modules/zcjc/store/inspection_repository.hpp"

#include "domain/text_lines.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

InspectionSettings InspectionRepository::settings(std::int64_t site_id) {
  return guarded("读取自查监测设置失败", [&] {
    Lease lease(db_);
    long long site = site_id;
    std::string contacts, thresholds, at, by;
    int external = 0;
    soci::indicator ind = soci::i_ok;
    lease.sql() << "SELECT contacts, thresholds, check_external, updated_at, updated_by FROM inspection_settings "
                   "WHERE site_id = :s",
        soci::use(site, "s"), soci::into(contacts, ind), soci::into(thresholds), soci::into(external), soci::into(at),
        soci::into(by);
    InspectionSettings s;
    if (!lease.sql().got_data()) return s;
    s.contacts = domain::non_empty_lines(contacts);
    s.thresholds = thresholds;
    s.check_external = external != 0;
    s.updated_at = at;
    s.updated_by = by;
    return s;
  });
}

void InspectionRepository::save_settings(std::int64_t site_id, const InspectionSettings& s) {
  guarded("保存自查监测设置失败", [&] {
    Lease lease(db_);
    long long site = site_id;
    std::string contacts = domain::joined_lines(s.contacts), thresholds = s.thresholds, at = s.updated_at, by = s.updated_by;
    int external = s.check_external ? 1 : 0;
    lease.sql() << "INSERT INTO inspection_settings (site_id, contacts, thresholds, check_external, updated_at, "
                   "updated_by) VALUES (:s, :c, :t, :e, :a, :b) ON CONFLICT (site_id) DO UPDATE SET contacts = "
                   "excluded.contacts, thresholds = excluded.thresholds, check_external = excluded.check_external, "
                   "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        soci::use(site, "s"), soci::use(contacts, "c"), soci::use(thresholds, "t"), soci::use(external, "e"),
        soci::use(at, "a"), soci::use(by, "b");
  });
}

std::map<std::int64_t, domain::ColumnUpdateRule> InspectionRepository::column_rules(std::int64_t site_id) {
  return guarded("读取栏目更新要求失败", [&] {
    Lease lease(db_);
    std::map<std::int64_t, domain::ColumnUpdateRule> out;
    long long site = site_id, node = 0;
    std::string kind, reason;
    int period = 0;
    soci::statement st = (lease.sql().prepare << "SELECT node_id, kind, period_days, reason FROM "
                                                 "inspection_column_rules WHERE site_id = :s",
                          soci::use(site, "s"), soci::into(node), soci::into(kind), soci::into(period),
                          soci::into(reason));
    st.execute();
    while (st.fetch()) {
      domain::ColumnUpdateRule r;
      r.kind = domain::column_kind_from(kind).value_or(domain::ColumnKind::Other);
      r.period_days = period;
      r.reason = reason;
      r.set_by_office = true;
      out[node] = r;
    }
    return out;
  });
}

void InspectionRepository::save_column_rule(std::int64_t site_id, std::int64_t node_id,
                                            const domain::ColumnUpdateRule& rule, const std::string& by,
                                            const std::string& now_iso) {
  guarded("保存栏目更新要求失败", [&] {
    Lease lease(db_);
    long long site = site_id, node = node_id;
    std::string kind = domain::to_code(rule.kind), reason = rule.reason, who = by, at = now_iso;
    int period = rule.period_days;
    lease.sql() << "INSERT INTO inspection_column_rules (node_id, site_id, kind, period_days, reason, updated_at, "
                   "updated_by) VALUES (:n, :s, :k, :p, :r, :a, :b) ON CONFLICT (node_id) DO UPDATE SET kind = "
                   "excluded.kind, period_days = excluded.period_days, reason = excluded.reason, updated_at = "
                   "excluded.updated_at, updated_by = excluded.updated_by",
        soci::use(node, "n"), soci::use(site, "s"), soci::use(kind, "k"), soci::use(period, "p"),
        soci::use(reason, "r"), soci::use(at, "a"), soci::use(who, "b");
  });
}

void InspectionRepository::clear_column_rule(std::int64_t site_id, std::int64_t node_id) {
  guarded("恢复栏目默认更新要求失败", [&] {
    Lease lease(db_);
    long long site = site_id, node = node_id;
    lease.sql() << "DELETE FROM inspection_column_rules WHERE site_id = :s AND node_id = :n", soci::use(site, "s"),
        soci::use(node, "n");
  });
}

std::vector<domain::WordingRule> InspectionRepository::wording_rules(std::int64_t site_id) {
  return guarded("读取错误写法清单失败", [&] {
    Lease lease(db_);
    std::vector<domain::WordingRule> out;
    long long site = site_id, id = 0;
    domain::WordingRule r;
    int serious = 0;
    soci::statement st = (lease.sql().prepare << "SELECT id, wrong, right_form, note, serious FROM "
                                                 "inspection_wording_rules WHERE site_id = :s ORDER BY id",
                          soci::use(site, "s"), soci::into(id), soci::into(r.wrong), soci::into(r.right),
                          soci::into(r.note), soci::into(serious));
    st.execute();
    while (st.fetch()) {
      r.id = id;
      r.serious = serious != 0;
      out.push_back(r);
    }
    return out;
  });
}

std::int64_t InspectionRepository::add_wording_rule(std::int64_t site_id, const domain::WordingRule& rule) {
  return guarded("添加错误写法失败", [&] {
    Lease lease(db_);
    long long site = site_id, id = 0;
    std::string wrong = rule.wrong, right = rule.right, note = rule.note;
    int serious = rule.serious ? 1 : 0;
    lease.sql() << "INSERT INTO inspection_wording_rules (site_id, wrong, right_form, note, serious) VALUES (:s, :w, "
                   ":r, :n, :x) RETURNING id",
        soci::use(site, "s"), soci::use(wrong, "w"), soci::use(right, "r"), soci::use(note, "n"),
        soci::use(serious, "x"), soci::into(id);
    return static_cast<std::int64_t>(id);
  });
}

bool InspectionRepository::remove_wording_rule(std::int64_t site_id, std::int64_t id) {
  return guarded("删除错误写法失败", [&] {
    Lease lease(db_);
    long long site = site_id, rid = id;
    soci::statement st = (lease.sql().prepare << "DELETE FROM inspection_wording_rules WHERE site_id = :s AND id = :i",
                          soci::use(site, "s"), soci::use(rid, "i"));
    st.execute(true);
    return st.get_affected_rows() > 0;
  });
}

void InspectionRepository::record_probe(std::int64_t site_id, const domain::ProbeRecord& p, const std::string& node) {
  guarded("记录可访问性探测失败", [&] {
    Lease lease(db_);
    long long site = site_id;
    std::string at = p.at, error = p.error, who = node;
    int ok = p.ok ? 1 : 0, status = p.status, millis = p.millis;
    lease.sql() << "INSERT INTO inspection_probes (site_id, probed_at, node, ok, status, millis, error) VALUES (:s, "
                   ":a, :n, :o, :st, :m, :e)",
        soci::use(site, "s"), soci::use(at, "a"), soci::use(who, "n"), soci::use(ok, "o"), soci::use(status, "st"),
        soci::use(millis, "m"), soci::use(error, "e");
  });
}

std::vector<domain::ProbeRecord> InspectionRepository::probes_since(std::int64_t site_id, const std::string& since_iso) {
  return guarded("读取可访问性探测失败", [&] {
    Lease lease(db_);
    std::vector<domain::ProbeRecord> out;
    long long site = site_id;
    std::string since = since_iso;
    domain::ProbeRecord p;
    int ok = 0;
    soci::statement st = (lease.sql().prepare << "SELECT probed_at, ok, status, millis, error FROM inspection_probes "
                                                 "WHERE site_id = :s AND probed_at >= :f ORDER BY probed_at DESC, id DESC",
                          soci::use(site, "s"), soci::use(since, "f"), soci::into(p.at), soci::into(ok),
                          soci::into(p.status), soci::into(p.millis), soci::into(p.error));
    st.execute();
    while (st.fetch()) {
      p.ok = ok != 0;
      out.push_back(p);
    }
    return out;
  });
}

int InspectionRepository::prune_probes(const std::string& before_iso) {
  return guarded("清理可访问性探测失败", [&] {
    Lease lease(db_);
    std::string before = before_iso;
    soci::statement st =
        (lease.sql().prepare << "DELETE FROM inspection_probes WHERE probed_at < :b", soci::use(before, "b"));
    st.execute(true);
    return static_cast<int>(st.get_affected_rows());
  });
}

void InspectionRepository::save_crawl(std::int64_t site_id, const InspectionCrawl& c) {
  guarded("保存网页巡检结果失败", [&] {
    Lease lease(db_);
    long long site = site_id;
    std::string at = c.crawled_at, results = c.results;
    int pages = c.pages;
    lease.sql() << "INSERT INTO inspection_crawls (site_id, crawled_at, pages, results) VALUES (:s, :a, :p, :r) "
                   "ON CONFLICT (site_id) DO UPDATE SET crawled_at = excluded.crawled_at, pages = excluded.pages, "
                   "results = excluded.results",
        soci::use(site, "s"), soci::use(at, "a"), soci::use(pages, "p"), soci::use(results, "r");
  });
}

std::optional<InspectionCrawl> InspectionRepository::crawl(std::int64_t site_id) {
  return guarded("读取网页巡检结果失败", [&]() -> std::optional<InspectionCrawl> {
    Lease lease(db_);
    long long site = site_id;
    InspectionCrawl c;
    lease.sql() << "SELECT crawled_at, pages, results FROM inspection_crawls WHERE site_id = :s", soci::use(site, "s"),
        soci::into(c.crawled_at), soci::into(c.pages), soci::into(c.results);
    if (!lease.sql().got_data()) return std::nullopt;
    return c;
  });
}

void InspectionRepository::save_run(const InspectionRun& run) {
  guarded("保存自查结果失败", [&] {
    Lease lease(db_);
    long long site = run.site_id;
    std::string on = run.run_on.iso(), at = run.ran_at, level = domain::to_code(run.level), results = run.results;
    int vetoes = run.vetoes, warnings = run.warnings;
    lease.sql() << "INSERT INTO inspection_runs (site_id, run_on, ran_at, level, vetoes, warnings, results) VALUES "
                   "(:s, :o, :a, :l, :v, :w, :r) ON CONFLICT (site_id, run_on) DO UPDATE SET ran_at = excluded.ran_at, "
                   "level = excluded.level, vetoes = excluded.vetoes, warnings = excluded.warnings, results = "
                   "excluded.results",
        soci::use(site, "s"), soci::use(on, "o"), soci::use(at, "a"), soci::use(level, "l"), soci::use(vetoes, "v"),
        soci::use(warnings, "w"), soci::use(results, "r");
  });
}

namespace {

std::vector<InspectionRun> select_runs(Lease& lease, long long site, const std::string& day, int limit,
                                       bool with_results) {
  std::vector<InspectionRun> out;
  InspectionRun r;
  std::string on, level, results;
  Binds b;
  std::string where = " WHERE site_id = " + b.add(site);
  if (!day.empty()) where += " AND run_on = " + b.add(day);
  soci::statement st(lease.sql());
  st.exchange(soci::into(on));
  st.exchange(soci::into(r.ran_at));
  st.exchange(soci::into(level));
  st.exchange(soci::into(r.vetoes));
  st.exchange(soci::into(r.warnings));
  st.exchange(soci::into(results));
  b.apply(st);
  prepare_and_execute(st, std::string("SELECT run_on, ran_at, level, vetoes, warnings, ") +
                              (with_results ? "results" : "''") + " FROM inspection_runs" + where +
                              " ORDER BY run_on DESC LIMIT " + std::to_string(limit));
  while (st.fetch()) {
    r.site_id = site;
    r.run_on = domain::Date::parse(on).value_or(domain::Date{});
    r.level = domain::check_level_from(level).value_or(domain::CheckLevel::Normal);
    r.results = results;
    out.push_back(r);
  }
  return out;
}

}  // namespace

std::optional<InspectionRun> InspectionRepository::latest_run(std::int64_t site_id) {
  return guarded("读取自查结果失败", [&]() -> std::optional<InspectionRun> {
    Lease lease(db_);
    auto runs = select_runs(lease, site_id, "", 1, true);
    if (runs.empty()) return std::nullopt;
    return runs.front();
  });
}

std::optional<InspectionRun> InspectionRepository::run_on(std::int64_t site_id, domain::Date day) {
  return guarded("读取自查结果失败", [&]() -> std::optional<InspectionRun> {
    Lease lease(db_);
    auto runs = select_runs(lease, site_id, day.iso(), 1, true);
    if (runs.empty()) return std::nullopt;
    return runs.front();
  });
}

std::vector<InspectionRun> InspectionRepository::runs(std::int64_t site_id, int limit) {
  return guarded("读取自查记录失败", [&] {
    Lease lease(db_);
    return select_runs(lease, site_id, "", limit, false);
  });
}

std::map<std::string, SentAlert> InspectionRepository::alerts(std::int64_t site_id) {
  return guarded("读取预警记录失败", [&] {
    Lease lease(db_);
    std::map<std::string, SentAlert> out;
    long long site = site_id;
    std::string code, level;
    SentAlert a;
    soci::statement st = (lease.sql().prepare << "SELECT check_code, level, findings, sent_at FROM inspection_alerts "
                                                 "WHERE site_id = :s",
                          soci::use(site, "s"), soci::into(code), soci::into(level), soci::into(a.findings),
                          soci::into(a.sent_at));
    st.execute();
    while (st.fetch()) {
      a.level = domain::check_level_from(level).value_or(domain::CheckLevel::Normal);
      out[code] = a;
    }
    return out;
  });
}

void InspectionRepository::save_alert(std::int64_t site_id, const std::string& check_code, const SentAlert& a) {
  guarded("记录预警失败", [&] {
    Lease lease(db_);
    long long site = site_id;
    std::string code = check_code, level = domain::to_code(a.level), at = a.sent_at;
    int findings = a.findings;
    lease.sql() << "INSERT INTO inspection_alerts (site_id, check_code, level, findings, sent_at) VALUES (:s, :c, :l, "
                   ":f, :a) ON CONFLICT (site_id, check_code) DO UPDATE SET level = excluded.level, findings = "
                   "excluded.findings, sent_at = excluded.sent_at",
        soci::use(site, "s"), soci::use(code, "c"), soci::use(level, "l"), soci::use(findings, "f"),
        soci::use(at, "a");
  });
}

void InspectionRepository::drop_alert(std::int64_t site_id, const std::string& check_code) {
  guarded("清除预警记录失败", [&] {
    Lease lease(db_);
    long long site = site_id;
    std::string code = check_code;
    lease.sql() << "DELETE FROM inspection_alerts WHERE site_id = :s AND check_code = :c", soci::use(site, "s"),
        soci::use(code, "c");
  });
}

// ---- facts from the kernel tables ----

std::map<std::int64_t, ColumnActivity> InspectionFacts::column_activity(std::int64_t site_id) {
  return guarded("读取栏目更新情况失败", [&] {
    Lease lease(db_);
    std::map<std::int64_t, ColumnActivity> out;
    long long site = site_id, node = 0, count = 0;
    std::string last;
    soci::indicator last_ind = soci::i_ok;
    soci::statement st =
        (lease.sql().prepare << "SELECT catalogue_id, count(*), max(first_published_at) FROM documents WHERE site_id = "
                                ":s AND state = 'published' AND catalogue_id IS NOT NULL GROUP BY catalogue_id",
         soci::use(site, "s"), soci::into(node), soci::into(count), soci::into(last, last_ind));
    st.execute();
    while (st.fetch()) out[node] = {count, last_ind == soci::i_ok ? last : std::string()};
    return out;
  });
}

std::string InspectionFacts::last_published_at(std::int64_t site_id) {
  return guarded("读取首页更新情况失败", [&] {
    Lease lease(db_);
    long long site = site_id;
    std::string last;
    soci::indicator ind = soci::i_ok;
    lease.sql() << "SELECT max(first_published_at) FROM documents WHERE site_id = :s AND state = 'published'",
        soci::use(site, "s"), soci::into(last, ind);
    return ind == soci::i_ok ? last : std::string();
  });
}

std::vector<PolicyRow> InspectionFacts::policies(std::int64_t site_id, const std::vector<std::int64_t>& node_ids,
                                                 const std::string& since_iso) {
  return guarded("读取政策文件失败", [&] {
    std::vector<PolicyRow> out;
    if (node_ids.empty()) return out;
    Lease lease(db_);
    Binds b;
    std::string in;
    for (auto id : node_ids) in += (in.empty() ? "" : ", ") + b.add(static_cast<long long>(id));
    const std::string site = b.add(static_cast<long long>(site_id)), since = b.add(since_iso);
    long long id = 0;
    int interpreted = 0;
    PolicyRow r;
    soci::statement st(lease.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::into(r.title));
    st.exchange(soci::into(r.first_published_at));
    st.exchange(soci::into(interpreted));
    b.apply(st);
    prepare_and_execute(st,
                        "SELECT d.id, d.title, d.first_published_at, CASE WHEN EXISTS (SELECT 1 FROM documents i "
                        "WHERE i.interprets_id = d.id AND i.state = 'published') OR EXISTS (SELECT 1 FROM "
                        "interpretation_exemptions x WHERE x.document_id = d.id) THEN 1 ELSE 0 END FROM documents d "
                        "WHERE d.site_id = " +
                            site + " AND d.state = 'published' AND d.kind = 'document' AND d.catalogue_id IN (" + in +
                            ") AND d.first_published_at >= " + since + " ORDER BY d.first_published_at DESC");
    while (st.fetch()) {
      r.id = id;
      r.interpreted = interpreted != 0;
      out.push_back(r);
    }
    return out;
  });
}

std::vector<std::string> InspectionFacts::first_published_with_title(std::int64_t site_id, std::int64_t node_id,
                                                                     const std::string& text) {
  return guarded("读取年度报告失败", [&] {
    Lease lease(db_);
    std::vector<std::string> out;
    long long site = site_id, node = node_id;
    std::string like = "%" + text + "%", at;
    soci::statement st = (lease.sql().prepare << "SELECT first_published_at FROM documents WHERE site_id = :s AND "
                                                 "catalogue_id = :n AND state = 'published' AND title LIKE :t ORDER BY "
                                                 "first_published_at",
                          soci::use(site, "s"), soci::use(node, "n"), soci::use(like, "t"), soci::into(at));
    st.execute();
    while (st.fetch()) out.push_back(at);
    return out;
  });
}

}  // namespace zwgk::store
