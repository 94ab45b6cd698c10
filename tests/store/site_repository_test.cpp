#include "store/site_repository.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "store_fixture.hpp"

namespace zwgk::store::test {
namespace {

domain::Site full_site(const std::string& code) {
  domain::Site s;
  s.code = code;
  s.name = "新邵县人民政府";
  s.host = "www.xinshao.gov.cn";
  s.path_prefix = "/xinshao";
  s.sponsor = "新邵县人民政府办公室";
  s.phone = "0739-3612345";
  s.site_id_code = "4305220001";
  s.icp_record = "湘ICP备05001234号";
  s.police_record = "湘公网安备 43052202000123号";
  s.theme = "blue";
  s.domain = "www.xinshao.gov.cn";
  s.index_number_format = "{org}-{year}{month}-{serial:4}";
  s.address = "新邵县酿溪镇";
  return s;
}

TEST(SiteRepository, InsertLoadUpdateEveryField) {
  auto db = open_test_database();
  SiteRepository repo(*db);
  std::vector<std::string> tags;
  db->set_change_listener([&](const std::vector<std::string>& t) { tags = t; });

  auto saved = repo.save(full_site("xinshao"));
  ASSERT_GT(saved.id, 0);
  EXPECT_NE(std::find(tags.begin(), tags.end(), domain::tag_site(saved.id)), tags.end());

  auto loaded = repo.by_id(saved.id);
  ASSERT_TRUE(loaded);
  const auto want = full_site("xinshao");
  EXPECT_EQ(loaded->code, want.code);
  EXPECT_EQ(loaded->name, want.name);
  EXPECT_EQ(loaded->host, want.host);
  EXPECT_EQ(loaded->path_prefix, want.path_prefix);
  EXPECT_EQ(loaded->sponsor, want.sponsor);
  EXPECT_EQ(loaded->phone, want.phone);
  EXPECT_EQ(loaded->site_id_code, want.site_id_code);
  EXPECT_EQ(loaded->icp_record, want.icp_record);
  EXPECT_EQ(loaded->police_record, want.police_record);
  EXPECT_EQ(loaded->theme, want.theme);
  EXPECT_EQ(loaded->domain, want.domain);
  EXPECT_EQ(loaded->index_number_format, want.index_number_format);
  EXPECT_EQ(loaded->address, want.address);

  loaded->name = "新邵县人民政府门户网站";
  repo.save(*loaded);
  EXPECT_EQ(repo.by_code("xinshao")->name, "新邵县人民政府门户网站");
  EXPECT_EQ(repo.all().size(), 1u);
  EXPECT_FALSE(repo.by_code("nope"));
  EXPECT_FALSE(repo.by_id(9999));
}

TEST(SiteRepository, AllIsOrderedById) {
  auto db = open_test_database();
  SiteRepository repo(*db);
  domain::Site a, b;
  a.code = "b-site";
  b.code = "a-site";
  const auto first = repo.save(a);
  const auto second = repo.save(b);
  const auto all = repo.all();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, first.id);
  EXPECT_EQ(all[1].id, second.id);
}

TEST(SiteRepository, CodeIsUnique) {
  auto db = open_test_database();
  SiteRepository repo(*db);
  repo.save(full_site("dup"));
  EXPECT_THROW(repo.save(full_site("dup")), StoreError);
}

TEST(SiteRepository, RefusesAnInvalidIndexNumberFormat) {
  auto db = open_test_database();
  SiteRepository repo(*db);
  auto s = full_site("bad");
  s.index_number_format = "{year}-{serial:5}";  // no {org}
  EXPECT_THROW(repo.save(s), domain::ValidationError);
  EXPECT_TRUE(repo.all().empty());
}

TEST(SiteRepository, UpdatingAMissingSiteIsNotFound) {
  auto db = open_test_database();
  auto s = full_site("ghost");
  s.id = 4242;
  EXPECT_THROW(SiteRepository(*db).save(s), NotFound);
}

}  // namespace
}  // namespace zwgk::store::test
