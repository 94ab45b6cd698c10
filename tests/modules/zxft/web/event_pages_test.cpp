// 在线访谈 / 新闻发布会 over the real server, on both backends: the office plans and announces
// a 新闻发布会 in the console; the public list and page carry it with the identity tags; a
// citizen's question stays off every public page until the office publishes it; a live entry
// typed in the console is on the (cached) public page and in the live JSON at once; the
// video is served with Range; a draft is absent; bad input gets a 400 in Chinese; and the
// asker's phone reaches no public page.
#include <gtest/gtest.h>

#include <atomic>
#include <regex>

#include "domain/china_time.hpp"
#include "modules/zxft/store/event_repository.hpp"
#include "store/personal_data_key.hpp"
#include "store/account_repository.hpp"
#include "web/console/console.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"

namespace zwgk::test {
namespace {

std::int64_t at(const char* day, int hour = 0, int minute = 0) {
  return domain::china_midnight(*domain::Date::parse(day)).time_since_epoch().count() + hour * 3600 + minute * 60;
}

std::atomic<std::int64_t> g_now{0};

class EventServer : public SiteServer {
 public:
  EventServer() : SiteServer(0, false, [](web::WebOptions& o) { o.clock = [] { return g_now.load(); }; }) {
    mount_console();
    secret = app->options().secret;  // the public form seals with it, the console opens with it
    add_account("publisher", domain::Role::Publisher, std::nullopt, "新闻办");
  }
  std::string secret;
};

std::string first_match(const std::string& body, const std::string& re) {
  std::smatch m;
  return std::regex_search(body, m, std::regex(re)) ? std::string(m[1]) : std::string();
}

HttpResult post_upload(const EventServer& s, const ConsoleSession& c, const std::string& target, const std::string& field,
                       const std::string& name, const std::string& data) {
  const std::string b = "----zwgkeventboundary";
  std::string body = "--" + b + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + c.csrf + "\r\n";
  body += "--" + b + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name +
          "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + "\r\n--" + b + "--\r\n";
  std::string req = "POST " + target + "?csrf_token=" + c.csrf + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                    "Content-Type: multipart/form-data; boundary=" + b + "\r\nContent-Length: " +
                    std::to_string(body.size()) + "\r\nCookie: " + c.cookie + "\r\n\r\n" + body;
  return parse_http_response(http_exchange(s.port, req));
}

TEST(EventPages, AnnouncedLiveAndTheTranscriptOnThePublicPage) {
  g_now = at("2026-12-01", 9);
  EventServer s;
  ConsoleSession office = ConsoleSession::login(s.port, "publisher", "correct horse");
  ASSERT_FALSE(office.cookie.empty());
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"kind", "press_conference"},
      {"title", "优化营商环境新闻发布会"},
      {"starts_at", "2026-12-10T10:00"},
      {"ends_at", "2026-12-10T11:00"},
      {"place", "市政府新闻发布厅"},
      {"department_id", std::to_string(s.seed.department.id)},
      {"guest_name_1", "王五"},
      {"guest_post_1", "市人民政府办公室主任"},
      {"guest_department_1", std::to_string(s.seed.department.id)},
      {"guest_principal_1", "1"},
      {"policy", std::to_string(s.seed.policy_id)}};
  // Bad input: a time that is not one, in Chinese, nothing written.
  auto bad_fields = fields;
  bad_fields[2].second = "十二月十日";
  auto bad = office.post("/console/events/new", bad_fields);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("无法识别"), std::string::npos);
  const auto key = store::PersonalDataKey::derive_from(s.secret);
  EXPECT_TRUE(store::EventRepository(*s.db, key).list(s.seed.site.id, false).empty());

  auto created = office.post("/console/events/new", fields);
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string id = first_match(created.header("location").value_or(""), R"(/console/events/(\d+)/)");
  ASSERT_FALSE(id.empty()) << created.header("location").value_or("");
  const std::string console_url = "/console/events/" + id + "/";
  const std::string page = "/zxft/" + id + "/";
  // A draft is on no public page.
  EXPECT_EQ(s.get(page).status, 404);
  EXPECT_EQ(s.get("/zxft/").body.find("优化营商环境新闻发布会"), std::string::npos);

  ASSERT_EQ(office.post(console_url + "step", {{"step", "announce"}}).status, 303);
  auto list = s.get("/zxft/");
  EXPECT_NE(list.body.find("优化营商环境新闻发布会"), std::string::npos);
  EXPECT_NE(list.body.find("活动预告"), std::string::npos);
  auto p = s.get(page);
  ASSERT_EQ(p.status, 200);
  EXPECT_EQ(meta_content(p.body, "ArticleTitle").value_or(""), "优化营商环境新闻发布会");
  EXPECT_EQ(meta_content(p.body, "PubDate").value_or(""), "2026-12-01 09:00");
  EXPECT_NE(p.body.find("（主要负责人）"), std::string::npos);
  EXPECT_NE(p.body.find("/content/" + std::to_string(s.seed.policy_id) + ".html"), std::string::npos)
      << "the page links the policy it interprets";

  // A question: pending, on no public page; published, on the page.
  auto form = s.get(page + "ask");
  ASSERT_EQ(form.status, 200);
  const std::string token = first_match(form.body, R"re(name="form_token" value="([^"]+)")re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(form.body, m, std::regex(R"re(class="question">(\d+) 加 (\d+) 等于几？)re")));
  const std::string answer = std::to_string(std::stoi(m[1]) + std::stoi(m[2]));
  const std::string cookie = cookie_from(form, "zxft_form");
  auto ask = [&](const std::string& phone) {
    return http_post(s.port, page + "ask",
                     form_encode({{"form_token", token},
                                  {"challenge_answer", answer},
                                  {"website", ""},
                                  {"nickname", "热心市民"},
                                  {"name", "欧阳青山"},
                                  {"phone", phone},
                                  {"text", "企业开办时间还能再压缩吗？"}}),
                     {"Cookie: " + cookie});
  };
  auto refused = ask("1234");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("手机号码应为11位数字"), std::string::npos);
  auto sent = ask("13973955501");
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_NE(sent.body.find("您的提问已提交"), std::string::npos);
  EXPECT_EQ(s.get(page).body.find("企业开办时间还能再压缩吗"), std::string::npos) << "a pending question is public";
  auto desk = office.get(console_url);
  const std::string qid = first_match(desk.body, R"re(data-question="(\d+)")re");
  ASSERT_FALSE(qid.empty());
  ASSERT_EQ(office.post(console_url + "questions/" + qid, {{"action", "publish"}}).status, 303);
  EXPECT_NE(s.get(page).body.find("企业开办时间还能再压缩吗"), std::string::npos);

  // Live: the page is cached; an entry typed in the console is on it at once.
  g_now = at("2026-12-10", 10);
  office = ConsoleSession::login(s.port, "publisher", "correct horse");  // a new day, a new session
  ASSERT_EQ(office.post(console_url + "step", {{"step", "open"}}).status, 303);
  auto before = s.get(page);
  EXPECT_NE(before.body.find("直播中"), std::string::npos);
  EXPECT_EQ(s.get(page).body, before.body);  // served again (from the cache) unchanged
  ASSERT_EQ(office.post(console_url + "entries", {{"speaker", "王五"}, {"text", "开办时间已压缩到1个工作日。"}, {"question_id", qid}})
                .status,
            303);
  auto after = s.get(page);
  EXPECT_NE(after.body.find("开办时间已压缩到1个工作日。"), std::string::npos) << "the cached page was not dropped";
  auto json = s.get(page + "entries.json?after=0");
  EXPECT_EQ(json.status, 200);
  EXPECT_NE(json.body.find("开办时间已压缩到1个工作日。"), std::string::npos);
  EXPECT_NE(json.body.find("\"state\":\"live\""), std::string::npos);
  const std::string last = first_match(json.body, R"("id":(\d+))");
  EXPECT_EQ(s.get(page + "entries.json?after=" + last).body.find("开办时间"), std::string::npos);
  EXPECT_EQ(s.get(page + "entries.json?after=abc").status, 400);

  // The video, after: played with Range.
  std::string mp4("\x00\x00\x00\x18" "ftypmp42\x00\x00\x00\x00" "mp42isom\x00\x00\x00\x08" "free", 32);
  mp4 += std::string(4000, '\0');
  ASSERT_EQ(post_upload(s, office, console_url + "video", "video", "发布会.mp4", mp4).status, 303);
  auto range = s.get(page + "video", {"Range: bytes=0-99"});
  EXPECT_EQ(range.status, 206);
  EXPECT_EQ(range.body.size(), 100u);
  EXPECT_EQ(range.header("content-type").value_or(""), "video/mp4");
  auto not_video = post_upload(s, office, console_url + "video", "video", "x.mp4", "<html>not a video</html>");
  EXPECT_EQ(not_video.status, 400);

  g_now = at("2026-12-10", 10, 20);
  ASSERT_EQ(office.post(console_url + "step", {{"step", "close"}}).status, 303);
  auto ended = s.get(page);
  EXPECT_NE(ended.body.find("文字实录"), std::string::npos);
  EXPECT_NE(ended.body.find("<video"), std::string::npos);
  EXPECT_EQ(ended.body.find("我要提问"), std::string::npos);
  // The asker's name and phone are on no public page or answer.
  for (const auto& target : {page, page + "entries.json", std::string("/zxft/")}) {
    auto r = s.get(target);
    EXPECT_EQ(r.body.find("13973955501"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("欧阳青山"), std::string::npos) << target;
  }
  // The office sees them, audited.
  auto asker = office.get(console_url + "questions/" + qid + "/asker");
  EXPECT_NE(asker.body.find("13973955501"), std::string::npos) << asker.status << asker.body.substr(0, 2000);
}

}  // namespace
}  // namespace zwgk::test
