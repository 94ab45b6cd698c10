#include <gtest/gtest.h>

#include <map>
#include <set>

#include "domain/catalogue.hpp"

using namespace zwgk::domain;

TEST(DefaultCatalogue, CodesAreValidAndUnique) {
  std::set<std::string> codes;
  for (const auto& e : default_catalogue()) {
    EXPECT_TRUE(is_valid_catalogue_code(e.code)) << e.code;
    EXPECT_TRUE(codes.insert(e.code).second) << "duplicate code " << e.code;
  }
}

TEST(DefaultCatalogue, NamesAreUnique) {
  std::set<std::string> names;
  for (const auto& e : default_catalogue()) {
    EXPECT_FALSE(e.name.empty());
    EXPECT_TRUE(names.insert(e.name).second) << "duplicate name " << e.name;
  }
}

TEST(DefaultCatalogue, EveryParentExistsAndComesFirst) {
  std::set<std::string> seen;
  for (const auto& e : default_catalogue()) {
    if (!e.parent_code.empty()) {
      EXPECT_TRUE(seen.count(e.parent_code)) << e.code << " -> " << e.parent_code;
    }
    EXPECT_NE(e.parent_code, e.code);
    seen.insert(e.code);
  }
}

TEST(DefaultCatalogue, EveryNodeHasADescription) {
  for (const auto& e : default_catalogue()) EXPECT_FALSE(e.description.empty()) << e.code;
}

TEST(DefaultCatalogue, ContainsTheSpecialColumns) {
  for (const char* name : {"规划计划", "财政预决算", "政策文件", "政策解读", "重大建设项目", "公共资源配置",
                           "双随机一公开", "扶贫", "社会救助", "环境保护", "教育", "卫生健康", "食品药品",
                           "安全生产", "人事信息", "建议提案办理", "政府信息公开年报", "政府信息公开指南",
                           "政府信息公开制度", "要闻动态", "通知公告", "法定主动公开内容"}) {
    EXPECT_TRUE(find_default_catalogue_entry_by_name(name)) << name;
  }
  EXPECT_EQ(find_default_catalogue_entry_by_name("规划计划")->code, "ghjh");
  EXPECT_EQ(find_default_catalogue_entry("ghjh")->name, "规划计划");
  EXPECT_FALSE(find_default_catalogue_entry("no-such-code"));
}

TEST(DefaultCatalogue, StatutoryItemsHangUnderFadingZhudongGongkai) {
  // Art. 20 items and Art. 21 (city/county) items sit inside 法定主动公开内容.
  std::map<std::string, std::string> parent;
  for (const auto& e : default_catalogue()) parent[e.code] = e.parent_code;
  auto under_statutory = [&](std::string code) {
    while (!code.empty()) {
      if (code == "fdzdgknr") return true;
      code = parent[code];
    }
    return false;
  };
  for (const char* name : {"行政法规、规章和规范性文件", "机构职能", "规划计划", "统计信息", "行政许可",
                           "行政处罚和行政强制", "财政预决算", "行政事业性收费", "政府采购", "重大建设项目",
                           "扶贫", "教育", "卫生健康", "社会保障", "促进就业", "应急管理", "环境保护",
                           "安全生产", "食品药品", "产品质量", "人事信息", "市政建设", "公共服务", "公益事业",
                           "土地征收", "房屋征收", "治安管理", "社会救助"}) {
    const auto* e = find_default_catalogue_entry_by_name(name);
    ASSERT_TRUE(e) << name;
    EXPECT_TRUE(under_statutory(e->code)) << name;
  }
}

TEST(CatalogueCode, Validation) {
  EXPECT_TRUE(is_valid_catalogue_code("ghjh"));
  EXPECT_TRUE(is_valid_catalogue_code("zdly_2017-a"));
  EXPECT_FALSE(is_valid_catalogue_code(""));
  EXPECT_FALSE(is_valid_catalogue_code("GHJH"));
  EXPECT_FALSE(is_valid_catalogue_code("gh jh"));
  EXPECT_FALSE(is_valid_catalogue_code("规划"));
  EXPECT_FALSE(is_valid_catalogue_code("a/b"));
  EXPECT_FALSE(is_valid_catalogue_code(std::string(65, 'a')));
}
