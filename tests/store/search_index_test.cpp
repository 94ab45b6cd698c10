// 站内搜索 on both backends: what a citizen typing into the search box notices.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "domain/errors.hpp"
#include "search/normalizer.hpp"
#include "search/tokenizer.hpp"
#include "store/search_index.hpp"
#include "store_fixture.hpp"

namespace zwgk::store::test {
namespace {

class SearchIndexTest : public StoreTest {
 protected:
  std::int64_t publish(const std::string& title, const std::string& number, const std::string& body,
                       const char* date = "2017-05-02") {
    auto d = complete_draft(title, date);
    d.doc_number = number;
    d.body_html = body;
    DocumentRepository repo(*db);
    const auto id = repo.save(d);
    repo.publish(id);
    return id;
  }
  SearchResult find(const std::string& text) {
    SearchQuery q;
    q.text = text;
    q.site_id = site.id;
    return SearchIndex(*db).search(q);
  }
  std::set<std::int64_t> ids(const SearchResult& r) {
    std::set<std::int64_t> out;
    for (const auto& h : r.items) out.insert(h.document_id);
    return out;
  }
};

TEST_F(SearchIndexTest, FindsPublishedDocumentsByTitleNumberAndBodyButNotDraftsOrWithdrawn) {
  const auto a = publish("关于加强环境保护工作的通知", "湘办发〔2016〕41号", "<p>各县市区人民政府：为做好生态环境保护</p>");
  const auto b = publish("邵阳市最低生活保障实施办法", "邵政发〔2017〕3号", "<p>低保对象的认定</p>");
  auto draft = complete_draft("环境保护草稿");
  DocumentRepository(*db).save(draft);
  EXPECT_EQ(ids(find("环境保护")), std::set<std::int64_t>{a});
  EXPECT_EQ(ids(find("低保")), std::set<std::int64_t>{b});
  EXPECT_EQ(ids(find("41号")), std::set<std::int64_t>{a});
  EXPECT_EQ(ids(find("保")), (std::set<std::int64_t>{a, b}));
  DocumentRepository(*db).withdraw(a);
  EXPECT_EQ(find("环境保护").total, 0);
  DocumentRepository(*db).publish(a);
  EXPECT_EQ(find("环境保护").total, 1);
}

TEST_F(SearchIndexTest, SavingAPublishedDocumentReindexesItInTheSameTransaction) {
  const auto a = publish("旧标题", "", "<p>正文</p>");
  auto doc = *DocumentRepository(*db).by_id(a);
  doc.title = "新的城市规划";
  DocumentRepository(*db).save(doc);
  EXPECT_EQ(find("旧标题").total, 0);
  EXPECT_EQ(find("城市规划").total, 1);
}

TEST_F(SearchIndexTest, TraditionalFullWidthAndBracketVariantsFindTheSameDocument) {
  const auto a = publish("关于环境保护的通知", "湘办发〔2016〕41号", "<p>ＡＢＣ全角内容</p>");
  EXPECT_EQ(ids(find("環境保護")), std::set<std::int64_t>{a});
  EXPECT_EQ(ids(find("abc全角")), std::set<std::int64_t>{a});
  EXPECT_EQ(ids(find("ＡＢＣ")), std::set<std::int64_t>{a});
  for (const char* v : {"湘办发〔2016〕41号", "湘办发[2016]41号", "湘办发（2016）41号", "湘办发(2016)41号", "湘办发(2016"})
    EXPECT_EQ(ids(find(v)), std::set<std::int64_t>{a}) << v;
}

TEST_F(SearchIndexTest, QuerySyntaxIsLiteralTextNeverAnError) {
  const auto a = publish("AND NEAR(政策) 说明 \"引号\" a*b x-y", "", "<p>正文</p>");
  publish("无关文件", "", "<p>其他</p>");
  for (const char* q : {"\"", "*", "-", "(", ")", "[", "NEAR(", "。"})
    EXPECT_NO_THROW(find(q)) << q;
  EXPECT_TRUE(find("\"").empty_query);
  EXPECT_EQ(ids(find("AND")), std::set<std::int64_t>{a});
  EXPECT_EQ(ids(find("NEAR(政策")), std::set<std::int64_t>{a});
  EXPECT_EQ(ids(find("\"引号\"")), std::set<std::int64_t>{a});
  EXPECT_EQ(ids(find("a*b")), std::set<std::int64_t>{a});
  EXPECT_EQ(ids(find("x-y")), std::set<std::int64_t>{a});
  EXPECT_EQ(find("OR").total, 0);
  EXPECT_NO_THROW(find(std::string("\xff\xfe\xc3(", 4)));
  std::string noise;
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) noise += static_cast<char>(rng() % 94 + 33);
  EXPECT_THROW(find(noise), domain::ValidationError);
  EXPECT_NO_THROW(find(noise.substr(0, 190)));
}

TEST_F(SearchIndexTest, BeyondTheCapTitleMatchesComeFirstThenNewestAndTheTotalSaysMore) {
  // 12 body matches over 12 days and 2 title matches; a cap of 5 stands in for 10,000.
  std::set<std::int64_t> body_ids;
  for (int i = 0; i < 12; ++i) {
    char date[32];  // room for any int: -O1 -Wformat-truncation
    std::snprintf(date, sizeof date, "2019-01-%02d", i + 1);
    body_ids.insert(publish("通知" + std::to_string(i), "", "<p>关于低保的说明</p>", date));
  }
  const auto old_title = publish("低保办法", "", "<p>内容</p>", "2010-01-01");
  const auto new_title = publish("低保细则", "", "<p>内容</p>", "2011-01-01");
  SearchQuery q;
  q.text = "低保";
  q.site_id = site.id;
  q.count_cap = 5;
  q.per_page = 4;
  auto r = SearchIndex(*db).search(q);
  EXPECT_EQ(r.total, 5);
  EXPECT_TRUE(r.total_capped);
  EXPECT_TRUE(r.facets_approximate);
  ASSERT_EQ(r.items.size(), 4u);
  EXPECT_EQ(r.items[0].document_id, new_title);
  EXPECT_EQ(r.items[1].document_id, old_title);
  EXPECT_EQ(r.items[2].published_on->iso(), "2019-01-12");  // then the newest body matches
  EXPECT_EQ(r.items[3].published_on->iso(), "2019-01-11");
  q.page = 2;  // continues without repeating, and ends at the cap
  r = SearchIndex(*db).search(q);
  ASSERT_EQ(r.items.size(), 4u);
  EXPECT_EQ(r.items[0].published_on->iso(), "2019-01-10");
  q.page = 3;
  EXPECT_TRUE(SearchIndex(*db).search(q).items.empty());
  q.page = 1;
  q.count_cap = 100;  // within the cap: exact
  r = SearchIndex(*db).search(q);
  EXPECT_EQ(r.total, 14);
  EXPECT_FALSE(r.total_capped);
  EXPECT_FALSE(r.facets_approximate);
}

TEST_F(SearchIndexTest, BeyondTheCapTitleHitsFollowRetitlingAndWithdrawal) {
  // The title/文号 pass reads its own index: a new title, a withdrawal and a 文号 must
  // show there in the same transaction as everywhere else.
  for (int i = 0; i < 6; ++i) publish("通知" + std::to_string(i), "", "<p>关于低保的说明</p>", "2019-01-01");
  const auto titled = publish("低保办法", "", "<p>内容</p>", "2010-01-01");
  const auto numbered = publish("通知", "低保发〔2011〕1号", "<p>内容</p>", "2011-01-01");
  SearchQuery q;
  q.text = "低保";
  q.site_id = site.id;
  q.count_cap = 3;
  q.per_page = 2;
  auto r = SearchIndex(*db).search(q);
  ASSERT_TRUE(r.total_capped);
  ASSERT_EQ(r.items.size(), 2u);
  EXPECT_EQ(ids(r), (std::set<std::int64_t>{titled, numbered}));
  auto doc = *DocumentRepository(*db).by_id(titled);
  doc.title = "救助办法";
  DocumentRepository(*db).save(doc);
  DocumentRepository(*db).withdraw(numbered);
  r = SearchIndex(*db).search(q);
  ASSERT_EQ(r.items.size(), 2u);
  EXPECT_EQ(r.items[0].published_on->iso(), "2019-01-01");  // no title hit left: newest first
  EXPECT_EQ(r.items[1].published_on->iso(), "2019-01-01");
}

TEST_F(SearchIndexTest, ACommonQueryCountsTheNewestMatchesWhereverTheyAre) {
  // With statistics, PostgreSQL takes a query matching more than the cap as common and
  // walks the newest entries first; here the newest entries do not match, so the count
  // must carry on into older ones. The same answer on SQLite.
  std::set<std::int64_t> matching;
  for (int i = 0; i < 12; ++i) {
    char date[32];  // room for any int: -O1 -Wformat-truncation
    std::snprintf(date, sizeof date, "2018-01-%02d", i + 1);
    matching.insert(publish("通知" + std::to_string(i), "", "<p>关于低保的说明</p>", date));
  }
  for (int i = 0; i < 12; ++i) {
    char date[32];  // room for any int: -O1 -Wformat-truncation
    std::snprintf(date, sizeof date, "2019-02-%02d", i + 1);
    publish("公告" + std::to_string(i), "", "<p>其他内容</p>", date);
  }
  db->refresh_statistics();
  SearchQuery q;
  q.text = "低保";
  q.site_id = site.id;
  q.count_cap = 3;
  q.per_page = 2;
  q.sort_by_date = true;
  auto r = SearchIndex(*db).search(q);
  EXPECT_EQ(r.total, 3);
  EXPECT_TRUE(r.total_capped);
  ASSERT_EQ(r.items.size(), 2u);
  EXPECT_EQ(r.items[0].published_on->iso(), "2018-01-12");
  EXPECT_EQ(r.items[1].published_on->iso(), "2018-01-11");
  q.page = 2;
  r = SearchIndex(*db).search(q);
  ASSERT_EQ(r.items.size(), 2u);
  EXPECT_EQ(r.items[0].published_on->iso(), "2018-01-10");
  q.page = 1;
  q.per_page = 20;
  q.count_cap = 11;
  r = SearchIndex(*db).search(q);
  EXPECT_EQ(r.total, 11);
  EXPECT_TRUE(r.total_capped);
  q.count_cap = 100;
  q.sort_by_date = false;
  r = SearchIndex(*db).search(q);
  EXPECT_EQ(r.total, 12);
  EXPECT_FALSE(r.total_capped);
  EXPECT_EQ(ids(r), matching);
  q.text = "低保的说明";  // a phrase: re-checked on the text
  q.count_cap = 3;
  r = SearchIndex(*db).search(q);
  EXPECT_EQ(r.total, 3);
  EXPECT_TRUE(r.total_capped);
}

TEST_F(SearchIndexTest, AFacetCountsWithoutItsOwnFilter) {
  publish("低保办法", "", "<p>内容</p>", "2015-01-01");
  publish("低保细则", "", "<p>内容</p>", "2016-01-01");
  SearchQuery q;
  q.text = "低保";
  q.site_id = site.id;
  q.year = 2015;
  const auto r = SearchIndex(*db).search(q);
  EXPECT_EQ(r.total, 1);
  EXPECT_EQ(r.facets.years.at(2015), 1);
  EXPECT_EQ(r.facets.years.at(2016), 1);  // still selectable
  EXPECT_EQ(r.facets.types.at("document"), 1);  // other facets follow the filter
}

TEST_F(SearchIndexTest, RanksTitleHitsAboveBodyHitsAndNewerFirstOnTies) {
  const auto body = publish("工作通知", "", "<p>关于低保的说明</p>", "2018-01-01");
  const auto old_title = publish("低保办法", "", "<p>内容</p>", "2015-01-01");
  const auto new_title = publish("低保细则", "", "<p>内容</p>", "2016-01-01");
  auto r = find("低保");
  ASSERT_EQ(r.items.size(), 3u);
  EXPECT_EQ(r.items[0].document_id, new_title);
  EXPECT_EQ(r.items[1].document_id, old_title);
  EXPECT_EQ(r.items[2].document_id, body);
  SearchQuery q;
  q.text = "低保";
  q.site_id = site.id;
  q.sort_by_date = true;
  EXPECT_EQ(SearchIndex(*db).search(q).items[0].document_id, body);
  q.sort_by_date = false;
  q.year = 2015;
  r = SearchIndex(*db).search(q);
  EXPECT_EQ(ids(r), std::set<std::int64_t>{old_title});
}

TEST_F(SearchIndexTest, SnippetsHighlightTheMatchAndEscapeHtml) {
  publish("<script>x</script>通知", "", "<p>前文 &lt;b&gt; 環境保護 后文</p>");
  auto r = find("环境保护");
  ASSERT_EQ(r.items.size(), 1u);
  EXPECT_NE(r.items[0].snippet_html.find("<em>環境保護</em>"), std::string::npos) << r.items[0].snippet_html;
  EXPECT_NE(r.items[0].snippet_html.find("&lt;b&gt;"), std::string::npos);
  EXPECT_EQ(find("通知").items[0].title_html.find("<script>"), std::string::npos);
}

TEST_F(SearchIndexTest, FacetsCountTypesYearsAndDepartments) {
  publish("低保通知一", "", "", "2016-03-01");
  publish("低保通知二", "", "", "2017-03-01");
  auto r = find("低保");
  EXPECT_EQ(r.total, 2);
  EXPECT_EQ(r.facets.types["document"], 2);
  EXPECT_EQ(r.facets.years[2016], 1);
  EXPECT_EQ(r.facets.departments[department.id], 2);
}

TEST_F(SearchIndexTest, AttachmentTextIsSearchable) {
  auto d = complete_draft("带附件的通知");
  d.attachments.push_back(domain::Attachment{0, "附件1.pdf", std::string(64, 'a'), "application/pdf", 10});
  DocumentRepository repo(*db);
  const auto id = repo.save(d);
  repo.publish(id);
  const auto att = repo.by_id(id)->attachments.at(0).id;
  SearchIndex(*db).set_attachment_text(att, "附件中的财政预算表");
  auto r = find("财政预算");
  ASSERT_EQ(r.total, 1);
  EXPECT_EQ(r.items[0].type, SearchType::Attachment);
  EXPECT_THROW(SearchIndex(*db).set_attachment_text(att + 1000, "x"), NotFound);
}

// 100% recall and no false hits against a substring scan, on 10,000 generated documents.
TEST_F(SearchIndexTest, ReindexWritesWhatPublishingWroteAndDropsWhatIsNoLongerPublished) {
  const auto a = publish("关于加强环境保护工作的通知", "湘办发〔2016〕41号", "<p>生态环境保护</p>", "2016-03-01");
  auto d = complete_draft("带附件的通知", "2017-01-01");
  d.attachments.push_back(domain::Attachment{0, "附件1.pdf", std::string(64, 'b'), "application/pdf", 10});
  DocumentRepository repo(*db);
  const auto b = repo.save(d);
  repo.publish(b);
  SearchIndex(*db).set_attachment_text(repo.by_id(b)->attachments.at(0).id, "附件中的财政预算表");
  const auto c = publish("邵阳市最低生活保障实施办法", "", "<p>低保对象的认定</p>", "2018-01-01");
  const std::vector<std::string> queries{"环境保护", "湘办发(2016)41号", "财政预算", "附件", "低保", "保", "通知"};
  std::vector<std::pair<std::int64_t, std::vector<std::int64_t>>> before;
  for (const auto& text : queries) {
    auto r = find(text);
    std::vector<std::int64_t> order;
    for (const auto& h : r.items) order.push_back(h.document_id);
    before.emplace_back(r.total, order);
  }
  EXPECT_EQ(SearchIndex(*db).reindex(), 3);
  for (std::size_t i = 0; i < queries.size(); ++i) {
    auto r = find(queries[i]);
    std::vector<std::int64_t> order;
    for (const auto& h : r.items) order.push_back(h.document_id);
    EXPECT_EQ(r.total, before[i].first) << queries[i];
    EXPECT_EQ(order, before[i].second) << queries[i];
  }
  EXPECT_EQ(find("财政预算").items.at(0).type, SearchType::Attachment);
  EXPECT_EQ(SearchIndex(*db).stale_entries(), 0);
  // Withdrawn between two rebuilds: gone; the others stay, and edits after a rebuild still
  // reach the index one by one.
  repo.withdraw(c);
  EXPECT_EQ(SearchIndex(*db).reindex(), 2);
  EXPECT_EQ(find("低保").total, 0);
  EXPECT_EQ(ids(find("保")), (std::set<std::int64_t>{a}));
  auto doc = *repo.by_id(a);
  doc.title = "新的城市规划";
  repo.save(doc);
  EXPECT_EQ(ids(find("城市规划")), std::set<std::int64_t>{a});
  EXPECT_EQ(find("加强环境").total, 0);
}

TEST_F(SearchIndexTest, AFirstBuildCommittedInSlicesFindsWhatOneByOneIndexingFound) {
  // 600 documents, slices of 256: three chunks, two commits in between.
  std::set<std::int64_t> with_low, with_edu;
  {
    Batch batch(*db);
    DocumentRepository repo(*db);
    for (int i = 0; i < 600; ++i) {
      auto d = complete_draft("第" + std::to_string(i) + "号通知", i % 2 ? "2019-03-01" : "2018-07-15");
      d.legacy = true;
      d.body_html = i % 3 ? "<p>关于低保的说明</p>" : "<p>关于教育的说明</p>";
      const auto id = repo.save(d);
      repo.publish(id);
      (i % 3 ? with_low : with_edu).insert(id);
    }
    batch.commit();
  }
  const auto all_ids = [&](const std::string& text) {
    SearchQuery q;
    q.text = text;
    q.site_id = site.id;
    q.per_page = 100;
    std::set<std::int64_t> found;
    for (int page = 1; page <= 6; ++page) {
      q.page = page;
      for (const auto& h : SearchIndex(*db).search(q).items) found.insert(h.document_id);
    }
    return found;
  };
  ASSERT_EQ(all_ids("低保"), with_low);
  // Empty the index the way a new installation or a lost index has it, then build it.
  db->execute("DELETE FROM search_entries");
  if (db->backend() == Backend::Sqlite) {
    db->execute("DELETE FROM search_texts");
    db->execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')");
    db->execute("INSERT INTO search_title_fts (search_title_fts) VALUES ('delete-all')");
  }
  ASSERT_EQ(find("低保").total, 0);
  std::vector<std::int64_t> progress;
  EXPECT_EQ(SearchIndex(*db).reindex([&](std::int64_t done, std::int64_t) { progress.push_back(done); }, 256), 600);
  EXPECT_EQ(progress, (std::vector<std::int64_t>{256, 512, 600}));
  EXPECT_EQ(all_ids("低保"), with_low);
  EXPECT_EQ(all_ids("教育"), with_edu);
  EXPECT_EQ(find("第599号").total, 1);
  // One-by-one indexing carries on from the built index.
  auto doc = complete_draft("新的城市规划", "2019-03-01");
  DocumentRepository repo(*db);
  const auto id = repo.save(doc);
  repo.publish(id);
  EXPECT_EQ(ids(find("城市规划")), std::set<std::int64_t>{id});
}

TEST_F(SearchIndexTest, WithinTheCapMoreOccurrencesInAShorterTextRankHigher) {
  // BM25 on SQLite (zwgk_rank for one term): term frequency, length normalisation, title
  // and 文号 above body. PostgreSQL ranks by title and 文号 only, then newest first.
  const auto once_long = publish("通知一", "", "<p>关于低保的说明。" + std::string(60, 'x') + "</p>", "2019-01-03");
  const auto often_short = publish("通知二", "", "<p>低保，低保，低保。</p>", "2018-01-01");
  const auto once_short = publish("通知三", "", "<p>关于低保。</p>", "2017-01-01");
  const auto titled = publish("低保办法", "", "<p>内容</p>", "2010-01-01");
  auto r = find("低保");
  ASSERT_EQ(r.items.size(), 4u);
  EXPECT_EQ(r.items[0].document_id, titled);
  std::vector<std::int64_t> body_order{r.items[1].document_id, r.items[2].document_id, r.items[3].document_id};
  if (db->backend() == Backend::Sqlite) {
    EXPECT_EQ(body_order, (std::vector<std::int64_t>{often_short, once_short, once_long}));
  } else {
    EXPECT_EQ(body_order, (std::vector<std::int64_t>{once_long, often_short, once_short}));
  }
}

TEST_F(SearchIndexTest, BeyondTheCapATitleWordInManyTitlesShowsTheNewestTitlesFirst) {
  // Ranking every title match of a word most titles hold (关于印发, 通知) cost the SQLite
  // tail; past title_rank_cap title matches, the newest come first instead.
  const auto short_title = publish("低保", "低保〔2015〕1号", "<p>低保</p>", "2015-01-01");
  const auto newer = publish("关于进一步做好城乡居民最低生活保障低保工作的通知", "", "<p>低保</p>", "2016-01-01");
  const auto newest = publish("关于印发低保资金管理办法的通知", "", "<p>低保</p>", "2017-01-01");
  for (int i = 0; i < 4; ++i) publish("公告" + std::to_string(i), "", "<p>关于低保的说明</p>", "2018-01-01");
  SearchQuery q;
  q.text = "低保";
  q.site_id = site.id;
  q.count_cap = 3;
  auto r = SearchIndex(*db).search(q);
  ASSERT_TRUE(r.total_capped);
  ASSERT_GE(r.items.size(), 3u);
  EXPECT_EQ(r.items[0].document_id, short_title);  // ranked: in the title and the 文号
  q.title_rank_cap = 2;  // three title matches: more than the ranking cap
  r = SearchIndex(*db).search(q);
  ASSERT_GE(r.items.size(), 3u);
  EXPECT_EQ(r.items[0].document_id, newest);
  EXPECT_EQ(r.items[1].document_id, newer);
  EXPECT_EQ(r.items[2].document_id, short_title);
}

TEST_F(SearchIndexTest, RecallAgainstSubstringOracleOnTenThousandDocuments) {
  static const std::vector<std::string> vocab = {
      "人民政府", "关于", "加强", "环境保护", "工作", "通知", "实施", "意见", "办法", "城乡", "居民", "最低",
      "生活保障", "财政", "预算", "管理", "规定", "安全生产", "责任", "教育", "卫生", "健康", "交通", "运输",
      "乡村振兴", "农业", "农村", "扶贫", "住房", "公积金", "社会保险", "医疗", "改革", "发展", "规划", "建设",
      "项目", "资金", "审计", "监督", "市场", "监管", "，", "。", "、", "2016", "41号", "第一", "条"};
  std::mt19937 rng(20240501);
  auto sentence = [&](int words) {
    std::string s;
    for (int i = 0; i < words; ++i) s += vocab[rng() % vocab.size()];
    return s;
  };
  struct Doc { std::int64_t id; std::string text; };
  std::vector<Doc> docs;
  {
    Batch batch(*db);
    DocumentRepository repo(*db);
    for (int i = 0; i < 10000; ++i) {
      domain::Document d;
      d.site_id = site.id;
      d.legacy = true;
      d.title = sentence(4);
      d.body_html = "<p>" + sentence(12) + "</p>";
      const auto id = repo.save(d);
      repo.publish(id);
      docs.push_back({id, search::normalize_for_search(d.title) + "\n" + search::normalize_for_search(sentence(0) + d.body_html.substr(3, d.body_html.size() - 7))});
    }
    batch.commit();
  }
  SearchIndex index(*db);
  int checked = 0;
  for (int n = 0; n < 150; ++n) {
    // The first half checks the entries publishing wrote one by one, the second half the
    // bulk rebuild's (`zwgk reindex`: COPY on PostgreSQL, texts prepared on a worker).
    if (n == 75) {
      ASSERT_EQ(index.reindex(), 10000);
    }
    const auto& source = docs[rng() % docs.size()].text;
    // a random piece of 1-8 characters, on character boundaries, not across the title/body cut
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < source.size(); ++i)
      if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) starts.push_back(i);
    starts.push_back(source.size());
    const std::size_t len = 1 + rng() % 8;
    if (starts.size() <= len + 1) continue;
    const std::size_t from = rng() % (starts.size() - len);
    const std::string piece = source.substr(starts[from], starts[from + len] - starts[from]);
    if (piece.find('\n') != std::string::npos || search::query_tokens(piece).empty()) continue;
    std::set<std::int64_t> oracle;
    for (const auto& d : docs)
      if (d.text.find(piece) != std::string::npos) oracle.insert(d.id);
    SearchQuery q;
    q.text = piece;
    q.site_id = site.id;
    q.with_facets = false;
    q.per_page = 100;
    auto r = index.search(q);
    ASSERT_EQ(r.total, static_cast<std::int64_t>(oracle.size())) << piece;
    if (oracle.size() <= 300) {  // the whole result set, page by page
      std::set<std::int64_t> found;
      for (int page = 1; (page - 1) * 100 < r.total; ++page) {
        q.page = page;
        for (const auto& h : index.search(q).items) found.insert(h.document_id);
      }
      ASSERT_EQ(found, oracle) << piece;
    }
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace zwgk::store::test
