// Issue 17, the public pages as a reader uses them: the document page's 上一篇 / 下一篇,
// breadcrumb and identity tags (PubDate is the 发布日期, not the import's moment), the
// catalogue listing's year filter, the 信息公开 portal's 高级检索, newest documents and
// departments, and the search page's two labelled search regions. Real server, both databases.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "web/console_client.hpp"
#include "web/site_fixture.hpp"
#include "web/urls.hpp"

using namespace zwgk;
using namespace zwgk::test;

namespace {

class PublicPages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new SiteServer(0);
    store::DocumentRepository docs(*server_->db);
    auto doc = [&](const std::string& title, const char* published_on, std::int64_t catalogue_id) {
      domain::Document d;
      d.site_id = server_->seed.site.id;
      d.title = title;
      d.catalogue_id = catalogue_id;
      d.department_id = server_->seed.department.id;
      d.issuer = "邵阳市人民政府办公室";
      d.published_on = domain::Date::parse(published_on);
      d.disclosure = domain::DisclosureForm::Proactive;
      d.body_html = "<p>正文</p>";
      return d;
    };
    // 规划计划 now holds, oldest first: 邵阳市旧办法 (2015-03-01), the policy (2017-05-02),
    // this plan (2018-01-10).
    auto plan = doc("邵阳市2018年环境保护规划", "2018-01-10", server_->seed.ghjh.id);
    plan.doc_number = "邵政发〔2018〕3号";
    plan.topic = "环境保护";
    // Imported and published on its 发布日期 at 10:30 China time.
    plan.first_published_at = "2018-01-10T02:30:00Z";
    newest_id_ = docs.save(plan);
    docs.publish(newest_id_);
    // A year only another column has.
    other_column_id_ = docs.save(doc("2012年政策解读汇编", "2012-06-01", server_->seed.zcjd.id));
    docs.publish(other_column_id_);
    // Departments: the portal lists them as the console does (DepartmentRepository::by_site).
    store::DepartmentRepository deps(*server_->db);
    for (const char* name : {"邵阳市财政局", "邵阳市教育局", "邵阳市自然资源和规划局"}) {
      domain::Department d;
      d.site_id = server_->seed.site.id;
      d.name = name;
      deps.save(d);
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static SiteServer& s() { return *server_; }
  static const Seed& seed() { return server_->seed; }
  static std::string doc_url(std::int64_t id) { return web::document_url(seed().site, id); }
  static std::string portal(const std::vector<std::pair<std::string, std::string>>& q) {
    return "/xxgk/?" + form_encode(q);
  }
  // The titles of the 高级检索 results, in page order.
  static std::vector<std::string> result_titles(const std::string& html) {
    std::vector<std::string> out;
    const auto from = html.find("id=\"results\"");
    if (from == std::string::npos) return out;
    const auto to = html.find("</section>", from);
    const std::string part = html.substr(from, to - from);
    static const std::regex title(R"(<td data-label="标题"><a href="[^"]+">([^<]+)</a>)");
    for (std::sregex_iterator it(part.begin(), part.end(), title), end; it != end; ++it) out.push_back((*it)[1]);
    return out;
  }
  static SiteServer* server_;
  static std::int64_t newest_id_;
  static std::int64_t other_column_id_;
};
SiteServer* PublicPages::server_ = nullptr;
std::int64_t PublicPages::newest_id_ = 0;
std::int64_t PublicPages::other_column_id_ = 0;

// The <nav class="doc-neighbours"> part of a document page ("" if none).
std::string neighbours_of(const std::string& html) {
  const auto from = html.find("<nav class=\"doc-neighbours\"");
  if (from == std::string::npos) return {};
  return html.substr(from, html.find("</nav>", from) - from);
}

TEST_F(PublicPages, PreviousAndNextFollowPublicationOrderInTheColumnAndStopAtTheEnds) {
  const auto middle = s().get(doc_url(seed().policy_id));
  ASSERT_EQ(middle.status, 200);
  const auto nav = neighbours_of(middle.body);
  EXPECT_NE(nav.find("上一篇：<a href=\"" + doc_url(seed().repealed_id) + "\" rel=\"prev\">邵阳市旧办法</a>"), std::string::npos)
      << nav;
  EXPECT_NE(nav.find("下一篇：<a href=\"" + doc_url(newest_id_) + "\" rel=\"next\">邵阳市2018年环境保护规划</a>"),
            std::string::npos)
      << nav;
  // Withdrawn and draft documents of the column are nobody's neighbour.
  EXPECT_EQ(nav.find(doc_url(seed().withdrawn_id)), std::string::npos);
  EXPECT_EQ(nav.find(doc_url(seed().draft_id)), std::string::npos);

  const auto oldest = neighbours_of(s().get(doc_url(seed().repealed_id)).body);
  EXPECT_NE(oldest.find("上一篇：<span class=\"none\">没有了</span>"), std::string::npos) << oldest;
  EXPECT_EQ(oldest.find("rel=\"prev\""), std::string::npos);
  EXPECT_NE(oldest.find("rel=\"next\""), std::string::npos);

  const auto newest = neighbours_of(s().get(doc_url(newest_id_)).body);
  EXPECT_NE(newest.find("下一篇：<span class=\"none\">没有了</span>"), std::string::npos) << newest;
  EXPECT_EQ(newest.find("rel=\"next\""), std::string::npos);
  EXPECT_NE(newest.find("href=\"" + doc_url(seed().policy_id) + "\" rel=\"prev\""), std::string::npos);

  // Another column's documents are not neighbours: the interpretation's column has only the
  // 2012 compilation before it.
  const auto interp = neighbours_of(s().get(doc_url(seed().interpretation_id)).body);
  EXPECT_NE(interp.find("href=\"" + doc_url(other_column_id_) + "\" rel=\"prev\""), std::string::npos) << interp;
  EXPECT_EQ(interp.find(doc_url(seed().policy_id)), std::string::npos);
}

TEST_F(PublicPages, PublishingADocumentUpdatesTheCachedPageBesideIt) {
  // The 政策解读 column's newest document has no 下一篇 ...
  const std::string url = doc_url(seed().interpretation_id);
  ASSERT_EQ(neighbours_of(s().get(url).body).find("rel=\"next\""), std::string::npos);
  ASSERT_EQ(s().get(url).status, 200);  // now served from the page cache
  // ... until a newer one is published there.
  store::DocumentRepository docs(*s().db);
  domain::Document d;
  d.site_id = seed().site.id;
  d.title = "2019年政策解读";
  d.catalogue_id = seed().zcjd.id;
  d.department_id = seed().department.id;
  d.published_on = domain::Date::parse("2019-03-01");
  d.disclosure = domain::DisclosureForm::Proactive;
  const auto id = docs.save(d);
  docs.publish(id);
  const auto nav = neighbours_of(s().get(url).body);
  EXPECT_NE(nav.find("href=\"" + doc_url(id) + "\" rel=\"next\">2019年政策解读</a>"), std::string::npos) << nav;
  docs.withdraw(id);
  EXPECT_EQ(neighbours_of(s().get(url).body).find(doc_url(id)), std::string::npos) << "a withdrawn neighbour stays linked";
}

TEST_F(PublicPages, DocumentPageBreadcrumbEndsWithZhengwenAndItsToolsAreThere) {
  const auto r = s().get(doc_url(seed().policy_id));
  ASSERT_EQ(r.status, 200);
  const auto text = visible_text(r.body);
  EXPECT_NE(text.find("您现在所在的位置: 首页 > 信息公开 > 法定主动公开内容 > 规划计划 > 正文"), std::string::npos)
      << text.substr(0, 600);
  EXPECT_NE(r.body.find("<span aria-current=\"page\">正文</span>"), std::string::npos);
  // The column is a link now that 正文 is the current page.
  EXPECT_NE(r.body.find("<a href=\"/xxgk/ghjh/\">规划计划</a></li>"), std::string::npos);
  for (const char* size : {"large", "medium", "small"}) {
    EXPECT_NE(r.body.find(std::string("href=\"#fs-") + size + "\" data-font-size=\"" + size + "\""), std::string::npos) << size;
    EXPECT_NE(r.body.find(std::string("id=\"fs-") + size + "\""), std::string::npos) << size;
  }
  EXPECT_NE(r.body.find(">大</a>"), std::string::npos);
  EXPECT_NE(r.body.find("<a class=\"tool-print\" href=\"" + doc_url(seed().policy_id) + "?print=1\">打印</a>"),
            std::string::npos);
  // 关闭窗口 needs a script: hidden until static/site.js shows it.
  EXPECT_NE(r.body.find("data-action=\"close-window\" hidden>关闭窗口</button>"), std::string::npos);

  const auto print = s().get(doc_url(seed().policy_id) + "?print=1");
  ASSERT_EQ(print.status, 200);
  EXPECT_EQ(print.body.find("doc-neighbours"), std::string::npos) << "the print view has no navigation";
  EXPECT_EQ(print.body.find("关闭窗口"), std::string::npos);
}

TEST_F(PublicPages, PubDateIsTheDocumentsPublicationDateNotTheImportTime) {
  // Published through the store today (the import's moment): PubDate is its 发文日期.
  const auto imported = s().get(doc_url(seed().policy_id));
  ASSERT_EQ(imported.status, 200);
  EXPECT_EQ(meta_content(imported.body, "PubDate"), "2017-05-02 00:00");
  // First published on its 发文日期: that moment, China time.
  const auto same_day = s().get(doc_url(newest_id_));
  EXPECT_EQ(meta_content(same_day.body, "PubDate"), "2018-01-10 10:30");
  // A content page carries its column's tags (domain/README §6).
  EXPECT_EQ(meta_content(imported.body, "ColumnName"), "规划计划");
  const auto type = meta_content(imported.body, "ColumnType");
  ASSERT_TRUE(type);
  EXPECT_FALSE(type->empty());
  EXPECT_EQ(meta_content(s().get(doc_url(seed().interpretation_id)).body, "ColumnName"), "政策解读");
}

TEST_F(PublicPages, ListingOffersOnlyYearsItsColumnHasDocumentsIn) {
  const auto r = s().get("/xxgk/ghjh/");
  ASSERT_EQ(r.status, 200);
  const auto from = r.body.find("<select id=\"f-year\"");
  ASSERT_NE(from, std::string::npos);
  const std::string select = r.body.substr(from, r.body.find("</select>", from) - from);
  std::vector<std::string> years;
  static const std::regex option(R"re(<option value="(\d{4})")re");
  for (std::sregex_iterator it(select.begin(), select.end(), option), end; it != end; ++it) years.push_back((*it)[1]);
  EXPECT_EQ(years, (std::vector<std::string>{"2018", "2017", "2015"})) << select;
  EXPECT_EQ(r.body.find("2012年"), std::string::npos) << "2012 has documents only in another column";
  // The filters sit behind one control, saying what is applied.
  EXPECT_NE(r.body.find("<details class=\"filters-fold\">"), std::string::npos);
  const auto filtered = s().get("/xxgk/ghjh/?year=2017");
  EXPECT_NE(filtered.body.find("<span class=\"filters-applied\">：2017年</span>"), std::string::npos);
}

TEST_F(PublicPages, AdvancedSearchFindsByIndexNumberDocNumberDateRangeAndTopic) {
  ASSERT_FALSE(seed().policy_index_number.empty());
  const std::string part = seed().policy_index_number.substr(seed().policy_index_number.size() - 7);
  auto by_index = s().get(portal({{"index_number", part}}));
  ASSERT_EQ(by_index.status, 200) << by_index.body;
  EXPECT_EQ(result_titles(by_index.body), std::vector<std::string>{"2017年邵阳市政务公开工作要点"}) << part;

  // 文号 as a reader types it, with [] for 〔〕.
  auto by_number = s().get(portal({{"doc_number", "邵政办发[2017]12号"}}));
  ASSERT_EQ(by_number.status, 200);
  EXPECT_EQ(result_titles(by_number.body), std::vector<std::string>{"2017年邵阳市政务公开工作要点"});
  EXPECT_NE(by_number.body.find("value=\"邵政办发[2017]12号\""), std::string::npos) << "the form keeps what was typed";

  auto by_dates = s().get(portal({{"from", "2015-01-01"}, {"to", "2015-12-31"}}));
  ASSERT_EQ(by_dates.status, 200);
  EXPECT_EQ(result_titles(by_dates.body), std::vector<std::string>{"邵阳市旧办法"});
  auto bounds = s().get(portal({{"from", "2018-01-10"}, {"to", "2018-01-10"}}));
  EXPECT_EQ(result_titles(bounds.body), std::vector<std::string>{"邵阳市2018年环境保护规划"}) << "the range is inclusive";

  auto by_topic = s().get(portal({{"topic", "环境保护"}}));
  ASSERT_EQ(by_topic.status, 200);
  EXPECT_EQ(result_titles(by_topic.body), std::vector<std::string>{"邵阳市2018年环境保护规划"});
  // The 主题分类 choices are the values the documents have.
  EXPECT_NE(by_topic.body.find("<option value=\"环境保护\" selected>环境保护</option>"), std::string::npos);

  auto none = s().get(portal({{"doc_number", "湘政发〔1999〕1号"}}));
  ASSERT_EQ(none.status, 200);
  EXPECT_NE(none.body.find("检索结果：共 0 条"), std::string::npos);
  EXPECT_NE(none.body.find("没有符合条件的文件"), std::string::npos);
}

TEST_F(PublicPages, AdvancedSearchWithABadDateIsAChinese400) {
  auto bad = s().get(portal({{"from", "2017-13-01"}}));
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("发文日期起始日期“2017-13-01”不是有效的日期"), std::string::npos) << visible_text(bad.body);
  auto words = s().get(portal({{"to", "昨天"}}));
  EXPECT_EQ(words.status, 400);
  EXPECT_NE(words.body.find("截止日期“昨天”不是有效的日期"), std::string::npos);
  auto reversed = s().get(portal({{"from", "2018-01-01"}, {"to", "2017-01-01"}}));
  EXPECT_EQ(reversed.status, 400);
  EXPECT_NE(reversed.body.find("发文日期的起始日期不能晚于截止日期"), std::string::npos);
}

TEST_F(PublicPages, PortalShowsTheNewestDocumentsAndDepartmentsInTheConsolesOrder) {
  const auto r = s().get("/xxgk/");
  ASSERT_EQ(r.status, 200);
  const auto from = r.body.find("<ul class=\"doc-list latest-documents\">");
  ASSERT_NE(from, std::string::npos);
  const std::string latest = r.body.substr(from, r.body.find("</ul>", from) - from);
  const auto newest = latest.find("邵阳市2018年环境保护规划");
  const auto policy = latest.find("2017年邵阳市政务公开工作要点");
  ASSERT_NE(newest, std::string::npos);
  ASSERT_NE(policy, std::string::npos);
  EXPECT_LT(newest, policy) << "newest first";
  EXPECT_EQ(latest.find("已撤回的通知"), std::string::npos);
  EXPECT_EQ(latest.find("尚未发布的草稿"), std::string::npos);

  const auto deps = store::DepartmentRepository(*s().db).by_site(seed().site.id);
  ASSERT_EQ(deps.size(), 4u);
  std::size_t last = 0;
  for (const auto& d : deps) {
    const auto at = r.body.find("href=\"/department/" + std::to_string(d.id) + "/\">" + d.name + "</a>");
    ASSERT_NE(at, std::string::npos) << d.name;
    EXPECT_GT(at, last) << d.name << " out of the console's order";
    last = at;
  }
}

TEST_F(PublicPages, TheTwoSearchRegionsHaveDistinctNames) {
  const auto r = s().get("/search/?" + form_encode({{"q", "政务公开"}}));
  ASSERT_EQ(r.status, 200);
  static const std::regex region(R"(<form[^>]*role="search"[^>]*>)");
  static const std::regex label(R"re(aria-label="([^"]+)")re");
  std::vector<std::string> names;
  for (std::sregex_iterator it(r.body.begin(), r.body.end(), region), end; it != end; ++it) {
    const std::string tag = (*it)[0];
    std::smatch m;
    ASSERT_TRUE(std::regex_search(tag, m, label)) << "unnamed search region: " << tag;
    names.push_back(m[1]);
  }
  ASSERT_GE(names.size(), 2u) << "the header's and the page's search forms";
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size())
      << "search regions share a name: " << names[0];
}

}  // namespace
