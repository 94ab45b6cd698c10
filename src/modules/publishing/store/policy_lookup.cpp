// The 政策解读 editor's search for the policy it explains (WorkflowRepository::find_policies).
#include "modules/publishing/store/workflow_repository.hpp"
#include "modules/publishing/store/workflow_rows.hpp"

namespace zwgk::store {

namespace {

// A LIKE pattern matching `text` anywhere, with % _ and the escape character escaped.
std::string contains_pattern(const std::string& text) {
  std::string p = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '!') p += '!';
    p += ch;
  }
  return p + "%";
}

}  // namespace

std::vector<PolicyHit> WorkflowRepository::find_policies(std::int64_t site_id, const std::string& text, int limit) {
  return guarded("查找文件失败", [&] {
    std::vector<PolicyHit> out;
    if (text.empty() || limit <= 0) return out;
    Lease lease(db_);
    long long site = site_id, id = 0, dep = 0;
    int n = limit;
    std::string pattern = contains_pattern(text), title, number, state, published;
    soci::indicator dep_ind = soci::i_null, pub_ind = soci::i_null;
    soci::statement st =
        (lease.sql().prepare << "SELECT id, title, doc_number, state, department_id, published_on FROM documents "
                                "WHERE site_id = :site AND kind = 'document' AND state <> 'withdrawn' "
                                "AND (title LIKE :p ESCAPE '!' OR doc_number LIKE :p2 ESCAPE '!') "
                                "ORDER BY published_on IS NULL, published_on DESC, id DESC LIMIT :n",
         soci::use(site, "site"), soci::use(pattern, "p"), soci::use(pattern, "p2"), soci::use(n, "n"),
         soci::into(id), soci::into(title), soci::into(number), soci::into(state), soci::into(dep, dep_ind),
         soci::into(published, pub_ind));
    st.execute();
    while (st.fetch()) {
      PolicyHit h;
      h.id = id;
      h.title = title;
      h.doc_number = number;
      h.state = domain::document_state_from(state).value_or(domain::DocumentState::Draft);
      if (dep_ind == soci::i_ok) h.department_id = dep;
      if (pub_ind == soci::i_ok) h.published_on = domain::Date::parse(published);
      out.push_back(std::move(h));
    }
    return out;
  });
}

}  // namespace zwgk::store
