// 责任单位 → 部门: each rule of unit_matcher.hpp on a small list modelled on the demo city
// (src/app/demo.cpp, site shaoyang), the refusals to guess, and the whole seed against the demo's
// own department list — printed for the office's eyes, counted by hand.
#include "modules/gzyd/domain/unit_matcher.hpp"

#include <gtest/gtest.h>

#include <iostream>
#include <map>

#include "modules/gzyd/domain/work_plan_parser.hpp"
#include "support/shared_data.hpp"

namespace zwgk::domain {
namespace {

using How = UnitMatch::How;

UnitCandidate unit(std::int64_t id, std::string name, std::string short_name, std::vector<std::string> aliases = {}) {
  return UnitCandidate{id, std::move(name), std::move(short_name), std::move(aliases), false};
}

UnitCandidate county(std::int64_t id, std::string name, std::string short_name) {
  return UnitCandidate{id, std::move(name), std::move(short_name), {}, true};
}

const std::vector<UnitCandidate>& small_city() {
  static const std::vector<UnitCandidate> list = {
      unit(1, "邵阳市人民政府办公室", "市政府办"),
      unit(2, "邵阳市发展和改革委员会", "市发改委"),
      unit(3, "邵阳市财政局", "市财政局"),
      unit(4, "邵阳市生态环境局", "市生态环境局", {"市环保局"}),  // 2018 机构改革: the office's alias
      unit(5, "邵阳市统计局", ""),                                 // no short name on file
      unit(6, "邵阳市人民政府新闻办公室", ""),
      county(101, "新邵县人民政府", "新邵县政府"),
      county(102, "邵东市人民政府", "邵东市政府"),
  };
  return list;
}

TEST(UnitMatchRules, ExactShortNameAndAlias) {
  auto m = match_unit("邵阳市财政局", small_city());
  EXPECT_EQ(m.how, How::Exact);
  EXPECT_EQ(m.ids, std::vector<std::int64_t>{3});
  m = match_unit("市发改委", small_city());
  EXPECT_EQ(m.how, How::ShortName);
  EXPECT_EQ(m.ids, std::vector<std::int64_t>{2});
  m = match_unit("市环保局", small_city());
  EXPECT_EQ(m.how, How::Alias);
  EXPECT_EQ(m.ids, std::vector<std::int64_t>{4});
  m = match_unit("  市政府办　", small_city());
  EXPECT_EQ(m.mention, "市政府办") << "trimmed";
  EXPECT_EQ(m.how, How::ShortName) << "the short name wins over the derived 邵阳市人民政府办公室 (same unit anyway)";
  EXPECT_EQ(m.ids, std::vector<std::int64_t>{1});
  EXPECT_TRUE(m.note.empty());
}

TEST(UnitMatchRules, DerivedByThePlaceStemAndTheFullFormsOfZhengfuAndBan) {
  auto m = match_unit("市统计局", small_city());
  EXPECT_EQ(m.how, How::Derived);
  EXPECT_EQ(m.ids, std::vector<std::int64_t>{5});
  EXPECT_EQ(m.note, "由“市统计局”推定为“邵阳市统计局”，请核对");
  m = match_unit("市政府新闻办", small_city());
  EXPECT_EQ(m.how, How::Derived) << "政府 → 人民政府, 办 → 办公室";
  EXPECT_EQ(m.ids, std::vector<std::int64_t>{6});
  m = match_unit("市政府办公室", small_city());
  EXPECT_EQ(m.how, How::Derived);
  EXPECT_EQ(m.ids, std::vector<std::int64_t>{1});
  m = match_unit("邵阳市政府办", small_city());
  EXPECT_EQ(m.how, How::Derived) << "a full name written short";
  EXPECT_EQ(m.ids, std::vector<std::int64_t>{1});
  m = match_unit("统计局", small_city());
  EXPECT_EQ(m.how, How::Unmatched) << "no 市: nothing to expand, no guess";
  EXPECT_TRUE(m.ids.empty());
}

TEST(UnitMatchRules, TwoCandidatesAreNeverChosenBetween) {
  auto list = small_city();
  list.push_back(unit(7, "邵东市统计局", ""));
  list.push_back(unit(8, "邵东市财政局", "市财政局"));  // the demo's 邵东 site has this short name too
  auto m = match_unit("市统计局", list);
  EXPECT_EQ(m.how, How::Unmatched);
  EXPECT_TRUE(m.ids.empty());
  EXPECT_EQ(m.note, "可能是：邵阳市统计局、邵东市统计局，请手工对应");
  m = match_unit("市财政局", list);
  EXPECT_EQ(m.how, How::Unmatched);
  EXPECT_EQ(m.note, "可能是：邵阳市财政局、邵东市财政局，请手工对应");
  EXPECT_EQ(match_unit("邵阳市财政局", list).how, How::Exact) << "the full name still decides";
}

TEST(UnitMatchRules, CountyGovernmentsAreAGroup) {
  for (const char* mention : {"各县市区政府", "各县市区人民政府", "各县（市、区）人民政府", "各县(市、区)政府"}) {
    const auto m = match_unit(mention, small_city());
    EXPECT_EQ(m.how, How::Group) << mention;
    EXPECT_EQ(m.ids, (std::vector<std::int64_t>{101, 102})) << mention;
    EXPECT_EQ(m.note, "各县市区政府，共2个：新邵县人民政府、邵东市人民政府");
  }
  EXPECT_FALSE(is_county_governments_mention("各县市区政府办公室"));
  EXPECT_FALSE(is_county_governments_mention("各县市区"));
  const auto none = match_unit("各县市区政府", {unit(3, "邵阳市财政局", "市财政局")});
  EXPECT_EQ(none.how, How::Unmatched);
  EXPECT_EQ(none.note, "部门中没有标为县市区政府的单位，请在部门资料中标明");
}

TEST(UnitMatchRules, UnmatchedSaysWhatToDo) {
  for (const char* mention : {"市房产局", "人民银行邵阳市中心支行", "邵阳银监分局"}) {
    const auto m = match_unit(mention, small_city());
    EXPECT_EQ(m.how, How::Unmatched) << mention;
    EXPECT_TRUE(m.ids.empty());
    EXPECT_EQ(m.note, "未找到对应的部门，请在部门别名中手工对应");
  }
  EXPECT_EQ(match_unit("", small_city()).note, "单位名称为空");
  EXPECT_EQ(to_label(How::Unmatched), "未对应");
  EXPECT_EQ(to_label(How::Derived), "推定");
}

TEST(UnitMatchRules, OneAnswerPerMentionInOrder) {
  const auto out = match_units({"市财政局", "市房产局", "市财政局"}, small_city());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].mention, "市财政局");
  EXPECT_EQ(out[1].how, How::Unmatched);
  EXPECT_EQ(out[2].ids, std::vector<std::int64_t>{3});
}

// ------------------------------------------------------------------ the seed against the demo city

// The 邵阳市 site's departments in src/app/demo.cpp (site_defs, in that order; ids by position),
// plus the demo's two county sites as the county governments.
std::vector<UnitCandidate> demo_city() {
  return {
      unit(1, "邵阳市人民政府办公室", "市政府办"),           unit(2, "邵阳市发展和改革委员会", "市发改委"),
      unit(3, "邵阳市财政局", "市财政局"),                   unit(4, "邵阳市教育局", "市教育局"),
      unit(5, "邵阳市生态环境局", "市生态环境局"),           unit(6, "邵阳市人力资源和社会保障局", "市人社局"),
      unit(7, "邵阳市住房和城乡建设局", "市住建局"),         unit(8, "邵阳市卫生健康委员会", "市卫健委"),
      unit(9, "邵阳市市场监督管理局", "市市场监管局"),       unit(10, "邵阳市应急管理局", "市应急管理局"),
      unit(11, "邵阳市统计局", "市统计局"),                  unit(12, "邵阳市自然资源和规划局", "市自然资源和规划局"),
      unit(13, "邵阳市民政局", "市民政局"),                  unit(14, "邵阳市公安局", "市公安局"),
      county(101, "新邵县人民政府", "新邵县政府"),           county(102, "邵东市人民政府", "邵东市政府"),
  };
}

std::map<How, std::vector<std::string>> by_how(const std::vector<UnitMatch>& matches) {
  std::map<How, std::vector<std::string>> out;
  for (const auto& m : matches) out[m.how].push_back(m.mention);
  return out;
}

void print(const char* heading, const std::map<How, std::vector<std::string>>& ways) {
  std::cout << heading << "\n";
  for (const auto& [how, mentions] : ways) {
    std::cout << "  " << to_label(how) << " " << mentions.size() << ":";
    for (const auto& m : mentions) std::cout << " " << m;
    std::cout << "\n";
  }
}

const char* const kSeed = "data/demo/shaoyang-2017-zwgk-gongzuo-yaodian.txt";

// The demo's list has today's names (after the 2018 机构改革); the seed has 2017's. What matches
// is the eight units whose names did not change and the county governments; the office maps the
// other 30 (39 − 9).
TEST(UnitMatchSeed, TheSeedsUnitsAgainstTheDemoCity) {
  const auto text = test::read_shared_file(kSeed);
  ASSERT_TRUE(text) << "the seed is read from " << test::shared_path(kSeed) << " (set ZWGK_SHARED_DIR to ../shared)";
  const auto mentions = distinct_unit_mentions(parse_work_plan(*text));
  ASSERT_EQ(mentions.size(), 39u);
  const auto ways = by_how(match_units(mentions, demo_city()));
  print("工作要点 2017 的 39 个责任单位对应演示城市的部门：", ways);
  EXPECT_EQ(ways.count(How::Exact), 0u);
  EXPECT_EQ(ways.count(How::Alias), 0u);
  EXPECT_EQ(ways.count(How::Derived), 0u) << "every 市X局 of the demo has its short name on file";
  EXPECT_EQ(ways.at(How::ShortName),
            (std::vector<std::string>{"市发改委", "市财政局", "市人社局", "市住建局", "市统计局", "市民政局", "市教育局", "市政府办"}));
  EXPECT_EQ(ways.at(How::Group), std::vector<std::string>{"各县市区政府"});
  EXPECT_EQ(ways.at(How::Unmatched),
            (std::vector<std::string>{"市政府新闻办", "市经信委", "市商务局", "市审计局", "市国土资源局", "市地税局", "市国税局",
                                      "市公共资源交易中心", "市编办", "市工商局", "市质监局", "市政务服务中心", "市电子政务管理办",
                                      "市国资委", "市农委", "市粮食局", "市旅游外事港澳侨务局", "市文体广新局", "市卫计委",
                                      "市食品药品监管局", "市扶贫办", "市监察局", "市环保局", "市水利局", "市网信办",
                                      "人民银行邵阳市中心支行", "邵阳银监分局", "市房产局", "市住房公积金管理中心", "市安监局"}));
}

// What the office does next: the 2018 机构改革 successors as aliases (市环保局 → 生态环境局,
// 市卫计委 → 卫健委, 工商/质监/食药监 → 市场监管局, 市安监局 → 应急管理局, 市国土资源局 → 自然资源和规划局).
TEST(UnitMatchSeed, TheOfficesAliasesForTheReformedDepartments) {
  const auto text = test::read_shared_file(kSeed);
  ASSERT_TRUE(text) << "the seed is read from " << test::shared_path(kSeed);
  auto city = demo_city();
  city[4].aliases = {"市环保局"};
  city[7].aliases = {"市卫计委"};
  city[8].aliases = {"市工商局", "市质监局", "市食品药品监管局"};
  city[9].aliases = {"市安监局"};
  city[11].aliases = {"市国土资源局"};
  const auto ways = by_how(match_units(distinct_unit_mentions(parse_work_plan(*text)), city));
  print("加上机构改革后的别名：", ways);
  EXPECT_EQ(ways.at(How::Alias), (std::vector<std::string>{"市国土资源局", "市工商局", "市质监局", "市卫计委", "市食品药品监管局",
                                                            "市环保局", "市安监局"}));
  EXPECT_EQ(ways.at(How::ShortName).size(), 8u);
  EXPECT_EQ(ways.at(How::Unmatched).size(), 23u);
}

}  // namespace
}  // namespace zwgk::domain
