#include "store/document_repository.hpp"

#include <gtest/gtest.h>

#include <set>

#include "domain/errors.hpp"
#include "domain/html_sanitizer.hpp"
#include "store/blob_store.hpp"
#include "store/database_impl.hpp"
#include "store_fixture.hpp"

namespace zwgk::store::test {
namespace {

class DocumentRepositoryTest : public StoreTest {
 protected:
  DocumentRepository docs() { return DocumentRepository(*db); }

  std::int64_t published(domain::Document d) {
    auto id = docs().save(d);
    docs().publish(id);
    return id;
  }
};

domain::Document every_field(std::int64_t site_id, std::int64_t catalogue_id, std::int64_t department_id) {
  domain::Document d;
  d.site_id = site_id;
  d.external_id = "ext-001";
  d.title = "邵阳市人民政府办公室关于印发《邵阳市2017年政务公开工作要点》的通知";
  d.doc_number = "邵政办发〔2017〕12号";
  d.index_number = "";
  d.catalogue_id = catalogue_id;
  d.department_id = department_id;
  d.issuer = "邵阳市人民政府办公室";
  d.written_on = date("2017-04-28");
  d.published_on = date("2017-05-02");
  d.disclosure = domain::DisclosureForm::OnRequest;
  d.effective_on = date("2017-06-01");
  d.expires_on = date("2022-05-31");
  d.repealed_on = date("2023-01-01");
  d.amended = true;
  d.topic = "综合政务";
  d.summary = "部署2017年全市政务公开工作。";
  d.body_html = "<p>各县市区人民政府，市直各单位：</p><p>现将…印发给你们。</p>";
  d.kind = domain::DocumentKind::Document;
  d.legacy = true;
  d.first_published_at = "2017-05-02T08:00:00Z";
  domain::Attachment a1;
  a1.file_name = "附件1.pdf";
  a1.sha256 = std::string(64, 'a');
  a1.media_type = "application/pdf";
  a1.size = 12345;
  domain::Attachment a2 = a1;
  a2.file_name = "附件2.docx";
  a2.sha256 = std::string(64, 'b');
  a2.media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  a2.size = 678;
  d.attachments = {a1, a2};
  return d;
}

TEST_F(DocumentRepositoryTest, SaveAndLoadEveryField) {
  const auto cat = catalogue("ghjh");
  const auto in = every_field(site.id, cat, department.id);
  const auto id = docs().save(in);
  ASSERT_GT(id, 0);
  const auto out = docs().by_id(id);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->id, id);
  EXPECT_EQ(out->site_id, in.site_id);
  EXPECT_EQ(out->external_id, in.external_id);
  EXPECT_EQ(out->title, in.title);
  EXPECT_EQ(out->doc_number, in.doc_number);
  EXPECT_EQ(out->index_number, "");
  EXPECT_EQ(out->catalogue_id, in.catalogue_id);
  EXPECT_EQ(out->department_id, in.department_id);
  EXPECT_EQ(out->issuer, in.issuer);
  EXPECT_EQ(out->written_on, in.written_on);
  EXPECT_EQ(out->published_on, in.published_on);
  EXPECT_EQ(out->disclosure, in.disclosure);
  EXPECT_EQ(out->effective_on, in.effective_on);
  EXPECT_EQ(out->expires_on, in.expires_on);
  EXPECT_EQ(out->repealed_on, in.repealed_on);
  EXPECT_EQ(out->amended, in.amended);
  EXPECT_EQ(out->topic, in.topic);
  EXPECT_EQ(out->summary, in.summary);
  EXPECT_EQ(out->body_html, in.body_html);
  EXPECT_EQ(out->kind, in.kind);
  EXPECT_EQ(out->state, domain::DocumentState::Draft);
  EXPECT_EQ(out->legacy, in.legacy);
  EXPECT_EQ(out->interprets_id, in.interprets_id);
  EXPECT_EQ(out->first_published_at, in.first_published_at);
  EXPECT_EQ(out->created_at.size(), 20u) << out->created_at;  // 2024-05-01T08:30:00Z
  EXPECT_EQ(out->created_at.back(), 'Z');
  EXPECT_EQ(out->updated_at, out->created_at);
  ASSERT_EQ(out->attachments.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_GT(out->attachments[i].id, 0);
    EXPECT_EQ(out->attachments[i].position, static_cast<int>(i));
    EXPECT_EQ(out->attachments[i].file_name, in.attachments[i].file_name);
    EXPECT_EQ(out->attachments[i].sha256, in.attachments[i].sha256);
    EXPECT_EQ(out->attachments[i].media_type, in.attachments[i].media_type);
    EXPECT_EQ(out->attachments[i].size, in.attachments[i].size);
  }
  EXPECT_EQ(docs().by_external_id(site.id, "ext-001")->id, id);
  EXPECT_FALSE(docs().by_external_id(site.id, "nope"));
  EXPECT_FALSE(docs().by_id(id + 1000));
}

// Bodies are filtered where they are stored, once, so a public page need not parse them
// again (issue 18); a row stored without the filter says so (body_filter 0).
TEST_F(DocumentRepositoryTest, TheBodyIsFilteredWhenStoredAndSaysWithWhichAllowList) {
  auto d = every_field(site.id, catalogue("ghjh"), department.id);
  d.attachments.clear();
  d.body_html = "<p onclick=\"steal()\">正文<script>alert(1)</script></p><a href=\"javascript:x\">链接</a>";
  const auto id = docs().save(d);
  const auto out = docs().by_id(id);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->body_html.find("script"), std::string::npos) << out->body_html;
  EXPECT_EQ(out->body_html.find("onclick"), std::string::npos);
  EXPECT_EQ(out->body_html.find("javascript:"), std::string::npos);
  EXPECT_NE(out->body_html.find("正文"), std::string::npos);
  EXPECT_EQ(out->body_filter, domain::kSanitizerVersion);
  // A row written around the repository (an older version, a direct load) carries 0.
  {
    Lease lease(*db);
    lease.sql() << "UPDATE documents SET body_filter = 0 WHERE id = :id", soci::use(id, "id");
  }
  EXPECT_EQ(docs().by_id(id)->body_filter, 0);
}

// A column's years (the 年份 filter) are probed on the catalogue index: years with gaps,
// drafts not counted, and a catalogue of another site gives nothing.
TEST_F(DocumentRepositoryTest, AColumnsYearsSkipTheGapsAndIgnoreDrafts) {
  for (const char* day : {"2024-06-30", "2024-01-01", "2021-12-31", "2019-01-01", "2019-07-15"})
    published(complete_draft(std::string("规划 ") + day, day));
  docs().save(complete_draft("草稿不算", "2023-05-05"));
  EXPECT_EQ(docs().years(site.id, catalogue("ghjh")), (std::vector<int>{2024, 2021, 2019}));
  EXPECT_TRUE(docs().years(site.id, catalogue("zcwj")).empty());
  EXPECT_TRUE(docs().years(site.id + 999, catalogue("ghjh")).empty()) << "another site's column";
  DocumentQuery q;
  q.site_id = site.id + 999;
  q.catalogue_id = catalogue("ghjh");
  q.per_page = 20;
  EXPECT_EQ(docs().list(q).total, 0) << "a listing never crosses sites";
  q.site_id = site.id;
  q.year = 2019;
  const auto page = docs().list(q);
  EXPECT_EQ(page.total, 2);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].title, "规划 2019-07-15") << "newest first";
}

TEST_F(DocumentRepositoryTest, NullsRoundTrip) {
  domain::Document d;
  d.site_id = site.id;
  d.title = "只有标题";
  const auto out = *docs().by_id(docs().save(d));
  EXPECT_FALSE(out.catalogue_id);
  EXPECT_FALSE(out.department_id);
  EXPECT_FALSE(out.written_on);
  EXPECT_FALSE(out.published_on);
  EXPECT_FALSE(out.disclosure);
  EXPECT_FALSE(out.effective_on);
  EXPECT_FALSE(out.expires_on);
  EXPECT_FALSE(out.repealed_on);
  EXPECT_FALSE(out.interprets_id);
  EXPECT_FALSE(out.amended);
  EXPECT_FALSE(out.legacy);
  EXPECT_TRUE(out.attachments.empty());
}

TEST_F(DocumentRepositoryTest, UpdateKeepsStateAndTimestampsAndAttachmentIds) {
  auto in = every_field(site.id, catalogue("ghjh"), department.id);
  const auto id = docs().save(in);
  auto loaded = *docs().by_id(id);
  const auto first_attachment = loaded.attachments[0].id;
  const auto second_attachment = loaded.attachments[1].id;
  // Reorder, drop one, add one.
  domain::Attachment added;
  added.file_name = "附件3.xlsx";
  added.sha256 = std::string(64, 'c');
  loaded.attachments = {loaded.attachments[1], added};
  loaded.title = "新标题";
  loaded.state = domain::DocumentState::Published;  // ignored: publish() does that
  loaded.created_at = "1999-01-01T00:00:00Z";        // ignored
  docs().save(loaded);
  const auto out = *docs().by_id(id);
  EXPECT_EQ(out.title, "新标题");
  EXPECT_EQ(out.state, domain::DocumentState::Draft);
  EXPECT_NE(out.created_at, "1999-01-01T00:00:00Z");
  ASSERT_EQ(out.attachments.size(), 2u);
  EXPECT_EQ(out.attachments[0].id, second_attachment);
  EXPECT_EQ(out.attachments[0].position, 0);
  EXPECT_EQ(out.attachments[1].file_name, "附件3.xlsx");
  EXPECT_NE(out.attachments[1].id, first_attachment);
}

TEST_F(DocumentRepositoryTest, ExternalIdIsUniquePerSite) {
  auto d = complete_draft("一");
  d.external_id = "same";
  docs().save(d);
  d.title = "二";
  EXPECT_THROW(docs().save(d), StoreError);
  d.external_id = "";
  docs().save(d);
  docs().save(d);  // empty external ids never collide
}

TEST_F(DocumentRepositoryTest, CatalogueAndDepartmentMustBelongToTheSite) {
  domain::Site other;
  other.code = "xinshao";
  other = SiteRepository(*db).save(other);
  auto d = complete_draft("跨站");
  d.site_id = other.id;
  EXPECT_THROW(docs().save(d), domain::ValidationError);
  d.catalogue_id = 987654;
  d.department_id.reset();
  EXPECT_THROW(docs().save(d), domain::ValidationError);
  DocumentQuery q;
  q.site_id = other.id;
  q.published_only = false;
  EXPECT_EQ(docs().list(q).total, 0);
}

TEST_F(DocumentRepositoryTest, SaveUnknownIdIsNotFound) {
  auto d = complete_draft("幽灵");
  d.id = 123456;
  EXPECT_THROW(docs().save(d), NotFound);
}

TEST_F(DocumentRepositoryTest, SaveNotifiesDocumentCatalogueAncestorsAndLists) {
  const auto jy = catalogue("jy");  // 法定主动公开内容 > 民生保障 > 教育
  auto d = complete_draft("教育文件");
  d.catalogue_id = jy;
  const auto id = docs().save(d);
  EXPECT_TRUE(tagged(domain::tag_document(id)));
  EXPECT_TRUE(tagged(domain::tag_catalogue(jy)));
  EXPECT_TRUE(tagged(domain::tag_catalogue(catalogue("msbz"))));
  EXPECT_TRUE(tagged(domain::tag_catalogue(catalogue("fdzdgknr"))));
  EXPECT_TRUE(tagged(domain::tag_site_lists(site.id)));
  EXPECT_FALSE(tagged(domain::tag_catalogue(catalogue("ghjh"))));

  // Moving to another catalogue touches the old and the new one.
  auto loaded = *docs().by_id(id);
  loaded.catalogue_id = catalogue("tjxx");
  docs().save(loaded);
  EXPECT_TRUE(tagged(domain::tag_catalogue(jy)));
  EXPECT_TRUE(tagged(domain::tag_catalogue(catalogue("tjxx"))));

  // An interpretation touches the document it explains.
  auto interp = complete_draft("解读");
  interp.kind = domain::DocumentKind::Interpretation;
  interp.interprets_id = id;
  const auto interp_id = docs().save(interp);
  EXPECT_TRUE(tagged(domain::tag_document(interp_id)));
  EXPECT_TRUE(tagged(domain::tag_document(id)));
  docs().publish(interp_id);
  EXPECT_TRUE(tagged(domain::tag_document(id)));
  docs().withdraw(interp_id);
  EXPECT_TRUE(tagged(domain::tag_document(id)));
}

TEST_F(DocumentRepositoryTest, InterpretationsOf) {
  const auto policy = published(complete_draft("政策"));
  auto a = complete_draft("图解", "2017-05-03");
  a.kind = domain::DocumentKind::Interpretation;
  a.interprets_id = policy;
  const auto a_id = published(a);
  auto b = a;
  b.title = "文字解读";
  b.published_on = date("2017-05-04");
  const auto b_id = published(b);
  auto draft = a;
  draft.title = "未发布的解读";
  docs().save(draft);
  const auto got = docs().interpretations_of(policy);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].id, b_id);
  EXPECT_EQ(got[1].id, a_id);
  EXPECT_TRUE(docs().interpretations_of(a_id).empty());
}

class DocumentListTest : public DocumentRepositoryTest {
 protected:
  void SetUp() override {
    DocumentRepositoryTest::SetUp();
    domain::Department other;
    other.site_id = site.id;
    other.name = "邵阳市财政局";
    other.credit_code = uscc("11430500MB1234567");
    finance = DepartmentRepository(*db).save(other).id;
  }
  std::int64_t finance = 0;
};

TEST_F(DocumentListTest, CatalogueFilterIncludesDescendants) {
  auto in_jy = complete_draft("教育");
  in_jy.catalogue_id = catalogue("jy");
  auto in_msbz = complete_draft("民生");
  in_msbz.catalogue_id = catalogue("msbz");
  auto in_ghjh = complete_draft("规划");
  const auto jy_id = published(in_jy), msbz_id = published(in_msbz);
  published(in_ghjh);

  DocumentQuery q;
  q.site_id = site.id;
  q.catalogue_id = catalogue("msbz");
  auto page = docs().list(q);
  EXPECT_EQ(page.total, 2);
  std::set<std::int64_t> ids;
  for (const auto& d : page.items) ids.insert(d.id);
  EXPECT_EQ(ids, (std::set<std::int64_t>{jy_id, msbz_id}));
  q.catalogue_id = catalogue("fdzdgknr");
  EXPECT_EQ(docs().list(q).total, 3);
  q.catalogue_id = catalogue("jy");
  EXPECT_EQ(docs().list(q).total, 1);
  q.catalogue_id = catalogue("tjxx");
  EXPECT_EQ(docs().list(q).total, 0);

  const auto direct = docs().count_by_catalogue(site.id);
  EXPECT_EQ(direct.at(catalogue("jy")), 1);
  EXPECT_EQ(direct.at(catalogue("msbz")), 1);
  EXPECT_FALSE(direct.count(catalogue("fdzdgknr")));
  const auto rolled = docs().count_by_catalogue(site.id, true);
  EXPECT_EQ(rolled.at(catalogue("msbz")), 2);
  EXPECT_EQ(rolled.at(catalogue("fdzdgknr")), 3);
}

// The counts a column's listing and the portal show are kept by the database (migration
// 0033): they follow a publish, a withdrawal, a move to another column or department, a
// deletion and a row written around the repository, and always equal a count(*).
TEST_F(DocumentListTest, MaintainedCountsFollowEveryChangeAndEqualACount) {
  const auto ghjh = catalogue("ghjh"), jy = catalogue("jy");
  auto truth = [&](std::int64_t cat) {
    Lease lease(*db);
    long long n = 0, c = cat;
    lease.sql() << "SELECT count(*) FROM documents WHERE catalogue_id = :c AND state = 'published'", soci::use(c, "c"),
        soci::into(n);
    return n;
  };
  auto listed = [&](std::int64_t cat) {
    DocumentQuery q;
    q.site_id = site.id;
    q.catalogue_id = cat;
    return docs().list(q).total;
  };
  auto check = [&](const char* when) {
    DocumentQuery whole_site;
    whole_site.site_id = site.id;
    Lease lease(*db);
    long long n = 0, sid = site.id;
    lease.sql() << "SELECT count(*) FROM documents WHERE site_id = :s AND state = 'published'", soci::use(sid, "s"),
        soci::into(n);
    EXPECT_EQ(docs().list(whole_site).total, n) << when;
    for (auto cat : {ghjh, jy}) {
      EXPECT_EQ(listed(cat), truth(cat)) << when;
      const auto counts = docs().count_by_catalogue(site.id);
      EXPECT_EQ(counts.count(cat) ? counts.at(cat) : 0, truth(cat)) << when;
    }
  };
  const auto a = published(complete_draft("甲"));
  const auto b = published(complete_draft("乙"));
  const auto draft = docs().save(complete_draft("草稿"));
  check("two published, a draft");
  EXPECT_EQ(listed(ghjh), 2);
  docs().withdraw(a);
  check("one withdrawn");
  auto moved = *docs().by_id(b);
  moved.catalogue_id = jy;
  moved.department_id = finance;
  docs().save(moved);
  check("moved to another column");
  EXPECT_EQ(listed(jy), 1);
  EXPECT_EQ(docs().count_by_department(site.id).at(finance), 1);
  EXPECT_FALSE(docs().count_by_department(site.id).count(department.id));
  {
    Lease lease(*db);
    long long id = draft;
    lease.sql() << "UPDATE documents SET state = 'published' WHERE id = :id", soci::use(id, "id");  // around the repository
  }
  check("published by hand");
  {
    Lease lease(*db);
    long long id = b;
    lease.sql() << "DELETE FROM document_attachments WHERE document_id = :id", soci::use(id, "id");
    lease.sql() << "DELETE FROM search_entries WHERE document_id = :id", soci::use(id, "id");
    lease.sql() << "DELETE FROM documents WHERE id = :id", soci::use(id, "id");
  }
  check("deleted");
  EXPECT_EQ(listed(jy), 0);
}

TEST_F(DocumentListTest, DepartmentYearKindAndStateFilters) {
  auto a = complete_draft("A", "2016-12-31");
  auto b = complete_draft("B", "2017-01-01");
  b.department_id = finance;
  auto c = complete_draft("C", "2017-12-31");
  c.kind = domain::DocumentKind::Interpretation;
  published(a);
  published(b);
  published(c);
  docs().save(complete_draft("draft", "2017-06-01"));

  DocumentQuery q;
  q.site_id = site.id;
  EXPECT_EQ(docs().list(q).total, 3);
  q.department_id = finance;
  EXPECT_EQ(docs().list(q).total, 1);
  q.department_id.reset();
  q.year = 2017;
  EXPECT_EQ(docs().list(q).total, 2);
  q.year = 2016;
  EXPECT_EQ(docs().list(q).total, 1);
  q.year.reset();
  q.kind = domain::DocumentKind::Interpretation;
  EXPECT_EQ(docs().list(q).total, 1);
  q.kind.reset();
  q.published_only = false;
  EXPECT_EQ(docs().list(q).total, 4);
  q.state = domain::DocumentState::Draft;
  EXPECT_EQ(docs().list(q).total, 1);
  q.state.reset();
  q.title_contains = "dra";
  EXPECT_EQ(docs().list(q).total, 1);
  q.title_contains = "100%";
  EXPECT_EQ(docs().list(q).total, 0);

  EXPECT_EQ(docs().years(site.id), (std::vector<int>{2017, 2016}));
  const auto per_department = docs().count_by_department(site.id);
  EXPECT_EQ(per_department.at(finance), 1);
  EXPECT_EQ(per_department.at(department.id), 2);
}

TEST_F(DocumentListTest, ValidityFilterMatchesDeriveValidity) {
  const auto today = date("2020-06-15");
  struct Case {
    const char* title;
    bool amended;
    const char* effective;
    const char* expires;
    const char* repealed;
  };
  const Case cases[] = {
      {"plain", false, nullptr, nullptr, nullptr},
      {"effective-past", false, "2020-01-01", nullptr, nullptr},
      {"effective-today", false, "2020-06-15", nullptr, nullptr},
      {"not-yet", false, "2020-06-16", nullptr, nullptr},
      {"expires-today", false, nullptr, "2020-06-15", nullptr},
      {"expired", false, nullptr, "2020-06-14", nullptr},
      {"repealed-today", false, nullptr, nullptr, "2020-06-15"},
      {"repealed-later", false, nullptr, nullptr, "2020-06-16"},
      {"repealed-and-expired", false, nullptr, "2019-01-01", "2020-01-01"},
      {"amended", true, nullptr, "2019-01-01", "2020-01-01"},
      {"expired-not-yet", false, "2021-01-01", "2020-01-01", nullptr},
  };
  std::map<std::int64_t, domain::Validity> expected;
  for (const auto& c : cases) {
    auto d = complete_draft(c.title);
    d.amended = c.amended;
    if (c.effective) d.effective_on = date(c.effective);
    if (c.expires) d.expires_on = date(c.expires);
    if (c.repealed) d.repealed_on = date(c.repealed);
    const auto id = published(d);
    expected[id] = domain::derive_validity(d, today);
  }
  for (auto v : {domain::Validity::Valid, domain::Validity::Expired, domain::Validity::Repealed,
                 domain::Validity::Amended, domain::Validity::NotYetEffective}) {
    DocumentQuery q;
    q.site_id = site.id;
    q.validity = v;
    q.today = today;
    q.per_page = 100;
    std::set<std::int64_t> got, want;
    for (const auto& d : docs().list(q).items) got.insert(d.id);
    for (const auto& [id, validity] : expected)
      if (validity == v) want.insert(id);
    EXPECT_EQ(got, want) << domain::to_code(v);
    EXPECT_FALSE(want.empty()) << domain::to_code(v);
  }
}

TEST_F(DocumentListTest, PaginationOrderAndTotal) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 25; ++i) {
    char day[32];  // room for any int: -O1 -Wformat-truncation
    std::snprintf(day, sizeof day, "2017-03-%02d", i + 1);
    ids.push_back(published(complete_draft("文件" + std::to_string(i), day)));
  }
  auto undated = complete_draft("无日期");
  undated.legacy = true;
  undated.published_on.reset();
  const auto undated_id = published(undated);

  DocumentQuery q;
  q.site_id = site.id;
  q.per_page = 10;
  auto p1 = docs().list(q);
  EXPECT_EQ(p1.total, 26);
  ASSERT_EQ(p1.items.size(), 10u);
  EXPECT_EQ(p1.items[0].id, ids[24]);  // newest 发文日期 first
  EXPECT_EQ(p1.items[9].id, ids[15]);
  EXPECT_TRUE(p1.items[0].body_html.empty());
  EXPECT_TRUE(p1.items[0].attachments.empty());
  q.page = 3;
  auto p3 = docs().list(q);
  ASSERT_EQ(p3.items.size(), 6u);
  EXPECT_EQ(p3.items.back().id, undated_id);  // no date: last
  q.page = 4;
  EXPECT_TRUE(docs().list(q).items.empty());
  EXPECT_EQ(docs().list(q).total, 26);
  q.page = 1;
  q.per_page = 0;
  EXPECT_TRUE(docs().list(q).items.empty());
  EXPECT_EQ(docs().list(q).total, 26);
}

TEST_F(DocumentListTest, ListsArePerSite) {
  published(complete_draft("本站"));
  domain::Site other;
  other.code = "xinshao";
  other = SiteRepository(*db).save(other);
  DocumentQuery q;
  q.site_id = other.id;
  EXPECT_EQ(docs().list(q).total, 0);
}

TEST_F(DocumentListTest, ScanAndForEachVisitEveryStateInIdOrder) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 7; ++i) {
    auto d = complete_draft("文件" + std::to_string(i));
    d.body_html = "<p>" + std::to_string(i) + "</p>";
    d.attachments.push_back(domain::Attachment{0, "a.pdf", std::string(64, 'f'), "application/pdf", 1, 0});
    ids.push_back(docs().save(d));
  }
  docs().publish(ids[1]);
  docs().withdraw(ids[1]);
  docs().publish(ids[2]);

  DocumentScan s;
  s.site_id = site.id;
  s.limit = 3;
  std::vector<std::int64_t> seen;
  docs().for_each(s, [&](const domain::Document& d) {
    seen.push_back(d.id);
    EXPECT_FALSE(d.body_html.empty());
    EXPECT_EQ(d.attachments.size(), 1u);
    // The callback may use the repositories (no connection held).
    EXPECT_TRUE(docs().by_id(d.id));
  });
  EXPECT_EQ(seen, ids);

  s.published_only = true;
  s.limit = 100;
  const auto only = docs().scan(s);
  ASSERT_EQ(only.size(), 1u);
  EXPECT_EQ(only[0].id, ids[2]);

  DocumentScan since;
  since.site_id = site.id;
  since.updated_since = "2999-01-01T00:00:00Z";
  EXPECT_TRUE(docs().scan(since).empty());
  since.updated_since = "2000-01-01T00:00:00Z";
  EXPECT_EQ(docs().scan(since).size(), ids.size());

  int all = 0;
  docs().for_each(site.id, [&](const domain::Document&) { ++all; });
  EXPECT_EQ(all, 7);
}

TEST_F(DocumentRepositoryTest, AttachmentsReferenceBlobs) {
  BlobStore blobs(*db);
  const std::string bytes = "PDF bytes";
  auto d = complete_draft("带附件");
  d.attachments.push_back(
      domain::Attachment{0, "附件.pdf", blobs.put(bytes, "application/pdf"), "application/pdf",
                         static_cast<std::int64_t>(bytes.size()), 0});
  const auto out = *docs().by_id(docs().save(d));
  EXPECT_EQ(blobs.get(out.attachments.at(0).sha256)->data, bytes);
}

}  // namespace
}  // namespace zwgk::store::test
