// The default 公开目录 (domain/README §1, §8; DESIGN "The public site a citizen sees").
// Backbone: Art. 20 items 1-15 and the Art. 21 items for city and county governments,
// under 法定主动公开内容; around it the columns the seed (2017年邵阳市政务公开工作要点) and
// the portal need. Every name appears once, so a lookup by name is unambiguous; where a
// seed column is an Art. 20 item (规划计划, 财政预决算, 重大建设项目, 人事信息, ...) it is that
// item's node. Codes are pinyin initials, stable forever: never rename a code.
#include "domain/catalogue.hpp"

namespace zwgk::domain {

const std::vector<DefaultCatalogueEntry>& default_catalogue() {
  static const std::vector<DefaultCatalogueEntry> entries = {
      // --- news columns shown on the home page --------------------------------------------
      {"ywdt", "要闻动态", "", "本级政府及部门的工作动态和要闻"},
      {"tzgg", "通知公告", "", "面向社会发布的通知、公告、公示"},

      // --- the disclosure portal's fixed pages (Art. 12, Art. 49-50) -----------------------
      {"zfxxgkzn", "政府信息公开指南", "",
       "政府信息的分类、编排体系、获取方式，政府信息公开工作机构的名称、办公地址、办公时间、"
       "联系电话、传真号码、互联网联系方式（《条例》第十二条）"},
      {"zfxxgkzd", "政府信息公开制度", "", "政府信息公开工作的规章制度、工作机制和年度工作要点"},
      {"zfxxgknb", "政府信息公开年报", "",
       "政府信息公开工作年度报告（《条例》第四十九条、第五十条）"},

      // --- policy documents and their interpretations (seed: 同步发布解读) -----------------
      {"zcwj", "政策文件", "",
       "本级政府及其部门制发的政策性文件，与对应的政策解读互相关联"},
      {"zcjd", "政策解读", "",
       "对政策文件的解读，谁起草、谁解读，与政策文件同步发布"},

      // --- statutory proactive disclosure: Art. 20 items 1-15 -----------------------------
      {"fdzdgknr", "法定主动公开内容", "",
       "《中华人民共和国政府信息公开条例》第二十条、第二十一条规定应当主动公开的政府信息"},
      {"fgwj", "行政法规、规章和规范性文件", "fdzdgknr",
       "行政法规、规章和行政规范性文件（第二十条第（一）项）"},
      {"jgzn", "机构职能", "fdzdgknr",
       "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名（第二十条第（二）项）"},
      {"ghjh", "规划计划", "fdzdgknr",
       "国民经济和社会发展规划、专项规划、区域规划及相关政策（第二十条第（三）项）"},
      {"tjxx", "统计信息", "fdzdgknr", "国民经济和社会发展统计信息（第二十条第（四）项）"},
      {"xzxk", "行政许可", "fdzdgknr",
       "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果（第二十条第（五）项）"},
      {"xzcf", "行政处罚和行政强制", "fdzdgknr",
       "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚"
       "决定（第二十条第（六）项）"},
      {"czyjs", "财政预决算", "fdzdgknr",
       "政府及部门财政预算、决算信息，预决算公开统一专栏（第二十条第（七）项）"},
      {"xzsyxsf", "行政事业性收费", "fdzdgknr",
       "行政事业性收费项目及其依据、标准（第二十条第（八）项）"},
      {"zfcg", "政府采购", "fdzdgknr",
       "政府集中采购项目的目录、标准及实施情况（第二十条第（九）项）"},
      {"zdjsxm", "重大建设项目", "fdzdgknr", "重大建设项目的批准和实施情况（第二十条第（十）项）"},
      {"msbz", "民生保障", "fdzdgknr",
       "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况（第二十条第（十一）项）"},
      {"fp", "扶贫", "msbz", "扶贫方面的政策、措施及其实施情况"},
      {"jy", "教育", "msbz", "教育方面的政策、措施及其实施情况"},
      {"wsjk", "卫生健康", "msbz", "医疗卫生、公共卫生方面的政策、措施及其实施情况"},
      {"shbz", "社会保障", "msbz", "社会保障方面的政策、措施及其实施情况"},
      {"cjjy", "促进就业", "msbz", "促进就业方面的政策、措施及其实施情况"},
      {"yjgl", "应急管理", "fdzdgknr",
       "突发公共事件的应急预案、预警信息及应对情况（第二十条第（十二）项）"},
      {"jdjc", "监督检查", "fdzdgknr",
       "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况（第二十条第（十三）项）"},
      {"hjbh", "环境保护", "jdjc", "环境保护信息及监督检查情况"},
      {"aqsc", "安全生产", "jdjc", "安全生产信息及监督检查情况"},
      {"spyp", "食品药品", "jdjc", "食品药品安全信息及监督检查情况"},
      {"cpzl", "产品质量", "jdjc", "产品质量监督检查情况"},
      {"rsxx", "人事信息", "fdzdgknr",
       "公务员招考的职位、名额、报考条件等事项以及录用结果，人事任免（第二十条第（十四）项）"},
      {"qtfdgk", "其他法定公开信息", "fdzdgknr",
       "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息（第二十条第（十五）项）"},

      // --- Art. 21: city and county governments --------------------------------------------
      {"szjs", "市政建设", "fdzdgknr", "市政建设信息（第二十一条）"},
      {"ggfw", "公共服务", "fdzdgknr", "公共服务信息（第二十一条）"},
      {"ggsy", "公益事业", "fdzdgknr", "公益事业信息（第二十一条）"},
      {"tdzs", "土地征收", "fdzdgknr", "土地征收信息（第二十一条）"},
      {"fwzs", "房屋征收", "fdzdgknr", "房屋征收信息（第二十一条）"},
      {"zagl", "治安管理", "fdzdgknr", "治安管理信息（第二十一条）"},
      {"shjz", "社会救助", "fdzdgknr", "社会救助信息（第二十一条）"},

      // --- key areas the seed names that are not an Art. 20 item ----------------------------
      {"zdlyxxgk", "重点领域信息公开", "", "重点领域信息公开专栏"},
      {"ggzypz", "公共资源配置", "zdlyxxgk",
       "保障性住房分配、国有土地使用权和矿业权出让、政府采购、国有产权交易、工程建设项目招标"
       "投标等公共资源配置信息"},
      {"ssjygk", "双随机一公开", "zdlyxxgk",
       "随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开"},
      {"jytabl", "建议提案办理", "",
       "人大代表建议和政协委员提案的办理复文及办理情况"},
  };
  return entries;
}

const DefaultCatalogueEntry* find_default_catalogue_entry(std::string_view code) {
  for (const auto& e : default_catalogue())
    if (e.code == code) return &e;
  return nullptr;
}

const DefaultCatalogueEntry* find_default_catalogue_entry_by_name(std::string_view name) {
  for (const auto& e : default_catalogue())
    if (e.name == name) return &e;
  return nullptr;
}

bool is_valid_catalogue_code(const std::string& code) {
  if (code.empty() || code.size() > 64) return false;
  for (char c : code) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace zwgk::domain
