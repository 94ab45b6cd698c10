#pragma once
// The 26 试点领域 of the 基层政务公开标准目录 (国务院办公厅关于全面推进基层政务公开标准化规范化
// 工作的指导意见, 国办发〔2019〕54号), each with the State Council department that issued its
// 标准指引 and a stable code for addresses (P/bzml/<code>/).
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

struct StandardField {
  std::string code;      // caizheng-yujuesuan
  std::string name;      // 财政预决算
  std::string ministry;  // 财政部
  // The column of the default 公开目录 (domain/catalogue.hpp) its items are published in when
  // an office has not mapped them otherwise: czyjs (财政预决算); "" where none fits.
  std::string column;
};

// In the order of the 指导意见's list.
const std::vector<StandardField>& standard_fields();
// By code or by name ("财政预决算", also with a trailing "领域"); nullptr if it is none of the 26.
const StandardField* find_standard_field(std::string_view code_or_name);

}  // namespace zwgk::domain
