// See assessment_repository.hpp.
#include "modules/jxkh/store/assessment_repository.hpp"

#include <nlohmann/json.hpp>

#include "modules/jxkh/domain/assessment_cache_tags.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

std::string unit_facts_to_json(const std::vector<domain::UnitFacts>& units) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& u : units) {
    nlohmann::json sources = nlohmann::json::object();
    for (const auto& [code, f] : u.sources) {
      nlohmann::json findings = nlohmann::json::array();
      for (const auto& e : f.findings) findings.push_back({{"subject", e.subject}, {"detail", e.detail}, {"url", e.url}});
      sources[code] = {{"checked", f.checked}, {"note", f.note}, {"findings", findings}};
    }
    out.push_back({{"department_id", u.department_id}, {"name", u.name}, {"sources", sources}});
  }
  return out.dump();
}

std::vector<domain::UnitFacts> unit_facts_from_json(const std::string& json) {
  std::vector<domain::UnitFacts> out;
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_array()) return out;
  auto text = [](const nlohmann::json& o, const char* key) {
    return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string();
  };
  for (const auto& u : j) {
    if (!u.is_object() || !u.contains("department_id") || !u["department_id"].is_number_integer()) continue;
    domain::UnitFacts f;
    f.department_id = u["department_id"].get<std::int64_t>();
    f.name = text(u, "name");
    if (u.contains("sources") && u["sources"].is_object())
      for (const auto& [code, s] : u["sources"].items()) {
        if (!s.is_object()) continue;
        domain::SourceFacts facts;
        if (s.contains("checked") && s["checked"].is_number_integer()) facts.checked = s["checked"].get<int>();
        facts.note = text(s, "note");
        if (s.contains("findings") && s["findings"].is_array())
          for (const auto& e : s["findings"])
            if (e.is_object()) facts.findings.push_back({text(e, "subject"), text(e, "detail"), text(e, "url")});
        f.sources[code] = std::move(facts);
      }
    out.push_back(std::move(f));
  }
  return out;
}

std::optional<StoredIndicatorSet> AssessmentRepository::indicator_set(std::int64_t site_id, int year) {
  return guarded("读取考核指标失败", [&]() -> std::optional<StoredIndicatorSet> {
    Lease lease(db_);
    long long site = site_id;
    int y = year;
    StoredIndicatorSet s;
    soci::indicator ind = soci::i_null;
    lease.sql() << "SELECT indicators, updated_at, updated_by FROM assessment_indicator_sets WHERE site_id = :s AND year = :y",
        soci::use(site, "s"), soci::use(y, "y"), soci::into(s.text, ind), soci::into(s.updated_at), soci::into(s.updated_by);
    if (!lease.sql().got_data() || ind == soci::i_null) return std::nullopt;
    return s;
  });
}

void AssessmentRepository::save_indicator_set(std::int64_t site_id, int year, const std::string& text,
                                              const std::string& by, const std::string& at) {
  guarded("保存考核指标失败", [&] {
    Lease lease(db_);
    long long site = site_id;
    int y = year;
    std::string t = text, b = by, a = at;
    lease.sql() << "INSERT INTO assessment_indicator_sets (site_id, year, indicators, updated_at, updated_by) VALUES "
                   "(:s, :y, :t, :a, :b) ON CONFLICT (site_id, year) DO UPDATE SET indicators = excluded.indicators, "
                   "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        soci::use(site, "s"), soci::use(y, "y"), soci::use(t, "t"), soci::use(a, "a"), soci::use(b, "b");
  });
}

std::optional<domain::AssessmentRun> AssessmentRepository::run(std::int64_t site_id, int year) {
  return guarded("读取考核结果失败", [&]() -> std::optional<domain::AssessmentRun> {
    Lease lease(db_);
    long long site = site_id, id = 0;
    int y = year;
    domain::AssessmentRun r;
    std::string facts, state;
    soci::indicator ind = soci::i_null;
    lease.sql() << "SELECT id, indicators, facts, state, computed_at, computed_by, released_at, released_by FROM "
                   "assessment_runs WHERE site_id = :s AND year = :y",
        soci::use(site, "s"), soci::use(y, "y"), soci::into(id, ind), soci::into(r.indicators), soci::into(facts),
        soci::into(state), soci::into(r.computed_at), soci::into(r.computed_by), soci::into(r.released_at),
        soci::into(r.released_by);
    if (!lease.sql().got_data() || ind == soci::i_null) return std::nullopt;
    r.id = id;
    r.site_id = site_id;
    r.year = year;
    r.units = unit_facts_from_json(facts);
    r.state = domain::assessment_state_from(state).value_or(domain::AssessmentState::Draft);
    return r;
  });
}

std::vector<RunSummary> AssessmentRepository::runs(std::int64_t site_id) {
  return guarded("读取考核结果失败", [&] {
    Lease lease(db_);
    std::vector<RunSummary> out;
    long long site = site_id;
    RunSummary r;
    int year = 0;
    std::string state;
    soci::statement st = (lease.sql().prepare << "SELECT year, state, computed_at, released_at FROM assessment_runs "
                                                 "WHERE site_id = :s ORDER BY year DESC",
                          soci::use(site, "s"), soci::into(year), soci::into(state), soci::into(r.computed_at),
                          soci::into(r.released_at));
    st.execute();
    while (st.fetch()) {
      r.year = year;
      r.state = domain::assessment_state_from(state).value_or(domain::AssessmentState::Draft);
      out.push_back(r);
    }
    return out;
  });
}

void AssessmentRepository::save_run(domain::AssessmentRun& r) {
  guarded("保存考核结果失败", [&] {
    Lease lease(db_);
    long long site = r.site_id, id = r.id;
    int year = r.year;
    std::string indicators = r.indicators, facts = unit_facts_to_json(r.units), state = domain::to_code(r.state),
                at = r.computed_at, by = r.computed_by;
    if (r.id == 0) {
      lease.sql() << "INSERT INTO assessment_runs (site_id, year, indicators, facts, state, computed_at, computed_by) "
                     "VALUES (:s, :y, :i, :f, :st, :a, :b) RETURNING id",
          soci::use(site, "s"), soci::use(year, "y"), soci::use(indicators, "i"), soci::use(facts, "f"),
          soci::use(state, "st"), soci::use(at, "a"), soci::use(by, "b"), soci::into(id);
      r.id = id;
    } else {
      lease.sql() << "UPDATE assessment_runs SET indicators = :i, facts = :f, computed_at = :a, computed_by = :b WHERE id = :id",
          soci::use(indicators, "i"), soci::use(facts, "f"), soci::use(at, "a"), soci::use(by, "b"), soci::use(id, "id");
    }
  });
}

void AssessmentRepository::release(const domain::AssessmentRun& r, const std::string& at, const std::string& by) {
  guarded("发布考核结果失败", [&] {
    Lease lease(db_);
    long long id = r.id;
    std::string a = at, b = by;
    lease.sql() << "UPDATE assessment_runs SET state = 'released', released_at = :a, released_by = :b WHERE id = :id",
        soci::use(a, "a"), soci::use(b, "b"), soci::use(id, "id");
  });
  db_.notify_changed({domain::tag_assessments(r.site_id)});
}

void AssessmentRepository::add_adjustment(std::int64_t run_id, std::int64_t department_id, const domain::Adjustment& a) {
  guarded("保存分数调整失败", [&] {
    Lease lease(db_);
    long long run = run_id, dept = department_id;
    int points = a.points;
    std::string reason = a.reason, by = a.by, at = a.at;
    lease.sql() << "INSERT INTO assessment_adjustments (run_id, department_id, points, reason, adjusted_by, adjusted_at) "
                   "VALUES (:r, :d, :p, :why, :b, :a)",
        soci::use(run, "r"), soci::use(dept, "d"), soci::use(points, "p"), soci::use(reason, "why"), soci::use(by, "b"),
        soci::use(at, "a");
  });
}

namespace {

std::vector<std::pair<std::int64_t, domain::Adjustment>> load_adjustments(Database& db, std::int64_t run_id,
                                                                          std::optional<std::int64_t> department_id) {
  return guarded("读取分数调整失败", [&] {
    Lease lease(db);
    Binds b;
    std::string where = "WHERE run_id = " + b.add(static_cast<long long>(run_id));
    if (department_id) where += " AND department_id = " + b.add(static_cast<long long>(*department_id));
    std::vector<std::pair<std::int64_t, domain::Adjustment>> out;
    long long dept = 0;
    int points = 0;
    domain::Adjustment a;
    soci::statement st(lease.sql());
    st.exchange(soci::into(dept));
    st.exchange(soci::into(points));
    st.exchange(soci::into(a.reason));
    st.exchange(soci::into(a.by));
    st.exchange(soci::into(a.at));
    b.apply(st);
    prepare_and_execute(st, "SELECT department_id, points, reason, adjusted_by, adjusted_at FROM assessment_adjustments " +
                                where + " ORDER BY id");
    while (st.fetch()) {
      a.points = points;
      out.emplace_back(dept, a);
    }
    return out;
  });
}

}  // namespace

std::map<std::int64_t, domain::Adjustment> AssessmentRepository::adjustments(std::int64_t run_id) {
  std::map<std::int64_t, domain::Adjustment> out;
  for (auto& [dept, a] : load_adjustments(db_, run_id, std::nullopt)) out[dept] = std::move(a);  // the latest stands
  return out;
}

std::vector<domain::Adjustment> AssessmentRepository::adjustment_history(std::int64_t run_id, std::int64_t department_id) {
  std::vector<domain::Adjustment> out;
  for (auto& [dept, a] : load_adjustments(db_, run_id, department_id)) out.push_back(std::move(a));
  return out;
}

void AssessmentRepository::save_figure(std::int64_t site_id, int year, std::int64_t department_id,
                                       const std::string& indicator_code, const domain::ManualFigure& f) {
  guarded("保存填报数字失败", [&] {
    Lease lease(db_);
    long long site = site_id, dept = department_id;
    int y = year, count = f.count;
    std::string code = indicator_code, note = f.note, by = f.by, at = f.at;
    lease.sql() << "INSERT INTO assessment_figures (site_id, year, department_id, indicator_code, findings, note, "
                   "updated_by, updated_at) VALUES (:s, :y, :d, :c, :n, :note, :b, :a) ON CONFLICT (site_id, year, "
                   "department_id, indicator_code) DO UPDATE SET findings = excluded.findings, note = excluded.note, "
                   "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        soci::use(site, "s"), soci::use(y, "y"), soci::use(dept, "d"), soci::use(code, "c"), soci::use(count, "n"),
        soci::use(note, "note"), soci::use(by, "b"), soci::use(at, "a");
  });
}

std::map<std::int64_t, std::map<std::string, domain::ManualFigure>> AssessmentRepository::figures(std::int64_t site_id,
                                                                                                   int year) {
  return guarded("读取填报数字失败", [&] {
    Lease lease(db_);
    std::map<std::int64_t, std::map<std::string, domain::ManualFigure>> out;
    long long site = site_id, dept = 0;
    int y = year, count = 0;
    std::string code;
    domain::ManualFigure f;
    soci::statement st = (lease.sql().prepare << "SELECT department_id, indicator_code, findings, note, updated_by, "
                                                 "updated_at FROM assessment_figures WHERE site_id = :s AND year = :y",
                          soci::use(site, "s"), soci::use(y, "y"), soci::into(dept), soci::into(code), soci::into(count),
                          soci::into(f.note), soci::into(f.by), soci::into(f.at));
    st.execute();
    while (st.fetch()) {
      f.count = count;
      out[dept][code] = f;
    }
    return out;
  });
}

}  // namespace zwgk::store
