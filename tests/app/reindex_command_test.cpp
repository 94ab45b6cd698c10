// zwgk reindex, run as the real binary against both backends.
#include <gtest/gtest.h>

#include "app/run_binary.hpp"
#include "store/catalogue_repository.hpp"
#include "store/document_repository.hpp"
#include "store/search_index.hpp"
#include "store/site_repository.hpp"
#include "support/test_database.hpp"

using zwgk::test::run_zwgk;
using zwgk::test::test_database_url;
using namespace zwgk;

namespace {

TEST(ReindexCommand, RebuildsTheSearchIndexAndReportsTheCount) {
  const auto url = test_database_url();
  auto db = store::Database::open(url);
  db->migrate();
  domain::Site s;
  s.code = "shaoyang";
  s.name = "邵阳市人民政府";
  s = store::SiteRepository(*db).save(s);
  store::CatalogueRepository(*db).ensure_default(s.id);
  store::DocumentRepository docs(*db);
  for (const char* title : {"关于加强环境保护工作的通知", "邵阳市最低生活保障实施办法"}) {
    domain::Document d;
    d.site_id = s.id;
    d.title = title;
    d.legacy = true;
    d.body_html = "<p>正文</p>";
    docs.publish(docs.save(d));
  }
  // An index emptied behind the application's back comes back with reindex.
  db->execute("DELETE FROM search_entries");
  store::SearchQuery q;
  q.text = "環境保護";
  EXPECT_EQ(store::SearchIndex(*db).search(q).total, 0);

  const auto r = run_zwgk({"reindex", "--database", url});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("检索索引已重建：2 篇文件"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("重建检索索引"), std::string::npos) << r.err;  // the progress line
  EXPECT_EQ(store::SearchIndex(*db).search(q).total, 1);

  const auto quiet = run_zwgk({"reindex", "--no-progress", "--database", url});
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err.find("重建检索索引"), std::string::npos) << quiet.err;
}

}  // namespace
