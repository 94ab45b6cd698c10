// Every file-upload form in the console templates posts to a route the server admits large
// bodies for, and carries the CSRF token in its action URL (the server checks it on the
// request head, before the file is read). A new upload form that forgets either would
// fail for every user with 413/403.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "web/console/upload_admission.hpp"

namespace zwgk::test {
namespace {

TEST(UploadForms, EveryMultipartFormPostsToAnAdmittedRouteWithItsToken) {
  const std::filesystem::path dir = std::filesystem::path(ZWGK_SOURCE_DIR) / "templates";
  const std::regex form(R"(<form[^>]*enctype="multipart/form-data"[^>]*>)");
  const std::regex action(R"(action="([^"]*)\")");
  int forms = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {  // and templates/<module>/
    if (entry.path().extension() != ".mustache") continue;
    // Public forms (the 信箱's letter form) stay within the server's body_limit for every
    // request; only console forms are admitted larger bodies.
    if (entry.path().filename().string().rfind("console_", 0) != 0) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string t = text.str();
    for (std::sregex_iterator it(t.begin(), t.end(), form), end; it != end; ++it) {
      ++forms;
      std::smatch a;
      const std::string tag = it->str();
      ASSERT_TRUE(std::regex_search(tag, a, action)) << entry.path() << ": " << tag;
      std::string target = a[1].str();
      EXPECT_NE(target.find("csrf_token={{csrf_token}}"), std::string::npos) << entry.path() << ": " << target;
      // {{url}} of a request page is /console/requests/<tracking number>/; other {{x}} an id.
      target = std::regex_replace(target, std::regex(R"(\{\{url\}\})"), "/console/requests/2026-0001/");
      target = std::regex_replace(target, std::regex(R"(\{\{[^}]*\}\})"), "7");
      const std::string path = target.substr(0, target.find('?'));
      EXPECT_TRUE(web::console::is_console_upload_route(path)) << entry.path() << ": " << path;
    }
  }
  EXPECT_GE(forms, 3);
}

TEST(UploadForms, OnlyTheUploadRoutesAreUploadRoutes) {
  EXPECT_TRUE(web::console::is_console_upload_route("/console/documents/12/attachments"));
  EXPECT_TRUE(web::console::is_console_upload_route("/console/requests/2026-0001/files"));
  EXPECT_FALSE(web::console::is_console_upload_route("/console/login"));
  EXPECT_FALSE(web::console::is_console_upload_route("/console/documents/12/attachments/remove"));
  EXPECT_FALSE(web::console::is_console_upload_route("/console/documents//attachments"));
  EXPECT_FALSE(web::console::is_console_upload_route("/console/documents/12/edit"));
}

}  // namespace
}  // namespace zwgk::test
