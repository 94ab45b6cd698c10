// One calendar for every deadline, through the real server on both backends: a holiday
// file dropped into the holiday directory while `zwgk serve`'s calendar source
// (app::HolidayDirectoryCalendar) is serving moves an open 依申请公开 application's reply
// deadline (Art. 33: the public status API and the console's detail page) and a draft's
// publication deadline (Art. 26: the console's document list) at the same moment, without a
// restart. The day is fixed by the injected clock (2026-09-29), not the machine's.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include <nlohmann/json.hpp>

#include "app/working_day_calendar_loader.hpp"
#include "domain/clock.hpp"
#include "domain/statutory_deadlines.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "store/account_repository.hpp"
#include "support/holiday_calendar.hpp"
#include "web/console/console.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

namespace fs = std::filesystem;

std::string resident_id(std::string_view first17) {
  static constexpr int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::string_view check = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * w[i];
  return std::string(first17) + check[static_cast<std::size_t>(sum % 11)];
}

const domain::Date kReceived = d("2026-09-28");  // a Monday; 中秋 and 国庆 2026 follow
const domain::Date kToday = d("2026-09-29");

// A holiday directory with the shipped years except 2026.
struct HolidayDir {
  HolidayDir() {
    std::string tmpl = (fs::temp_directory_path() / "zwgk-holidays-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
    for (int y = 2007; y <= 2027; ++y)
      if (y != 2026) write(y);
  }
  ~HolidayDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(int year) const {
    std::ofstream(path / (std::to_string(year) + ".json"), std::ios::binary) << holiday_year_file(year);
  }
  fs::path path;
};

class CalendarReloadServer : public SiteServer {
 public:
  explicit CalendarReloadServer(domain::CalendarSourcePtr calendar)
      : SiteServer(0, false, [calendar](web::WebOptions& o) {
          o.calendar = calendar;
          o.clock = domain::clock_at(kToday);
        }) {
    web::console::ConsoleOptions o;
    o.templates_dir = web::default_web_options().templates_dir;
    o.base_url = base_url();
    o.calendar = app->options().calendar;  // as `zwgk serve` does: the site's source
    o.clock = app->options().clock;
    console = std::make_unique<web::console::ConsoleApp>(o, *db);
    console->register_routes(router);
    register_module_consoles(*console);
    store::AccountRepository accounts(*db);
    domain::Account a;
    a.username = "publisher";
    a.display_name = "发布员";
    a.role = domain::Role::Publisher;
    a.site_id = seed.site.id;
    publisher = accounts.create(a, "correct horse");
    a.username = "editor";
    a.display_name = "编辑";
    a.role = domain::Role::DepartmentEditor;
    a.department_id = seed.department.id;
    editor = accounts.create(a, "correct horse");
  }
  std::unique_ptr<web::console::ConsoleApp> console;
  domain::Account publisher, editor;
};

domain::Date reply_due(const domain::WorkingDayCalendar& cal) {
  domain::ReplyPeriod p;
  p.received_on = kReceived;
  return domain::compute_reply_deadline(cal, p).due_on;
}

TEST(CalendarReload, AHolidayFileAddedWhileServingMovesRequestAndDocumentDeadlines) {
  const HolidayDir dir;
  // Checked on every call here; `zwgk serve` looks at most once a second.
  const auto source = std::make_shared<const app::HolidayDirectoryCalendar>(dir.path.string(), std::chrono::seconds(0));
  ASSERT_EQ(source->last_error(), "");
  CalendarReloadServer s(source);

  // The deadlines without and with the 2026 notice (中秋 and 国庆 off, 10-10 worked).
  const auto weekends_only = shipped_calendar({2026});
  const auto reply_before = reply_due(weekends_only), reply_after = reply_due(calendar());
  const auto doc_before = weekends_only.add_working_days(kReceived, 20).date;
  const auto doc_after = calendar().add_working_days(kReceived, 20).date;
  ASSERT_NE(reply_before, reply_after);
  ASSERT_NE(doc_before, doc_after);

  // An open application received by letter, registered by the office.
  auto pub = ConsoleSession::login(s.port, "publisher", "correct horse");
  ASSERT_FALSE(pub.cookie.empty());
  auto reg = pub.post("/console/requests/new",
                      {{"channel", "letter"}, {"applicant_kind", "natural_person"}, {"name", "司马日历"},
                       {"id_type", "resident_id"}, {"id_number", resident_id("43052219850615882")}, {"address", "湖南省邵阳市大祥区日历路1号"},
                       {"phone", "13973955502"}, {"description", "2026年老旧小区改造计划"}, {"medium", "paper"},
                       {"delivery", "post"}, {"signed_for", kReceived.iso()}});
  ASSERT_EQ(reg.status, 201) << visible_text(reg.body);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(reg.body, m, std::regex(R"(class="tracking-number">(YSQ-\d{4}-\d{6})<)")));
  const std::string tn = m[1];
  ASSERT_TRUE(std::regex_search(reg.body, m, std::regex(R"(class="query-code">([^<]+)<)")));
  const std::string code = m[1];

  // A draft created that day (Art. 26 counts from creation).
  domain::Document doc;
  doc.site_id = s.seed.site.id;
  doc.title = "日历测试草稿";
  doc.catalogue_id = s.seed.ghjh.id;
  doc.department_id = s.seed.department.id;
  doc.body_html = "<p>正文</p>";
  const auto draft = store::WorkflowRepository(*s.db).create_draft(s.editor, doc, {s.editor.id, "editor", ""}, kReceived);

  auto public_due = [&] {
    auto r = s.get("/api/v1/requests/" + tn + "?code=" + code);
    EXPECT_EQ(r.status, 200) << r.body;
    return nlohmann::json::parse(r.body).value("due_on", std::string());
  };
  auto console_detail = [&] { return visible_text(pub.get("/console/requests/" + tn + "/").body); };
  auto document_row = [&] {
    const auto body = pub.get("/console/documents/").body;
    const auto at = body.find("/console/documents/" + std::to_string(draft.id) + "/");
    EXPECT_NE(at, std::string::npos);
    return at == std::string::npos ? std::string() : visible_text(body.substr(at, body.find("</tr>", at) - at));
  };

  EXPECT_EQ(public_due(), reply_before.iso());
  EXPECT_NE(console_detail().find(domain::chinese_date_with_weekday(reply_before)), std::string::npos);
  EXPECT_NE(document_row().find(doc_before.iso()), std::string::npos) << document_row();

  dir.write(2026);  // the notice arrives; the server keeps running

  EXPECT_EQ(public_due(), reply_after.iso());
  const auto detail = console_detail();
  EXPECT_NE(detail.find(domain::chinese_date_with_weekday(reply_after)), std::string::npos) << detail;
  EXPECT_NE(detail.find("国庆节"), std::string::npos);
  const auto row = document_row();
  EXPECT_NE(row.find(doc_after.iso()), std::string::npos) << row;
  EXPECT_EQ(row.find(doc_before.iso()), std::string::npos) << row;
}

}  // namespace
}  // namespace zwgk::test
