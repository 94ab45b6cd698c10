// `zwgk calendar due`, run as staff run it: the real binary, the shipped data/holiday-cn/
// (or ZWGK_HOLIDAY_DIR). Dates were counted by hand from the JSON files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/run_binary.hpp"

namespace {

using zwgk::test::lines_of;
using zwgk::test::run_zwgk;
using zwgk::test::RunResult;
namespace fs = std::filesystem;

void expect_one_line_failure(const RunResult& r, int exit_code) {
  EXPECT_EQ(r.exit_code, exit_code) << r.err;
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
  EXPECT_TRUE(r.err.starts_with("zwgk: ")) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "zwgk-calendar-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  void copy_year(int year) const {
    const auto name = std::to_string(year) + ".json";
    fs::copy_file(fs::path(ZWGK_SOURCE_DIR) / "data/holiday-cn" / name, path_ / name);
  }
  std::string env() const { return "ZWGK_HOLIDAY_DIR=" + path_.string(); }

 private:
  fs::path path_;
};

TEST(CalendarCommand, PrintsTheDueDate) {
  // Fri 2024-09-27 + 20 working days across National Day 2024 (09-29 and 10-12 调休) = Wed 10-30.
  const auto r = run_zwgk({"calendar", "due", "2024-09-27", "20"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2024-10-30（2024年10月30日 星期三）\n");
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(CalendarCommand, ExplainPrintsTheCounting) {
  const auto r = run_zwgk({"calendar", "due", "2024-09-27", "20", "--explain"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto lines = lines_of(r.out);
  const std::vector<std::string> expected = {
      "2024-10-30（2024年10月30日 星期三）",
      "收到申请：2024年09月27日 星期五，为第0日（当日不计入，自次一工作日起算）",
      "答复期限：20个工作日（《政府信息公开条例》第三十三条第二款）",
      "节假日不计：2024年10月01日至2024年10月07日 国庆节",
      "调休上班计入：2024年09月29日 星期日（国庆节）、2024年10月12日 星期六（国庆节）",
      "届满日：2024年10月30日 星期三（第20个工作日，当日结束前答复）",
  };
  EXPECT_EQ(lines, expected) << r.out;
}

TEST(CalendarCommand, PausesAndExtension) {
  // Pause 10-08..10-10 (both ends not counted) removes 3 -> 11-04; extension 20 -> Mon 12-02.
  auto r = run_zwgk({"calendar", "due", "2024-09-27", "20", "--pause", "2024-10-08:2024-10-10", "--extend", "20"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2024-12-02（2024年12月02日 星期一）\n");
  // Repeated --pause: 10-08 and 10-14 -> two removed -> Fri 11-01.
  r = run_zwgk({"calendar", "due", "2024-09-27", "20", "--pause", "2024-10-14:2024-10-14", "--pause",
                "2024-10-08:2024-10-08", "--explain"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(lines_of(r.out).front(), "2024-11-01（2024年11月01日 星期五）");
  EXPECT_NE(r.out.find("暂停计算：2024年10月08日，扣除1个工作日"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("暂停计算：2024年10月14日，扣除1个工作日"), std::string::npos) << r.out;
}

TEST(CalendarCommand, WarnsAcrossAYearWithoutANotice) {
  // 2027.json has no paper: Fri 2026-12-18 + 20 on weekends alone -> Fri 2027-01-15, with a warning.
  const auto r = run_zwgk({"calendar", "due", "2026-12-18", "20"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "2027-01-15（2027年01月15日 星期五）\n"
            "注意：2027年的节假日安排尚未发布（缺少国务院通知），按周末推算，结果可能不准确\n");
}

TEST(CalendarCommand, DroppingInAYearsFileIsAllItTakes) {
  TempDir dir;
  dir.copy_year(2025);
  // Without 2026.json: Fri 2026-02-13 + 20 weekdays = Fri 03-13, with a warning.
  auto r = run_zwgk({"calendar", "due", "2026-02-13", "20"}, {dir.env()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "2026-03-13（2026年03月13日 星期五）\n"
            "注意：2026年的节假日安排尚未发布（缺少国务院通知），按周末推算，结果可能不准确\n");
  // Drop in 2026.json: Spring Festival 02-15..23 off, 02-14 and 02-28 调休 -> Thu 03-19, no warning.
  dir.copy_year(2026);
  r = run_zwgk({"calendar", "due", "2026-02-13", "20"}, {dir.env()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2026-03-19（2026年03月19日 星期四）\n");
}

TEST(CalendarCommand, AMalformedFileIsNamedInOneLine) {
  TempDir dir;
  dir.copy_year(2023);
  std::ofstream(dir.path() / "2024.json") << "{ \"year\": 2024, \"papers\": [";
  const auto r = run_zwgk({"calendar", "due", "2024-09-27", "20"}, {dir.env()});
  expect_one_line_failure(r, 1);
  EXPECT_NE(r.err.find((dir.path() / "2024.json").string()), std::string::npos) << r.err;

  const auto missing = run_zwgk({"calendar", "due", "2024-09-27", "20"}, {"ZWGK_HOLIDAY_DIR=/nonexistent/zwgk-holidays"});
  expect_one_line_failure(missing, 1);
  EXPECT_NE(missing.err.find("/nonexistent/zwgk-holidays"), std::string::npos) << missing.err;
}

TEST(CalendarCommand, BadInputIsAOneLineUsageError) {
  const std::vector<std::vector<std::string>> bad = {
      {"calendar", "due", "2024-13-01", "20"},                               // no such month
      {"calendar", "due", "2024/09/27", "20"},                               // not ISO
      {"calendar", "due", "2024-09-27", "-5"},                               // negative N
      {"calendar", "due", "2024-09-27", "201"},                              // N > 200
      {"calendar", "due", "2024-09-27", "twenty"},                           // not a number
      {"calendar", "due", "2024-09-27"},                                     // N missing
      {"calendar", "due", "2024-09-27", "20", "--pause", "2024-10-08"},      // no TO
      {"calendar", "due", "2024-09-27", "20", "--pause", "2024-10-10:2024-10-08"},  // TO before FROM
      {"calendar", "due", "2024-09-27", "20", "--pause", "2024-09-20:2024-10-08"},  // before receipt
      {"calendar", "due", "2024-09-27", "20", "--pause", "2024-10-08:2024-10-10", "--pause",
       "2024-10-09:2024-10-11"},                                             // overlapping
      {"calendar", "due", "2024-09-27", "20", "--extend", "21"},             // Art. 33: at most 20
      {"calendar", "due", "2024-09-27", "20", "--extend", "-1"},
      {"calendar"},                                                          // no action
  };
  for (const auto& args : bad) {
    const auto r = run_zwgk(args);
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    SCOPED_TRACE(joined);
    expect_one_line_failure(r, 2);
  }
  const auto r = run_zwgk({"calendar", "due", "2024-09-27", "20", "--extend", "21"});
  EXPECT_NE(r.err.find("第三十三条"), std::string::npos) << r.err;
  const auto date = run_zwgk({"calendar", "due", "2024-13-01", "20"});
  EXPECT_NE(date.err.find("2024-13-01"), std::string::npos) << date.err;
}

}  // namespace
