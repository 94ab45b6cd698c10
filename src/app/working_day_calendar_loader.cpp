// Loads data/holiday-cn/YYYY.json into a WorkingDayCalendar; parsing is the domain's.
#include "app/working_day_calendar_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>

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

// The year files' names, sizes and modification times, sorted; empty if the directory
// cannot be listed (the load that follows says why).
std::vector<std::tuple<std::string, std::uintmax_t, fs::file_time_type>> year_files_listing(const std::string& dir) {
  std::vector<std::tuple<std::string, std::uintmax_t, fs::file_time_type>> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file(ec) || !year_of(entry.path())) continue;
    std::error_code size_ec, time_ec;
    const auto size = entry.file_size(size_ec);
    const auto time = entry.last_write_time(time_ec);
    out.emplace_back(entry.path().filename().string(), size_ec ? 0 : size, time_ec ? fs::file_time_type{} : time);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

HolidayDirectoryCalendar::HolidayDirectoryCalendar(std::string dir, std::chrono::steady_clock::duration check_every)
    : dir_(std::move(dir)), check_every_(check_every) {
  std::lock_guard lock(mutex_);
  listing_ = year_files_listing(dir_);
  last_check_ = std::chrono::steady_clock::now();
  try {
    calendar_ = std::make_shared<const domain::WorkingDayCalendar>(load_working_day_calendar(dir_));
  } catch (const std::exception& e) {  // HolidayDataError, or the file system's own
    error_ = e.what();
    spdlog::error("calendar: {}; deadlines count weekends only until the holiday data is fixed", error_);
    calendar_ = std::make_shared<const domain::WorkingDayCalendar>();
  }
}

void HolidayDirectoryCalendar::reload_if_changed() const {
  const auto now = std::chrono::steady_clock::now();
  if (now - last_check_ < check_every_) return;
  last_check_ = now;
  auto listing = year_files_listing(dir_);
  if (listing == listing_) return;
  listing_ = std::move(listing);
  try {
    calendar_ = std::make_shared<const domain::WorkingDayCalendar>(load_working_day_calendar(dir_));
    error_.clear();
    spdlog::info("calendar: reloaded {} ({} year files)", dir_, listing_.size());
  } catch (const std::exception& e) {  // HolidayDataError, or the file system's own
    error_ = e.what();
    spdlog::error("calendar: {}; keeping the calendar loaded before", error_);
  }
}

std::shared_ptr<const domain::WorkingDayCalendar> HolidayDirectoryCalendar::current() const {
  std::lock_guard lock(mutex_);
  reload_if_changed();
  return calendar_;
}

std::string HolidayDirectoryCalendar::last_error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

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
