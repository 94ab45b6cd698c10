// Loads data/holiday-cn/YYYY.json into a WorkingDayCalendar; parsing is the domain's.
#include "app/working_day_calendar_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include "app/commands.hpp"

namespace zwgk::app {

namespace fs = std::filesystem;

namespace {

// "2024.json" -> 2024; anything else -> nullopt.
std::optional<int> year_of(const fs::path& p) {
  const std::string name = p.filename().string();
  if (name.size() != 9 || !name.ends_with(".json")) return std::nullopt;
  int year = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (name[i] < '0' || name[i] > '9') return std::nullopt;
    year = year * 10 + (name[i] - '0');
  }
  if (year < 1) return std::nullopt;
  return year;
}

}  // namespace

std::string holiday_dir(const Config& config) {
  return !config.holiday_dir.empty() ? config.holiday_dir : source_path("data/holiday-cn");
}

domain::WorkingDayCalendar load_working_day_calendar(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw domain::HolidayDataError("节假日数据目录不存在: " + dir);
  std::vector<std::pair<int, fs::path>> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    if (auto y = year_of(entry.path())) files.emplace_back(*y, entry.path());
  }
  if (ec) throw domain::HolidayDataError("无法读取节假日数据目录 " + dir + ": " + ec.message());
  if (files.empty()) throw domain::HolidayDataError("节假日数据目录中没有 YYYY.json 文件: " + dir);
  std::sort(files.begin(), files.end());

  std::vector<domain::HolidayYear> years;
  for (const auto& [year, path] : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw domain::HolidayDataError("无法读取节假日数据文件 " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    try {
      years.push_back(domain::parse_holiday_year(year, text.str()));
    } catch (const domain::HolidayDataError& e) {
      throw domain::HolidayDataError("节假日数据文件 " + path.string() + " 有误: " + e.what());
    }
  }
  return domain::WorkingDayCalendar(std::move(years));
}

}  // namespace zwgk::app
