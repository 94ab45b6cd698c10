// See open_data_terms.hpp.
#include "modules/sjkf/domain/open_data_terms.hpp"

namespace zwgk::domain {

std::string to_code(OpenCondition c) { return c == OpenCondition::Unconditional ? "unconditional" : "conditional"; }
std::string to_label(OpenCondition c) { return c == OpenCondition::Unconditional ? "无条件开放" : "有条件开放"; }

std::optional<OpenCondition> open_condition_from(std::string_view s) {
  for (auto c : {OpenCondition::Unconditional, OpenCondition::Conditional})
    if (s == to_code(c) || s == to_label(c)) return c;
  return std::nullopt;
}

const std::vector<std::string>& update_frequencies() {
  static const std::vector<std::string> v = {"实时", "每日", "每周", "每月", "每季度", "每半年", "每年", "不定期"};
  return v;
}

bool is_update_frequency(std::string_view s) {
  for (const auto& f : update_frequencies())
    if (f == s) return true;
  return false;
}

const std::vector<DataLicence>& data_licences() {
  static const std::vector<DataLicence> v = {
      {"cc-by-4.0", "知识共享署名 4.0 国际许可协议（CC BY 4.0）", "https://creativecommons.org/licenses/by/4.0/", true},
      {"cc-zero", "知识共享 CC0 1.0 公共领域贡献", "https://creativecommons.org/publicdomain/zero/1.0/", true},
      {"gov-open-data", "政府数据开放平台数据使用协议", "", false},
  };
  return v;
}

const DataLicence* data_licence(std::string_view id) {
  for (const auto& l : data_licences())
    if (l.id == id) return &l;
  return nullptr;
}

const std::vector<DataField>& data_fields() {
  static const std::vector<DataField> v = {
      {"jjjs", "经济建设"}, {"csjr", "财税金融"}, {"scjg", "市场监管"}, {"xyfw", "信用服务"},
      {"zyhj", "资源环境"}, {"cjzf", "城建住房"}, {"dljt", "道路交通"}, {"nync", "农业农村"},
      {"jykj", "教育科技"}, {"whxx", "文化休闲"}, {"wsjk", "卫生健康"}, {"shbz", "社会保障"},
      {"ldjy", "劳动就业"}, {"ggaq", "公共安全"}, {"aqsc", "安全生产"}, {"jgtt", "机构团体"},
      {"shfw", "生活服务"}, {"qxfw", "气象服务"}, {"dlkj", "地理空间"}, {"qt", "其他"},
  };
  return v;
}

const DataField* data_field(std::string_view code) {
  for (const auto& f : data_fields())
    if (f.code == code || f.label == code) return &f;
  return nullptr;
}

}  // namespace zwgk::domain
