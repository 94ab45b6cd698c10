#pragma once
// Writes a small .xlsx in the test with libxlsxwriter (as an office's Excel would): one sheet,
// text cells, and number cells where a row gives a value starting with '#' ("#45352" is the
// number 45352, an Excel date serial or a number typed into 编号).
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace zwgk::test {

inline std::string xlsx_of(const std::vector<std::vector<std::string>>& rows) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("jyta-test-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(&rows)) + ".xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw std::runtime_error("workbook_new");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "交办清单");
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const auto& v = rows[r][c];
      if (!v.empty() && v[0] == '#') worksheet_write_number(ws, r, c, std::stod(v.substr(1)), nullptr);
      else if (!v.empty()) worksheet_write_string(ws, r, c, v.c_str(), nullptr);
    }
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("workbook_close");
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(path);
  return ss.str();
}

inline std::vector<std::string> proposal_header() {
  return {"类型", "届次", "会次", "编号", "标题", "领衔人", "附议人", "主办单位", "会办单位", "交办日期", "联系电话"};
}

}  // namespace zwgk::test
