#include "store/catalogue_repository.hpp"

#include <gtest/gtest.h>

#include <map>

#include "domain/errors.hpp"
#include "store_fixture.hpp"

namespace zwgk::store::test {
namespace {

using CatalogueRepositoryTest = StoreTest;

TEST_F(CatalogueRepositoryTest, EnsureDefaultCreatesTheTreeOnce) {
  CatalogueRepository repo(*db);
  const auto tree = repo.tree(site.id);
  ASSERT_EQ(tree.size(), domain::default_catalogue().size());
  std::map<std::string, domain::CatalogueNode> by_code;
  for (const auto& n : tree) by_code[n.code] = n;
  for (const auto& e : domain::default_catalogue()) {
    ASSERT_TRUE(by_code.count(e.code)) << e.code;
    const auto& n = by_code[e.code];
    EXPECT_EQ(n.name, e.name);
    EXPECT_EQ(n.description, e.description);
    EXPECT_EQ(n.site_id, site.id);
    if (e.parent_code.empty()) {
      EXPECT_FALSE(n.parent_id) << e.code;
    } else {
      EXPECT_EQ(n.parent_id, by_code[e.parent_code].id) << e.code;
    }
  }
  // Parents before children.
  std::set<std::int64_t> seen;
  for (const auto& n : tree) {
    if (n.parent_id) {
      EXPECT_TRUE(seen.count(*n.parent_id)) << n.code;
    }
    seen.insert(n.id);
  }
  // Idempotent; a renamed node keeps its name.
  repo.rename(by_code["ghjh"].id, "规划计划（新）");
  repo.ensure_default(site.id);
  EXPECT_EQ(repo.tree(site.id).size(), tree.size());
  EXPECT_EQ(repo.by_code(site.id, "ghjh")->name, "规划计划（新）");
}

TEST_F(CatalogueRepositoryTest, SiblingsAreOrderedByPosition) {
  CatalogueRepository repo(*db);
  const auto tree = repo.tree(site.id);
  std::map<std::optional<std::int64_t>, std::vector<int>> positions;
  for (const auto& n : tree) positions[n.parent_id].push_back(n.position);
  for (const auto& [parent, list] : positions)
    for (std::size_t i = 0; i < list.size(); ++i) EXPECT_EQ(list[i], static_cast<int>(i));
}

TEST_F(CatalogueRepositoryTest, AddAppendsAndRefusesDuplicateCodes) {
  CatalogueRepository repo(*db);
  const auto parent = *repo.by_code(site.id, "msbz");
  domain::CatalogueNode n;
  n.site_id = site.id;
  n.code = "ylbx";
  n.name = "医疗保险";
  n.parent_id = parent.id;
  n.keywords = "医保";
  n.column_type = "专题";
  const auto added = repo.add(n);
  EXPECT_GT(added.id, 0);
  EXPECT_TRUE(tagged(domain::tag_site(site.id)));
  const auto loaded = repo.by_id(added.id);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->keywords, "医保");
  EXPECT_EQ(loaded->column_type, "专题");
  EXPECT_EQ(loaded->parent_id, parent.id);
  int siblings = 0;
  for (const auto& t : repo.tree(site.id))
    if (t.parent_id == parent.id) ++siblings;
  EXPECT_EQ(loaded->position, siblings - 1);

  n.name = "另一个";
  EXPECT_THROW(repo.add(n), domain::Invalid);
  n.code = "Bad Code";
  EXPECT_THROW(repo.add(n), domain::ValidationError);
  n.code = "orphan";
  n.parent_id = 999999;
  EXPECT_THROW(repo.add(n), domain::Invalid);
}

TEST_F(CatalogueRepositoryTest, RenameKeepsTheCode) {
  CatalogueRepository repo(*db);
  const auto node = *repo.by_code(site.id, "tjxx");
  repo.rename(node.id, "统计数据");
  EXPECT_TRUE(tagged(domain::tag_site(site.id)));
  const auto renamed = *repo.by_id(node.id);
  EXPECT_EQ(renamed.code, "tjxx");
  EXPECT_EQ(renamed.name, "统计数据");
  EXPECT_EQ(repo.by_name(site.id, "统计数据")->id, node.id);
  EXPECT_THROW(repo.rename(999999, "x"), NotFound);
}

TEST_F(CatalogueRepositoryTest, MoveRenumbersSiblingsAndKeepsCodes) {
  CatalogueRepository repo(*db);
  const auto jy = *repo.by_code(site.id, "jy");        // under msbz
  const auto root = *repo.by_code(site.id, "fdzdgknr");
  repo.move(jy.id, root.id, 0);
  EXPECT_TRUE(tagged(domain::tag_site(site.id)));
  const auto moved = *repo.by_id(jy.id);
  EXPECT_EQ(moved.code, "jy");
  EXPECT_EQ(moved.parent_id, root.id);
  EXPECT_EQ(moved.position, 0);
  std::map<std::optional<std::int64_t>, std::vector<int>> positions;
  for (const auto& n : repo.tree(site.id)) positions[n.parent_id].push_back(n.position);
  for (const auto& [parent, list] : positions)
    for (std::size_t i = 0; i < list.size(); ++i) EXPECT_EQ(list[i], static_cast<int>(i)) << "gap or duplicate";

  // To the roots, at the end (a position past the end is clamped).
  repo.move(jy.id, std::nullopt, 1000);
  const auto at_root = *repo.by_id(jy.id);
  EXPECT_FALSE(at_root.parent_id);
  EXPECT_EQ(at_root.position, static_cast<int>(positions[std::nullopt].size()));
}

TEST_F(CatalogueRepositoryTest, MoveUnderItsOwnDescendantIsRefused) {
  CatalogueRepository repo(*db);
  const auto msbz = *repo.by_code(site.id, "msbz");
  const auto jy = *repo.by_code(site.id, "jy");
  EXPECT_THROW(repo.move(msbz.id, jy.id, 0), domain::Invalid);
  EXPECT_THROW(repo.move(msbz.id, msbz.id, 0), domain::Invalid);
  EXPECT_EQ(repo.by_id(msbz.id)->parent_id, repo.by_code(site.id, "fdzdgknr")->id);
}

TEST_F(CatalogueRepositoryTest, TreesArePerSite) {
  domain::Site other;
  other.code = "xinshao";
  other = SiteRepository(*db).save(other);
  CatalogueRepository repo(*db);
  EXPECT_TRUE(repo.tree(other.id).empty());
  repo.ensure_default(other.id);
  EXPECT_EQ(repo.tree(other.id).size(), domain::default_catalogue().size());
  EXPECT_NE(repo.by_code(other.id, "ghjh")->id, repo.by_code(site.id, "ghjh")->id);
}

}  // namespace
}  // namespace zwgk::store::test
