// See standard_fields.hpp. The list and the ministries as 国办发〔2019〕54号 gives them (the 26
// 领域 of the 2017 pilot, 国办发〔2017〕42号, whose 标准指引 the ministries issued in 2019-2020).
#include "modules/bzml/domain/standard_fields.hpp"

namespace zwgk::domain {

const std::vector<StandardField>& standard_fields() {
  static const std::vector<StandardField> fields = {
      {"zhongda-jianshe-xiangmu", "重大建设项目", "国家发展改革委", "zdjsxm"},
      {"gonggong-ziyuan-jiaoyi", "公共资源交易", "国家发展改革委", "ggzypz"},
      {"caizheng-yujuesuan", "财政预决算", "财政部", "czyjs"},
      {"anquan-shengchan", "安全生产", "应急管理部", "aqsc"},
      {"shuishou-guanli", "税收管理", "税务总局", ""},
      {"zhengdi-buchang", "征地补偿", "自然资源部", "tdzs"},
      {"fangwu-zhengshou", "国有土地上房屋征收与补偿", "住房城乡建设部", "fwzs"},
      {"nongcun-weifang-gaizao", "农村危房改造", "住房城乡建设部", ""},
      {"chengshi-zonghe-zhifa", "城市综合执法", "住房城乡建设部", ""},
      {"fupin", "扶贫", "国务院扶贫办", "fp"},
      {"jiuzai", "救灾", "应急管理部", "yjgl"},
      {"shipin-yaopin-jianguan", "食品药品监管", "市场监管总局", "spyp"},
      {"shehui-jiuzhu", "社会救助", "民政部", "shjz"},
      {"yanglao-fuwu", "养老服务", "民政部", ""},
      {"huji-guanli", "户籍管理", "公安部", ""},
      {"shenong-butie", "涉农补贴", "财政部", ""},
      {"jiuye", "就业", "人力资源社会保障部", "cjjy"},
      {"shehui-baoxian", "社会保险", "人力资源社会保障部", "shbz"},
      {"huanjing-baohu", "环境保护", "生态环境部", "hjbh"},
      {"gonggong-wenhua-fuwu", "公共文化服务", "文化和旅游部", "ggfw"},
      {"gonggong-falv-fuwu", "公共法律服务", "司法部", ""},
      {"yiliao-weisheng", "医疗卫生", "国家卫生健康委", "wsjk"},
      {"shizheng-fuwu", "市政服务", "住房城乡建设部", "szjs"},
      {"yiwu-jiaoyu", "义务教育", "教育部", "jy"},
      {"chengxiang-guihua", "城乡规划", "自然资源部", ""},
      {"baozhangxing-zhufang", "保障性住房", "住房城乡建设部", ""},
  };
  return fields;
}

const StandardField* find_standard_field(std::string_view key) {
  std::string_view name = key;
  constexpr std::string_view suffix = "领域";
  if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix)
    name = name.substr(0, name.size() - suffix.size());
  for (const auto& f : standard_fields())
    if (f.code == key || f.name == name) return &f;
  return nullptr;
}

}  // namespace zwgk::domain
