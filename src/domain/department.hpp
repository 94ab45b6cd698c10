#pragma once
// 公开责任部门: the body responsible for disclosing a document.
#include <cstdint>
#include <string>

namespace zwgk::domain {

struct Department {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::string name;        // 邵阳市人民政府办公室
  std::string short_name;  // 市政府办
  std::string credit_code; // 统一社会信用代码 (18 chars) or 组织机构代码 (9 chars)
  int sort_order = 0;      // 排序号: lists show smaller first, then by name
};

}  // namespace zwgk::domain
