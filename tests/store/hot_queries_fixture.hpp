#pragma once
// The hot-query store tests' fixture (tests/store/hot_queries_test.cpp and the sensitive-word
// test of the publishing module, whose settings hold the words).
#include <string>
#include <vector>

#include "store/hot_queries.hpp"
#include "store/hot_query_tally.hpp"
#include "store/store_fixture.hpp"

namespace zwgk::store::test {

class HotQueriesTest : public StoreTest {
 protected:
  const domain::Date today = date("2026-03-02");
  const VisitorKey key = visitor_key("test secret");
  HotQueryPolicy policy{3, true};

  // `visitors` different addresses search `text` `times` times each, then one flush.
  void searches(const std::string& text, int visitors, int times = 1, std::int64_t site_id = -1) {
    HotQueryTallyBuffer tally;
    const auto q = countable_hot_query(text, today);
    if (q)
      for (int v = 0; v < visitors; ++v)
        for (int t = 0; t < times; ++t)
          tally.add(site_id < 0 ? site.id : site_id, *q, visitor_hash(key, "10.0.0." + std::to_string(v + 1)));
    tally.flush(*db, today);
  }
  std::vector<std::string> listed(std::int64_t site_id = -1) {
    std::vector<std::string> out;
    for (const auto& h : HotQueryRepository(*db).public_list(site_id < 0 ? site.id : site_id, 10, policy, today))
      out.push_back(h.query);
    return out;
  }
  static domain::Account account(domain::Role role, std::int64_t site_id) {
    domain::Account a;
    a.id = 42;
    a.username = "office";
    a.role = role;
    a.site_id = site_id;
    return a;
  }
  const Actor actor{42, "office", "10.1.1.1"};
};

}  // namespace zwgk::store::test
