#include "store/department_repository.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "domain/errors.hpp"
#include "store_fixture.hpp"

namespace zwgk::store::test {
namespace {

using DepartmentRepositoryTest = StoreTest;

TEST_F(DepartmentRepositoryTest, SaveAndLoad) {
  DepartmentRepository repo(*db);
  auto loaded = repo.by_id(department.id);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->site_id, site.id);
  EXPECT_EQ(loaded->name, "邵阳市人民政府办公室");
  EXPECT_EQ(loaded->short_name, "市政府办");
  EXPECT_EQ(loaded->credit_code, org_code);
  EXPECT_EQ(repo.by_name(site.id, "邵阳市人民政府办公室")->id, department.id);
  EXPECT_FALSE(repo.by_name(site.id, "不存在的部门"));

  loaded->credit_code = "";
  loaded->short_name = "政府办";
  repo.save(*loaded);
  EXPECT_TRUE(tagged(domain::tag_site_lists(site.id)));
  EXPECT_TRUE(tagged(domain::tag_site(site.id))) << "document pages show the department's name";
  EXPECT_EQ(repo.by_id(department.id)->short_name, "政府办");
  EXPECT_EQ(repo.by_id(department.id)->credit_code, "");
}

TEST_F(DepartmentRepositoryTest, BySiteIsOrderedByName) {
  DepartmentRepository repo(*db);
  domain::Department b, a;
  b.site_id = a.site_id = site.id;
  b.name = "b 局";
  a.name = "a 局";
  repo.save(b);
  repo.save(a);
  const auto all = repo.by_site(site.id);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "a 局");
  EXPECT_EQ(all[1].name, "b 局");
}

TEST_F(DepartmentRepositoryTest, NameIsUniquePerSite) {
  DepartmentRepository repo(*db);
  domain::Department d;
  d.site_id = site.id;
  d.name = department.name;
  EXPECT_THROW(repo.save(d), domain::Invalid) << "a duplicate is the user's mistake: 400, not 500";

  domain::Site other;
  other.code = "other";
  other = SiteRepository(*db).save(other);
  d.site_id = other.id;
  EXPECT_GT(repo.save(d).id, 0);  // same name, another site
}

TEST_F(DepartmentRepositoryTest, FindOrCreate) {
  DepartmentRepository repo(*db);
  EXPECT_EQ(repo.find_or_create(site.id, department.name).id, department.id);
  const auto created = repo.find_or_create(site.id, "邵阳市财政局");
  EXPECT_GT(created.id, 0);
  EXPECT_EQ(created.site_id, site.id);
  EXPECT_EQ(repo.find_or_create(site.id, "邵阳市财政局").id, created.id);
}

TEST_F(DepartmentRepositoryTest, FindOrCreateRacesToOneRow) {
  DepartmentRepository repo(*db);
  std::vector<std::int64_t> ids(6);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < ids.size(); ++i)
    threads.emplace_back([&, i] { ids[i] = repo.find_or_create(site.id, "邵阳市教育局").id; });
  for (auto& t : threads) t.join();
  for (auto id : ids) EXPECT_EQ(id, ids[0]);
  EXPECT_EQ(repo.by_site(site.id).size(), 2u);
}

TEST_F(DepartmentRepositoryTest, UpdatingAMissingDepartmentIsNotFound) {
  domain::Department d;
  d.id = 777;
  d.site_id = site.id;
  d.name = "幽灵";
  EXPECT_THROW(DepartmentRepository(*db).save(d), NotFound);
}

}  // namespace
}  // namespace zwgk::store::test
