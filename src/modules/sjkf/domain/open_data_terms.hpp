#pragma once
// The vocabulary of 数据开放 (《2017年邵阳市政务公开工作要点》 四(三) 推进政府数据开放; the
// 公共数据开放 practice of the provincial portals): 开放属性, 更新频率, the licences a dataset is
// offered under and the 数据领域 a catalogue groups datasets by (CKAN's groups).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

// 开放属性: 无条件开放 (anyone downloads) or 有条件开放 (the conditions are stated; the files are
// still listed with their columns, downloads go through the stated application channel).
enum class OpenCondition { Unconditional, Conditional };
std::string to_code(OpenCondition);   // unconditional conditional
std::string to_label(OpenCondition);  // 无条件开放 有条件开放
std::optional<OpenCondition> open_condition_from(std::string_view code_or_label);

// 更新频率, as the portals word it.
const std::vector<std::string>& update_frequencies();  // 实时 每日 每周 每月 每季度 每半年 每年 不定期
bool is_update_frequency(std::string_view);

struct DataLicence {
  std::string id;     // CKAN license_id: "cc-by-4.0"
  std::string title;  // 知识共享署名 4.0 国际许可协议（CC BY 4.0）
  std::string url;    // "" when it has none
  bool open = true;   // CKAN isopen: an Open Definition conformant licence
};
const std::vector<DataLicence>& data_licences();
const DataLicence* data_licence(std::string_view id);

struct DataField {
  std::string code;   // CKAN group name: "jjjs"
  std::string label;  // 经济建设
};
// The 数据领域 a city portal sorts its datasets by.
const std::vector<DataField>& data_fields();
const DataField* data_field(std::string_view code);

}  // namespace zwgk::domain
