// zwgk inspect, the real binary on the demo content (both backends): the report of every site,
// exit 0 while nothing is a 单项否决; after the demo's homepage is made stale — by moving the
// command's clock 15 days on (ZWGK_CLOCK_OFFSET_FILE, as the end-to-end tests move the
// server's), not by waiting — it prints the veto and exits 1. A bad site code is a usage error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/run_binary.hpp"
#include "support/test_database.hpp"

using zwgk::test::run_zwgk;
using zwgk::test::ServeProcess;
using zwgk::test::test_database_url;

namespace {

TEST(InspectCommand, TheDemoPassesAndFailsOnceItsHomepageIsFifteenDaysStale) {
  const auto url = test_database_url();
  const auto demo = run_zwgk({"demo", "--database", url});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  const auto fresh = run_zwgk({"inspect", "--database", url});
  EXPECT_EQ(fresh.exit_code, 0) << fresh.out << fresh.err;
  EXPECT_NE(fresh.out.find("邵阳市人民政府（shaoyang）"), std::string::npos) << fresh.out;
  EXPECT_NE(fresh.out.find("新邵县人民政府（xinshao）"), std::string::npos) << fresh.out;
  EXPECT_NE(fresh.out.find("[正常] 首页不更新"), std::string::npos) << fresh.out;
  EXPECT_EQ(fresh.out.find("[单项否决]"), std::string::npos) << fresh.out;

  const auto offset = std::filesystem::temp_directory_path() / ("zwgk-inspect-offset-" + std::to_string(::getpid()));
  std::ofstream(offset) << 15 * 86400;
  const auto stale = run_zwgk({"inspect", "--database", url, "--site", "shaoyang"},
                              {"ZWGK_CLOCK_OFFSET_FILE=" + offset.string()});
  std::filesystem::remove(offset);
  EXPECT_EQ(stale.exit_code, 1) << stale.out << stale.err;
  EXPECT_NE(stale.out.find("[单项否决] 首页不更新"), std::string::npos) << stale.out;
  EXPECT_NE(stale.out.find("已 15 天未更新"), std::string::npos) << stale.out;
  EXPECT_EQ(stale.out.find("xinshao"), std::string::npos) << "--site names one site";

  const auto unknown = run_zwgk({"inspect", "--database", url, "--site", "nowhere"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("网站不存在: nowhere"), std::string::npos) << unknown.err;
}

// The crawler through the real `zwgk serve` over the whole demo city: every link answers and
// every page, of every module, carries the tags the inspection asks for.
TEST(InspectCommand, TheDemoCitysWalkFindsNoBrokenLinkAndNoMissingTag) {
  const auto url = test_database_url();
  ASSERT_EQ(run_zwgk({"demo", "--database", url}).exit_code, 0);
  ServeProcess server({"serve", "--database", url, "--listen", "127.0.0.1:0", "--threads", "2"});
  ASSERT_FALSE(server.base_url().empty()) << server.output();
  const auto walked = run_zwgk({"inspect", "--database", url, "--site", "shaoyang", "--crawl", "--base-url",
                                server.base_url(), "--max-pages", "400"});
  server.terminate();
  EXPECT_EQ(walked.exit_code, 0) << walked.out << walked.err;
  EXPECT_NE(walked.out.find("[正常] 链接可用性"), std::string::npos) << walked.out;
  EXPECT_NE(walked.out.find("[正常] 网页标签"), std::string::npos) << walked.out;
  EXPECT_NE(walked.out.find("内容页"), std::string::npos) << "content pages were walked: " << walked.out;
}

}  // namespace
