// See proposal_repository.hpp.
#include "modules/jyta/store/proposal_repository.hpp"

#include "store/database_impl.hpp"

namespace zwgk::store {

namespace {

constexpr const char* kColumns =
    "id, site_id, kind, session, meeting, year, number, title, lead, co_signers, main_department_id, main_department, "
    "co_departments, assigned_on, due_on, answer, answered_on, result_class, satisfaction, publication, summary, "
    "withheld_ground, withheld_reason";

std::vector<domain::Proposal> load(Lease& lease, const std::string& tail, Binds& b) {
  std::vector<domain::Proposal> out;
  long long id = 0, site = 0, dep = 0;
  int year = 0;
  std::string kind, session, meeting, number, title, lead, co_signers, main_dep, co_deps, assigned, due, answer,
      answered, klass, satisfaction, publication, summary, ground, reason;
  soci::indicator answered_ind = soci::i_ok;
  soci::statement st(lease.sql());
  st.exchange(soci::into(id));
  st.exchange(soci::into(site));
  st.exchange(soci::into(kind));
  st.exchange(soci::into(session));
  st.exchange(soci::into(meeting));
  st.exchange(soci::into(year));
  st.exchange(soci::into(number));
  st.exchange(soci::into(title));
  st.exchange(soci::into(lead));
  st.exchange(soci::into(co_signers));
  st.exchange(soci::into(dep));
  st.exchange(soci::into(main_dep));
  st.exchange(soci::into(co_deps));
  st.exchange(soci::into(assigned));
  st.exchange(soci::into(due));
  st.exchange(soci::into(answer));
  st.exchange(soci::into(answered, answered_ind));
  st.exchange(soci::into(klass));
  st.exchange(soci::into(satisfaction));
  st.exchange(soci::into(publication));
  st.exchange(soci::into(summary));
  st.exchange(soci::into(ground));
  st.exchange(soci::into(reason));
  b.apply(st);
  prepare_and_execute(st, std::string("SELECT ") + kColumns + " FROM proposals " + tail);
  while (st.fetch()) {
    domain::Proposal p;
    p.id = id;
    p.site_id = site;
    p.kind = domain::proposal_kind_from(kind).value_or(domain::ProposalKind::Suggestion);
    p.session = session;
    p.meeting = meeting;
    p.year = year;
    p.number = number;
    p.title = title;
    p.lead = lead;
    p.co_signers = co_signers;
    p.main_department_id = dep;
    p.main_department = main_dep;
    p.co_departments = co_deps;
    p.assigned_on = domain::Date::parse(assigned).value_or(domain::Date{});
    p.due_on = domain::Date::parse(due).value_or(domain::Date{});
    p.answer = answer;
    p.answered_on = date_from(answered, answered_ind);
    p.result_class = domain::result_class_from(klass);
    p.satisfaction = domain::proposal_satisfaction_from(satisfaction);
    p.publication = domain::proposal_publication_from(publication).value_or(domain::ProposalPublication::Full);
    p.summary = summary;
    p.withheld_ground = domain::reply_outcome_from_code(ground);
    p.withheld_reason = reason;
    out.push_back(std::move(p));
  }
  return out;
}

// WHERE for a query (without paging).
std::string where_of(const ProposalQuery& q, Binds& b) {
  std::string w = "WHERE site_id = " + b.add(static_cast<long long>(q.site_id));
  if (q.year) w += " AND year = " + b.add(static_cast<long long>(*q.year));
  if (q.department_id) w += " AND main_department_id = " + b.add(static_cast<long long>(*q.department_id));
  if (q.result_class) w += " AND answered_on IS NOT NULL AND result_class = " + b.add(domain::to_code(*q.result_class));
  if (q.kind) w += " AND kind = " + b.add(domain::to_code(*q.kind));
  if (!q.text.empty()) {
    const std::string like = "%" + q.text + "%";
    w += " AND (title LIKE " + b.add(like) + " OR number = " + b.add(q.text) + " OR lead LIKE " + b.add(like) + ")";
  }
  if (q.overdue_only && q.today) w += " AND answered_on IS NULL AND due_on < " + b.add(q.today->iso());
  return w;
}

}  // namespace

int ProposalRepository::answer_months(std::int64_t site_id) {
  return guarded("读取建议提案设置失败", [&] {
    Lease lease(db_);
    long long site = site_id;
    int months = domain::kDefaultAnswerMonths;
    lease.sql() << "SELECT answer_months FROM proposal_settings WHERE site_id = :site", soci::use(site, "site"),
        soci::into(months);
    return lease.sql().got_data() ? months : domain::kDefaultAnswerMonths;
  });
}

void ProposalRepository::save_answer_months(std::int64_t site_id, int months) {
  guarded("保存建议提案设置失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = site_id;
    lease.sql() << "INSERT INTO proposal_settings (site_id, answer_months) VALUES (:site, :m) ON CONFLICT (site_id) "
                   "DO UPDATE SET answer_months = excluded.answer_months",
        soci::use(site, "site"), soci::use(months, "m");
    tx.commit();
  });
}

std::optional<std::int64_t> ProposalRepository::existing(std::int64_t site_id, domain::ProposalKind kind,
                                                         const std::string& session, const std::string& meeting,
                                                         const std::string& number) {
  return guarded("读取建议提案失败", [&]() -> std::optional<std::int64_t> {
    Lease lease(db_);
    long long site = site_id, id = 0;
    std::string k = domain::to_code(kind);
    lease.sql() << "SELECT id FROM proposals WHERE site_id = :site AND kind = :k AND session = :s AND meeting = :m "
                   "AND number = :n",
        soci::use(site, "site"), soci::use(k, "k"), soci::use(session, "s"), soci::use(meeting, "m"),
        soci::use(number, "n"), soci::into(id);
    if (!lease.sql().got_data()) return std::nullopt;
    return static_cast<std::int64_t>(id);
  });
}

std::int64_t ProposalRepository::insert(const domain::Proposal& p) {
  return guarded("保存建议提案失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = p.site_id, dep = p.main_department_id, id = 0;
    int year = p.year;
    std::string kind = domain::to_code(p.kind), assigned = p.assigned_on.iso(), due = p.due_on.iso(), now = now_utc_iso();
    lease.sql() << "INSERT INTO proposals (site_id, kind, session, meeting, year, number, title, lead, co_signers, "
                   "main_department_id, main_department, co_departments, assigned_on, due_on, created_at, updated_at) "
                   "VALUES (:site, :kind, :session, :meeting, :year, :number, :title, :lead, :co, :dep, :depname, "
                   ":codeps, :assigned, :due, :now, :now2) RETURNING id",
        soci::use(site, "site"), soci::use(kind, "kind"), soci::use(p.session, "session"), soci::use(p.meeting, "meeting"),
        soci::use(year, "year"), soci::use(p.number, "number"), soci::use(p.title, "title"), soci::use(p.lead, "lead"),
        soci::use(p.co_signers, "co"), soci::use(dep, "dep"), soci::use(p.main_department, "depname"),
        soci::use(p.co_departments, "codeps"), soci::use(assigned, "assigned"), soci::use(due, "due"),
        soci::use(now, "now"), soci::use(now, "now2"), soci::into(id);
    tx.commit();
    db_.notify_changed({domain::tag_proposals(p.site_id)});
    return static_cast<std::int64_t>(id);
  });
}

std::optional<domain::Proposal> ProposalRepository::find(std::int64_t id, bool lock) {
  return guarded("读取建议提案失败", [&]() -> std::optional<domain::Proposal> {
    Lease lease(db_);
    Binds b;
    auto v = load(lease, "WHERE id = " + b.add(static_cast<long long>(id)) + (lock && !lease.sqlite() ? " FOR UPDATE" : ""), b);
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
  });
}

void ProposalRepository::save_outcome(const domain::Proposal& p) {
  guarded("保存建议提案答复失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long id = p.id;
    NullableText answered(p.answered_on);
    std::string klass = p.result_class ? domain::to_code(*p.result_class) : std::string();
    std::string sat = p.satisfaction ? domain::to_code(*p.satisfaction) : std::string();
    std::string pub = domain::to_code(p.publication);
    std::string ground = p.withheld_ground ? domain::to_code(*p.withheld_ground) : std::string();
    std::string now = now_utc_iso();
    lease.sql() << "UPDATE proposals SET answer = :answer, answered_on = :on, result_class = :klass, satisfaction = :sat, "
                   "publication = :pub, summary = :summary, withheld_ground = :ground, withheld_reason = :reason, "
                   "updated_at = :now WHERE id = :id",
        soci::use(p.answer, "answer"), soci::use(answered.value, answered.ind, "on"), soci::use(klass, "klass"),
        soci::use(sat, "sat"), soci::use(pub, "pub"), soci::use(p.summary, "summary"), soci::use(ground, "ground"),
        soci::use(p.withheld_reason, "reason"), soci::use(now, "now"), soci::use(id, "id");
    tx.commit();
    db_.notify_changed({domain::tag_proposals(p.site_id)});
  });
}

ProposalPage ProposalRepository::list(const ProposalQuery& q) {
  return guarded("读取建议提案失败", [&] {
    ProposalPage page;
    page.page = q.page < 1 ? 1 : q.page;
    page.per_page = q.per_page;
    Lease lease(db_);
    {
      Binds b;
      long long total = 0;
      const std::string w = where_of(q, b);  // before apply(): it names the binds
      soci::statement st(lease.sql());
      st.exchange(soci::into(total));
      b.apply(st);
      prepare_and_execute(st, "SELECT count(*) FROM proposals " + w);
      st.fetch();
      page.total = total;
    }
    Binds b;
    const std::string w = where_of(q, b);
    page.items = load(lease, w + " ORDER BY assigned_on DESC, kind, CAST(number AS INTEGER), id LIMIT " +
                                 std::to_string(page.per_page) + " OFFSET " +
                                 std::to_string((page.page - 1) * page.per_page),
                      b);
    return page;
  });
}

std::vector<domain::Proposal> ProposalRepository::of_year(std::int64_t site_id, int year) {
  return guarded("读取建议提案失败", [&] {
    Lease lease(db_);
    Binds b;
    std::string w = "WHERE site_id = " + b.add(static_cast<long long>(site_id));
    if (year) w += " AND year = " + b.add(static_cast<long long>(year));
    return load(lease, w + " ORDER BY id", b);
  });
}

std::vector<int> ProposalRepository::years(std::int64_t site_id) {
  return guarded("读取建议提案失败", [&] {
    Lease lease(db_);
    std::vector<int> out;
    long long site = site_id;
    int y = 0;
    soci::statement st = (lease.sql().prepare << "SELECT DISTINCT year FROM proposals WHERE site_id = :site ORDER BY year DESC",
                          soci::use(site, "site"), soci::into(y));
    st.execute();
    while (st.fetch()) out.push_back(y);
    return out;
  });
}

}  // namespace zwgk::store
