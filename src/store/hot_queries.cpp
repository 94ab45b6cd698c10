// HotQueryRepository (hot_queries.hpp): 本周热门搜索 rows, read and managed.
#include "store/hot_queries.hpp"

#include <algorithm>
#include <chrono>

#include "domain/cache_tags.hpp"
#include "domain/errors.hpp"
#include "domain/hot_query_rules.hpp"
#include "domain/permissions.hpp"
#include "store/audit_rows.hpp"
#include "store/database_impl.hpp"
#include "store/hot_query_tally.hpp"
#include "domain/errors.hpp"

namespace zwgk::store {

namespace {

std::string since_of(const domain::Date& today) {
  return domain::Date::from_sys_days(today.days() - std::chrono::days{kHotQueryDays - 1}).iso();
}

std::vector<std::string> strings(Lease& lease, const std::string& sql, long long site) {
  std::vector<std::string> out;
  std::string v;
  soci::statement st = (lease.sql().prepare << sql, soci::use(site, "site"), soci::into(v));
  st.execute();
  while (st.fetch()) out.push_back(v);
  return out;
}

struct Rules {
  std::vector<std::string> pinned, hidden;
};

Rules rules_of(Lease& lease, std::int64_t site_id) {
  Rules r;
  r.pinned = strings(lease, "SELECT query FROM hot_query_rules WHERE site_id = :site AND rule = 'pin' "
                            "ORDER BY position, query", site_id);
  // The cross-site list honours every site's hides.
  r.hidden = strings(lease, site_id == 0 ? "SELECT DISTINCT query FROM hot_query_rules WHERE rule = 'hide' AND "
                                           "site_id >= :site ORDER BY query"
                                         : "SELECT query FROM hot_query_rules WHERE site_id = :site AND rule = 'hide' "
                                           "ORDER BY query",
                     site_id);
  return r;
}

std::vector<std::string> sensitive_words_of(Lease& lease, std::int64_t site_id) {
  return strings(lease, site_id == 0 ? "SELECT DISTINCT word FROM site_sensitive_words WHERE site_id >= :site"
                                     : "SELECT word FROM site_sensitive_words WHERE site_id = :site",
                 site_id);
}

std::optional<bool> enabled_setting(Lease& lease, std::int64_t site_id) {
  long long site = site_id;
  int enabled = 0;
  soci::indicator ind = soci::i_null;
  lease.sql() << "SELECT enabled FROM hot_query_settings WHERE site_id = :site", soci::use(site, "site"),
      soci::into(enabled, ind);
  if (!lease.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return enabled != 0;
}

// The most asked texts of the window, at least min_visitors visitors each.
std::vector<HotQuery> counted(Lease& lease, std::int64_t site_id, int min_visitors, int limit,
                              const domain::Date& today) {
  long long site = site_id, site2 = site_id, visitors = 0, searches = 0;
  int min = std::max(1, min_visitors), lim = limit;
  std::string since = since_of(today), since2 = since, query;
  soci::indicator ind = soci::i_ok;
  soci::statement st =
      (lease.sql().prepare << "SELECT v.query, count(DISTINCT v.visitor), "
                              "(SELECT sum(q.count) FROM search_queries q WHERE q.site_id = :site2 AND q.day >= :since2 "
                              "AND q.query = v.query) "
                              "FROM search_query_visitors v WHERE v.site_id = :site AND v.day >= :since "
                              "GROUP BY v.query HAVING count(DISTINCT v.visitor) >= :min "
                              "ORDER BY 2 DESC, 3 DESC, 1 LIMIT :lim",
       soci::use(site2, "site2"), soci::use(since2, "since2"), soci::use(site, "site"), soci::use(since, "since"),
       soci::use(min, "min"), soci::use(lim, "lim"),
       soci::into(query), soci::into(visitors), soci::into(searches, ind));
  st.execute();
  std::vector<HotQuery> out;
  while (st.fetch()) out.push_back({query, ind == soci::i_ok ? searches : 0, visitors, false});
  return out;
}

std::vector<HotQuery> shown_list(Lease& lease, std::int64_t site_id, int limit, const HotQueryPolicy& policy,
                                 const domain::Date& today) {
  const auto enabled = enabled_setting(lease, site_id).value_or(policy.enabled_by_default);
  if (!enabled) return {};
  const auto rules = rules_of(lease, site_id);
  const auto words = sensitive_words_of(lease, site_id);
  auto listed = [](const std::vector<std::string>& v, const std::string& q) {
    return std::find(v.begin(), v.end(), q) != v.end();
  };
  std::vector<HotQuery> out;
  for (const auto& p : rules.pinned) {
    if (static_cast<int>(out.size()) >= limit) break;
    if (listed(rules.hidden, p) || domain::hot_query_problem(p, words, today)) continue;
    out.push_back({p, 0, 0, true});
  }
  // Over-fetched: some candidates are pinned, hidden or carry a sensitive word.
  for (auto& h : counted(lease, site_id, policy.min_visitors, limit * 4 + 20, today)) {
    if (static_cast<int>(out.size()) >= limit) break;
    if (listed(rules.hidden, h.query) || listed(rules.pinned, h.query)) continue;
    if (domain::hot_query_problem(h.query, words, today)) continue;
    out.push_back(std::move(h));
  }
  return out;
}

void require_permission(const domain::Account& who, std::int64_t site_id) {
  if (auto r = domain::permission_refusal(who, domain::Action::ManageHotQueries, domain::Target{site_id, std::nullopt}))
    throw domain::Forbidden(*r);
}

}  // namespace

void HotQueryRepository::record(const std::vector<HotQueryTally>& batch, const domain::Date& today) {
  guarded("记录热门搜索失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    std::string day = today.iso(), since = since_of(today);
    for (const auto& t : batch) {
      long long site = t.site_id, n = t.searches;
      std::string q = t.query;
      if (n > 0)
        lease.sql() << "INSERT INTO search_queries (site_id, day, query, count) VALUES (:site, :day, :q, :n) "
                       "ON CONFLICT (site_id, day, query) DO UPDATE SET count = search_queries.count + excluded.count",
            soci::use(site, "site"), soci::use(day, "day"), soci::use(q, "q"), soci::use(n, "n");
      for (const auto& visitor : t.visitors) {
        std::string v = visitor;
        lease.sql() << "INSERT INTO search_query_visitors (site_id, day, query, visitor) VALUES (:site, :day, :q, :v) "
                       "ON CONFLICT (site_id, day, query, visitor) DO NOTHING",
            soci::use(site, "site"), soci::use(day, "day"), soci::use(q, "q"), soci::use(v, "v");
      }
    }
    lease.sql() << "DELETE FROM search_queries WHERE day < :since", soci::use(since, "since");
    lease.sql() << "DELETE FROM search_query_visitors WHERE day < :since", soci::use(since, "since");
    tx.commit();
  });
}

std::vector<HotQuery> HotQueryRepository::public_list(std::int64_t site_id, int limit, const HotQueryPolicy& policy,
                                                      const domain::Date& today) {
  return guarded("读取热门搜索失败", [&] {
    Lease lease(db_);
    return shown_list(lease, site_id, std::clamp(limit, 1, 50), policy, today);
  });
}

HotQueryOverview HotQueryRepository::overview(std::int64_t site_id, const HotQueryPolicy& policy,
                                              const domain::Date& today) {
  return guarded("读取热门搜索失败", [&] {
    Lease lease(db_);
    HotQueryOverview o;
    const auto setting = enabled_setting(lease, site_id);
    o.enabled = setting.value_or(policy.enabled_by_default);
    o.enabled_is_default = !setting;
    const auto rules = rules_of(lease, site_id);
    o.pinned = rules.pinned;
    o.hidden = rules.hidden;
    o.counted = counted(lease, site_id, 1, 50, today);
    o.shown = shown_list(lease, site_id, 10, policy, today);
    return o;
  });
}

std::vector<std::string> HotQueryRepository::stored_texts(std::int64_t site_id) {
  return guarded("读取热门搜索失败", [&] {
    Lease lease(db_);
    auto a = strings(lease, "SELECT DISTINCT query FROM search_queries WHERE site_id = :site", site_id);
    auto b = strings(lease, "SELECT DISTINCT query FROM search_query_visitors WHERE site_id = :site", site_id);
    a.insert(a.end(), b.begin(), b.end());
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
    return a;
  });
}

void HotQueryRepository::set_enabled(const domain::Account& who, std::int64_t site_id, bool enabled,
                                     const Actor& actor) {
  require_permission(who, site_id);
  guarded("保存热门搜索设置失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    const auto before = enabled_setting(lease, site_id);
    long long site = site_id;
    int on = enabled ? 1 : 0;
    lease.sql() << "INSERT INTO hot_query_settings (site_id, enabled) VALUES (:site, :on) "
                   "ON CONFLICT (site_id) DO UPDATE SET enabled = excluded.enabled",
        soci::use(site, "site"), soci::use(on, "on");
    nlohmann::json changes = {{"enabled", {{"from", before ? nlohmann::json(*before) : nlohmann::json(nullptr)},
                                           {"to", enabled}}}};
    append_audit(lease, AuditEntryInput{actor, "kernel.hot_queries_enabled", "site", std::to_string(site_id), changes, site_id});
    tx.commit();
  });
  db_.notify_changed({domain::tag_site_search(site_id), domain::tag_site_search(0)});
}

void HotQueryRepository::set_rule(const domain::Account& who, std::int64_t site_id, const std::string& text,
                                  HotQueryRule rule, const Actor& actor, const domain::Date& today) {
  require_permission(who, site_id);
  if (domain::hot_query_personal_data(text, today))
    throw domain::ValidationError({"检索词含有个人信息（身份证号码、手机号码、银行卡号、电子邮箱或过长的数字），不能置顶或隐藏"});
  const auto query = countable_hot_query(text, today);
  if (!query) throw domain::ValidationError({"检索词无效：不能为空，不超过30个字，且至少要有一个汉字、字母或数字"});
  guarded("保存热门搜索设置失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = site_id;
    std::string q = *query, before = "none";
    soci::indicator ind = soci::i_null;
    lease.sql() << "SELECT rule FROM hot_query_rules WHERE site_id = :site AND query = :q", soci::use(site, "site"),
        soci::use(q, "q"), soci::into(before, ind);
    if (!lease.sql().got_data() || ind != soci::i_ok) before = "none";
    lease.sql() << "DELETE FROM hot_query_rules WHERE site_id = :site AND query = :q", soci::use(site, "site"),
        soci::use(q, "q");
    std::string after = rule == HotQueryRule::Pin ? "pin" : rule == HotQueryRule::Hide ? "hide" : "none";
    if (rule != HotQueryRule::None) {
      long long position = 0;
      soci::indicator pi = soci::i_null;
      lease.sql() << "SELECT max(position) FROM hot_query_rules WHERE site_id = :site", soci::use(site, "site"),
          soci::into(position, pi);
      position = pi == soci::i_ok ? position + 1 : 0;
      lease.sql() << "INSERT INTO hot_query_rules (site_id, query, rule, position) VALUES (:site, :q, :r, :p)",
          soci::use(site, "site"), soci::use(q, "q"), soci::use(after, "r"), soci::use(position, "p");
    }
    append_audit(lease, AuditEntryInput{actor, "kernel.hot_query_rule", "site", std::to_string(site_id),
                                        {{"query", q}, {"rule", {{"from", before}, {"to", after}}}}, site_id});
    tx.commit();
  });
  db_.notify_changed({domain::tag_site_search(site_id), domain::tag_site_search(0)});
}

}  // namespace zwgk::store
