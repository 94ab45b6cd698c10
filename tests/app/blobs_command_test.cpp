// zwgk blobs sweep, run as the real binary against both backends: removes an unreferenced
// blob older than the threshold, keeps a referenced one and a young one, says so in Chinese.
#include <gtest/gtest.h>

#include "app/run_binary.hpp"
#include "store/blob_store.hpp"
#include "store/catalogue_repository.hpp"
#include "store/document_repository.hpp"
#include "store/site_repository.hpp"
#include "support/test_database.hpp"

using zwgk::test::run_zwgk;
using zwgk::test::test_database_url;
using namespace zwgk;

namespace {

TEST(BlobsCommand, SweepRemovesOldOrphansOnly) {
  const auto url = test_database_url();
  auto db = store::Database::open(url);
  db->migrate();
  domain::Site s;
  s.code = "shaoyang";
  s.name = "邵阳市人民政府";
  s = store::SiteRepository(*db).save(s);
  store::CatalogueRepository(*db).ensure_default(s.id);
  store::BlobStore blobs(*db);
  const auto orphan = blobs.put("%PDF-1.4 orphan", "application/pdf");
  const auto young = blobs.put("%PDF-1.4 young orphan", "application/pdf");
  domain::Document d;
  d.site_id = s.id;
  d.title = "有附件的文件";
  d.legacy = true;
  domain::Attachment a;
  a.file_name = "附件.pdf";
  a.media_type = "application/pdf";
  a.sha256 = blobs.put("%PDF-1.4 referenced", "application/pdf");
  d.attachments = {a};
  store::DocumentRepository(*db).save(d);
  // Stored long ago (the clock, injected through the row).
  db->execute("UPDATE blobs SET created_at = '2020-01-01T00:00:00Z' WHERE sha256 <> '" + young + "'");

  auto r = run_zwgk({"blobs", "sweep", "--database", url});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("已清理 1 个无引用的附件内容"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("保留 1 个存入不足 24 小时的无引用内容"), std::string::npos) << r.out;
  EXPECT_FALSE(blobs.get(orphan));
  EXPECT_TRUE(blobs.get(young));
  EXPECT_TRUE(blobs.get(a.sha256));

  r = run_zwgk({"blobs", "sweep", "--database", url});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("没有需要清理的附件内容"), std::string::npos) << r.out;

  const auto bad = run_zwgk({"blobs", "sweep", "--min-age-hours", "0", "--database", url});
  EXPECT_EQ(bad.exit_code, 2) << bad.out << bad.err;
  const auto missing = run_zwgk({"blobs"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("缺少 blobs 的子命令（sweep）"), std::string::npos) << missing.err;
}

}  // namespace
