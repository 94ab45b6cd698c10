// zwgk audit verify and zwgk scan, run as the real binary against both backends.
#include <gtest/gtest.h>

#include "app/run_binary.hpp"
#include "store/audit_log.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/site_repository.hpp"
#include "support/test_database.hpp"

using zwgk::test::run_zwgk;
using zwgk::test::test_database_url;
using namespace zwgk;

namespace {

const std::string kId = "43050219900101123X";

TEST(AuditCommand, VerifyReportsTheFirstBrokenLink) {
  const auto url = test_database_url();
  auto db = store::Database::open(url);
  db->migrate();
  auto ok = run_zwgk({"audit", "verify", "--database", url});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("审计日志完整：共 0 条记录"), std::string::npos) << ok.out;
  for (int i = 0; i < 4; ++i) store::AuditLog(*db).append({{1, "admin", "127.0.0.1"}, "login", "account", "1", {}});
  ok = run_zwgk({"audit", "verify", "--database", url});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("共 4 条记录"), std::string::npos) << ok.out;
  if (db->backend() == store::Backend::Sqlite)
    db->execute("DROP TRIGGER audit_log_no_update");
  else
    db->execute("DROP TRIGGER audit_log_no_update ON audit_log");
  db->execute("UPDATE audit_log SET actor_username = 'mallory' WHERE id = 2");
  const auto broken = run_zwgk({"audit", "verify", "--database", url});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.out.find("第一处断链在第 2 条"), std::string::npos) << broken.out;
  const auto usage = run_zwgk({"audit", "--database", url});
  EXPECT_EQ(usage.exit_code, 2) << usage.out << usage.err;
}

TEST(ScanCommand, ReportsPersonalDataInPublishedDocumentsMasked) {
  const auto url = test_database_url();
  auto db = store::Database::open(url);
  db->migrate();
  domain::Site s;
  s.code = "shaoyang";
  s.name = "邵阳市人民政府";
  s = store::SiteRepository(*db).save(s);
  store::CatalogueRepository(*db).ensure_default(s.id);
  domain::Department dep;
  dep.site_id = s.id;
  dep.name = "邵阳市民政局";
  dep = store::DepartmentRepository(*db).save(dep);
  store::DocumentRepository docs(*db);
  auto make = [&](const std::string& title, const std::string& body, bool publish) {
    domain::Document d;
    d.site_id = s.id;
    d.title = title;
    d.legacy = true;
    d.department_id = dep.id;
    d.body_html = body;
    const auto id = docs.save(d);
    if (publish) docs.publish(id);
    return id;
  };
  make("2017年低保名单", "<p>张三 身份证号" + kId + " 电话13812345678</p>", true);
  make("草稿中的名单", "<p>" + kId + "</p>", false);  // not published: not scanned
  make("机构信息", "<p>统一社会信用代码91350100M000100Y43，电话0739-5363114</p>", true);

  const auto r = run_zwgk({"scan", "--database", url, "--site", "shaoyang"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("2017年低保名单"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("430502********123X"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("138****5678"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(kId), std::string::npos) << "never the full ID number: " << r.out;
  EXPECT_EQ(r.out.find("13812345678"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("草稿中的名单"), std::string::npos);
  EXPECT_EQ(r.out.find("机构信息"), std::string::npos) << "no false alarm on credit codes and landlines";
  EXPECT_NE(r.out.find("已检查 2 篇已发布文件：发现 2 处个人信息"), std::string::npos) << r.out;

  const auto unknown = run_zwgk({"scan", "--database", url, "--site", "nowhere"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("未知网站"), std::string::npos);
}

}  // namespace
