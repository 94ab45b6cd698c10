#pragma once
// 清单 (issue 14; 《2017年邵阳市政务公开工作要点》 一(二), 二(一), 五(三)): the lists offices
// publish as tables — 权力清单, 责任清单, 负面清单, the 收费 and 基金 目录清单, the 随机抽查事项
// 清单, the 安全生产"黑名单" and the rest the seed names. A list type is a schema: its columns
// with their types and which are required, and which columns together identify an item
// across versions (the key: 事项编码, or 收费单位 + 项目名称). zwgk ships the seed's types
// (shipped_list_types); a site adds its own in the text form of parse_list_type.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

enum class ColumnType { Text, Number, Date, Enumeration, Department, Link };
std::string to_code(ColumnType);   // text number date enumeration department link
std::string to_label(ColumnType);  // 文本 数字 日期 选项 部门 链接
std::optional<ColumnType> column_type_from(std::string_view code_or_label);

struct ListColumn {
  std::string label;                 // the header as offices write it: 事项名称
  ColumnType type = ColumnType::Text;
  bool required = false;
  bool key = false;                  // part of the item's identity across versions
  std::vector<std::string> options;  // Enumeration only
};

struct ListType {
  std::string code;   // power_list, administrative_fees, ... (a site's own: its choice)
  std::string name;   // 权力清单
  std::string basis;  // where the seed or the law asks for it
  std::vector<ListColumn> columns;
  // The column (if any) of type Date that ends an entry (黑名单: 移出日期): the public page
  // shows current entries by default.
  std::optional<std::size_t> exit_column;
  const ListColumn* column(std::string_view label) const;
};

const std::vector<ListType>& shipped_list_types();
const ListType* shipped_list_type(std::string_view code);

// A site's own type, one column per line after the name and code:
//   名称：林木采伐许可事项清单
//   代码：forest_permits
//   事项编码，文本，必填，主键
//   事项名称，文本，必填
//   办理层级，选项：市级/县级，必填
//   实施主体，部门
// Types: 文本 数字 日期 选项 部门 链接. Problems in Chinese, naming the line.
struct ParsedListType {
  ListType type;
  std::vector<std::string> problems;
};
ParsedListType parse_list_type(std::string_view text);
std::string format_list_type(const ListType& type);
// The schema's own problems (a name, a code of [a-z0-9_], 1..40 columns with distinct labels,
// at least one key column, options for an enumeration).
std::vector<std::string> list_type_problems(const ListType& type);

}  // namespace zwgk::domain
