#include "store/work_counts.hpp"

#include "store/database_impl.hpp"

namespace zwgk::store {

WorkCounts count_work(Database& db, std::int64_t site_id, std::optional<std::int64_t> department_id,
                      const std::string& due_soon_cutoff, const std::string& overdue_cutoff) {
  return guarded("统计待办失败", [&] {
    Lease lease(db);
    WorkCounts c;
    Binds b;
    std::string where = "WHERE state = 'draft' AND site_id = " + b.add(site_id);
    if (department_id) where += " AND department_id = " + b.add(*department_id);
    // created_at is 'YYYY-MM-DDTHH:MM:SSZ': compare its date part lexically.
    const std::string soon_end = due_soon_cutoff + "T99", over_end = overdue_cutoff + "T99";
    const std::string sql = "SELECT count(*), "
                            "coalesce(sum(CASE WHEN created_at <= " + b.add(soon_end) + " AND created_at > " +
                            b.add(over_end) + " THEN 1 ELSE 0 END), 0), "
                            "coalesce(sum(CASE WHEN created_at <= " + b.add(over_end) +
                            " THEN 1 ELSE 0 END), 0) FROM documents " + where;
    soci::statement st(lease.sql());
    long long drafts = 0, soon = 0, over = 0;
    st.exchange(soci::into(drafts));
    st.exchange(soci::into(soon));
    st.exchange(soci::into(over));
    b.apply(st);
    prepare_and_execute(st, sql);
    st.fetch();
    c.drafts = static_cast<int>(drafts);
    c.due_soon = static_cast<int>(soon);
    c.overdue = static_cast<int>(over);
    return c;
  });
}

}  // namespace zwgk::store
