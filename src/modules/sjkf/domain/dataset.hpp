#pragma once
// A dataset of 数据开放 as its office describes it, and the checks before it is saved.
// The `name` is the dataset's stable address (P/sjkf/<name>/, CKAN's package name): 2 to 100
// characters of lower-case letters, digits, - and _ (CKAN's name rule), unique in the
// installation, so a harvester can follow it across renamings of the title.
#include <string>
#include <string_view>
#include <vector>

#include "modules/sjkf/domain/open_data_terms.hpp"

namespace zwgk::domain {

struct DatasetDraft {
  std::string name;
  std::string title;
  std::string notes;                  // 数据摘要
  std::string field;                  // data_fields() code
  std::vector<std::string> keywords;  // 关键字 (CKAN tags)
  std::string frequency;              // update_frequencies()
  std::string licence = "cc-by-4.0";  // data_licences() id
  OpenCondition condition = OpenCondition::Unconditional;
  std::string conditions;             // 有条件开放: how to apply, what for (required then)
};

// Problems in Chinese, each naming its field; empty when the draft may be saved.
std::vector<std::string> dataset_problems(const DatasetDraft& draft);

bool is_dataset_name(std::string_view name);
// "交通, 公交、线路；站点" -> {交通, 公交, 线路, 站点}: split on the separators offices type
// (、，,；; and spaces), trimmed, duplicates dropped, order kept.
std::vector<std::string> parse_keywords(std::string_view text);
std::string join_keywords(const std::vector<std::string>& keywords);  // joined with 、

}  // namespace zwgk::domain
