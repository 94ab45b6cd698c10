// Import of JSONL documents: good and bad lines, idempotency, departments created on the
// way, sanitised bodies, attachments, and export -> import round trips. Runs once per
// database backend (ZWGK_TEST_BACKEND).
#include "app/importer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/demo.hpp"
#include "domain/index_number.hpp"
#include "store/blob_store.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/search_index.hpp"
#include "store/site_repository.hpp"
#include "support/test_database.hpp"

namespace {

namespace fs = std::filesystem;
using namespace zwgk;

fs::path temp_dir() {
  std::string tmpl = (fs::temp_directory_path() / "zwgk-import-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp");
  return tmpl;
}

struct TempDir {
  fs::path path = temp_dir();
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// A site "testsite" with its default catalogue and one department with a valid code.
std::int64_t make_site(store::Database& db, const std::string& code = "testsite") {
  domain::Site s;
  s.code = code;
  s.name = "测试市人民政府";
  s.path_prefix = code == "testsite" ? "" : "/" + code;
  s.sponsor = "测试市人民政府办公室";
  auto saved = store::SiteRepository(db).save(s);
  store::CatalogueRepository(db).ensure_default(saved.id);
  domain::Department d;
  d.site_id = saved.id;
  d.name = "测试市人民政府办公室";
  d.credit_code = app::make_credit_code("430500", "00696755");
  store::DepartmentRepository(db).save(d);
  return saved.id;
}

app::ImportResult import_text(store::Database& db, const std::string& text, const fs::path& base = {}) {
  std::istringstream in(text);
  app::ImportOptions o;
  o.progress = false;
  o.base_dir = base;
  return app::import_stream(db, in, o);
}

const char* kGood =
    R"({"external_id":"doc-1","site":"testsite","catalogue":"ghjh","department":"测试市人民政府办公室","title":"测试市2024年政务公开工作要点","doc_number":"测政办发[2024]3号","issuer":"测试市人民政府办公室","written_on":"2024-03-01","published_on":"2024-03-05","disclosure":"主动公开","effective_on":"2024-03-05","expires_on":"2024-12-31","body_html":"<p onclick=\"alert(1)\">正文<script>alert(2)</script><a href=\"javascript:alert(3)\">链接</a></p>","topic":"政务公开","summary":"要点"})";

TEST(Importer, GoodAndBadLinesWithLineNumbersAndReasons) {
  auto db = open_test_database();
  make_site(*db);
  const std::string text = std::string(kGood) + "\n" +
      "{\"external_id\": \"doc-2\", \"site\": \n" +                                                     // 2
      R"({"external_id":"doc-3","site":"testsite","catalogue":"不存在的目录","department":"测试市人民政府办公室","title":"三","published_on":"2024-01-01","disclosure":"主动公开"})" "\n"  // 3
      "\n"                                                                                               // 4 (blank)
      R"({"external_id":"doc-5","site":"testsite","catalogue":"ghjh","department":"测试市人民政府办公室","title":"五","published_on":"2024-02-30","disclosure":"主动公开"})" "\n"  // 5
      R"({"external_id":"doc-6","site":"testsite","catalogue":"ghjh","department":"测试市人民政府办公室","title":"六","published_on":"2024-02-01","disclosure":"公开"})" "\n"  // 6
      R"({"external_id":"doc-7","site":"testsite","catalogue":"ghjh","title":"七","disclosure":"主动公开"})" "\n"  // 7
      R"({"external_id":"doc-8","site":"testsite","title":"八（历史记录）","legacy":true})" "\n"  // 8
      R"({"external_id":"doc-9","site":"nosuchsite","catalogue":"ghjh","title":"九"})" "\n"  // 9
      R"({"external_id":"doc-10","site":"testsite","catalogue":"规划计划","department":"测试市新成立局","department_code":"11430500006967634U","title":"十","published_on":"2024-04-01","disclosure":"依申请公开","body_text":"第一段\n\n第二段 <b>"})" "\n"  // 10
      R"(["not","an","object"])" "\n"  // 11
      R"({"external_id":"doc-12","site":"testsite","catalogue":"ghjh","department":"测试市人民政府办公室","title":"十二","state":"draft"})" "\n"  // 12
      R"({"external_id":"doc-13","site":"testsite","catalogue":"ghjh","department":"没有代码的局","title":"十三","published_on":"2024-04-01","disclosure":"主动公开"})" "\n"  // 13
      R"({"external_id":"doc-14","site":"testsite","catalogue":"ghjh","department":"某局","department_code":"123","title":"十四","published_on":"2024-04-01","disclosure":"主动公开"})" "\n";  // 14

  const auto r = import_text(*db, text);
  EXPECT_EQ(r.created, 4);  // 1, 8, 10, 12
  EXPECT_EQ(r.updated, 0);
  EXPECT_EQ(r.unchanged, 0);
  EXPECT_EQ(r.lines, 13);
  ASSERT_EQ(r.errors.size(), 9u);
  auto reason = [&](std::size_t i) { return r.errors[i].reason; };
  EXPECT_EQ(r.errors[0].line, 2);
  EXPECT_TRUE(reason(0).starts_with("JSON 格式错误")) << reason(0);
  EXPECT_EQ(r.errors[1].line, 3);
  EXPECT_EQ(reason(1), "未知公开目录: “不存在的目录”");
  EXPECT_EQ(r.errors[2].line, 5);
  EXPECT_EQ(reason(2), "发文日期格式错误: “2024-02-30”（应为 YYYY-MM-DD 的有效日期）");
  EXPECT_EQ(r.errors[3].line, 6);
  EXPECT_EQ(reason(3), "未知公开形式: “公开”（应为 主动公开、依申请公开 或 不予公开）");
  EXPECT_EQ(r.errors[4].line, 7);
  EXPECT_NE(reason(4).find("缺少必填信息: 公开责任部门、发文日期"), std::string::npos) << reason(4);
  EXPECT_EQ(r.errors[5].line, 9);
  EXPECT_EQ(reason(5), "未知网站: “nosuchsite”");
  EXPECT_EQ(r.errors[6].line, 11);
  EXPECT_EQ(reason(6), "每行应为一个 JSON 对象");
  // A new department without a code: the 索引号 cannot be made, so the line is not
  // imported at all (nothing half-written: neither the department nor a draft).
  EXPECT_EQ(r.errors[7].line, 13);
  EXPECT_TRUE(reason(7).starts_with("无法发布，本行未导入: ")) << reason(7);
  EXPECT_EQ(r.errors[8].line, 14);
  EXPECT_EQ(reason(8), "统一社会信用代码无效: “123”（department_code）");
  EXPECT_EQ(app::format_import_error(r.errors[0]).rfind("第 2 行: JSON 格式错误", 0), 0u);

  // The good lines are stored and published with an index number.
  store::SiteRepository sites(*db);
  store::DocumentRepository docs(*db);
  const auto site = sites.by_code("testsite");
  ASSERT_TRUE(site);
  auto d1 = docs.by_external_id(site->id, "doc-1");
  ASSERT_TRUE(d1);
  EXPECT_EQ(d1->state, domain::DocumentState::Published);
  EXPECT_EQ(d1->doc_number, "测政办发〔2024〕3号");  // normalised brackets
  EXPECT_EQ(d1->published_on->iso(), "2024-03-05");
  EXPECT_EQ(d1->expires_on->iso(), "2024-12-31");
  EXPECT_EQ(d1->disclosure, domain::DisclosureForm::Proactive);
  EXPECT_TRUE(d1->index_number.starts_with(app::make_credit_code("430500", "00696755") + "/2024-"))
      << d1->index_number;
  // body_html sanitised
  EXPECT_NE(d1->body_html.find("正文"), std::string::npos);
  EXPECT_EQ(d1->body_html.find("<script"), std::string::npos) << d1->body_html;
  EXPECT_EQ(d1->body_html.find("onclick"), std::string::npos) << d1->body_html;
  EXPECT_EQ(d1->body_html.find("javascript:"), std::string::npos) << d1->body_html;

  auto d8 = docs.by_external_id(site->id, "doc-8");
  ASSERT_TRUE(d8);
  EXPECT_TRUE(d8->legacy);
  EXPECT_EQ(d8->state, domain::DocumentState::Published);

  // Unknown department created; catalogue found by name; body_text as escaped paragraphs.
  auto d10 = docs.by_external_id(site->id, "doc-10");
  ASSERT_TRUE(d10);
  auto dep = store::DepartmentRepository(*db).by_name(site->id, "测试市新成立局");
  ASSERT_TRUE(dep);
  EXPECT_EQ(d10->department_id, dep->id);
  EXPECT_EQ(dep->credit_code, "11430500006967634U");
  EXPECT_EQ(d10->state, domain::DocumentState::Published);
  EXPECT_TRUE(d10->index_number.starts_with("11430500006967634U/2024-")) << d10->index_number;
  EXPECT_FALSE(store::DepartmentRepository(*db).by_name(site->id, "没有代码的局"));
  EXPECT_FALSE(docs.by_external_id(site->id, "doc-13"));
  EXPECT_EQ(d10->catalogue_id, store::CatalogueRepository(*db).by_code(site->id, "ghjh")->id);
  EXPECT_EQ(d10->disclosure, domain::DisclosureForm::OnRequest);
  EXPECT_NE(d10->body_html.find("<p>第一段</p>"), std::string::npos) << d10->body_html;
  EXPECT_EQ(d10->body_html.find("<b>"), std::string::npos) << d10->body_html;

  auto d12 = docs.by_external_id(site->id, "doc-12");
  ASSERT_TRUE(d12);
  EXPECT_EQ(d12->state, domain::DocumentState::Draft);
  EXPECT_TRUE(d12->index_number.empty());

  // Nothing of the bad lines went in.
  for (const char* bad : {"doc-3", "doc-5", "doc-6", "doc-7", "doc-9", "doc-14"})
    EXPECT_FALSE(docs.by_external_id(site->id, bad)) << bad;

  // Re-importing the same text changes nothing.
  const auto again = import_text(*db, text);
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 4);
  EXPECT_EQ(again.errors.size(), 9u);
  auto d1_again = docs.by_external_id(site->id, "doc-1");
  EXPECT_EQ(d1_again->index_number, d1->index_number);
  EXPECT_EQ(d1_again->updated_at, d1->updated_at);
}

TEST(Importer, ChangedLineUpdatesAndKeepsTheIndexNumber) {
  auto db = open_test_database();
  const auto site_id = make_site(*db);
  ASSERT_EQ(import_text(*db, kGood).created, 1);
  store::DocumentRepository docs(*db);
  const auto before = docs.by_external_id(site_id, "doc-1");
  std::string changed = kGood;
  changed.replace(changed.find("测试市2024年政务公开工作要点"), std::string("测试市2024年政务公开工作要点").size(),
                  "测试市2024年政务公开工作要点（修订）");
  const auto r = import_text(*db, changed);
  EXPECT_EQ(r.updated, 1);
  EXPECT_TRUE(r.errors.empty());
  const auto after = docs.by_external_id(site_id, "doc-1");
  EXPECT_EQ(after->id, before->id);
  EXPECT_EQ(after->title, "测试市2024年政务公开工作要点（修订）");
  EXPECT_EQ(after->index_number, before->index_number);
  EXPECT_EQ(import_text(*db, changed).unchanged, 1);

  // A draft line cannot take a published document back to draft.
  std::string draft = changed;
  draft.insert(draft.size() - 1, R"(,"state":"draft")");
  const auto d = import_text(*db, draft);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_NE(d.errors[0].reason.find("不能改回草稿"), std::string::npos);
}

// Inside an import the search entries are written once per batch, just before it commits
// (not at every line's savepoint): every imported document is found, an updated one by its
// new title only, and a line that failed leaves nothing in the index.
TEST(Importer, ImportedDocumentsAreSearchableOnceTheirBatchCommits) {
  auto db = open_test_database();
  const auto site_id = make_site(*db);
  std::string text;
  for (int i = 1; i <= 7; ++i) {
    text += R"({"external_id":"s-)" + std::to_string(i) +
            R"(","site":"testsite","catalogue":"ghjh","department":"测试市人民政府办公室","title":"防汛抗旱应急预案第)" +
            std::to_string(i) + R"(号","published_on":"2024-03-05","disclosure":"主动公开","body_html":"<p>汛期值守</p>"})" + "\n";
  }
  text += R"({"external_id":"s-bad","site":"testsite","catalogue":"不存在的目录","title":"防汛抗旱应急预案坏行","published_on":"2024-03-05","disclosure":"主动公开"})" "\n";
  std::istringstream in(text);
  app::ImportOptions o;
  o.progress = false;
  o.batch_size = 3;  // three batches, the last one partial
  const auto r = app::import_stream(*db, in, o);
  EXPECT_EQ(r.created, 7);
  ASSERT_EQ(r.errors.size(), 1u);
  store::SearchQuery q;
  q.text = "防汛抗旱应急预案";
  q.site_id = site_id;
  q.per_page = 50;
  auto found = store::SearchIndex(*db).search(q);
  EXPECT_EQ(found.total, 7);
  for (const auto& hit : found.items) EXPECT_EQ(hit.title.find("坏行"), std::string::npos);
  // A changed title replaces the entry, it does not add one.
  std::string changed = text.substr(0, text.find('\n'));
  changed.replace(changed.find("防汛抗旱应急预案第1号"), std::string("防汛抗旱应急预案第1号").size(), "城市内涝防治方案");
  EXPECT_EQ(import_text(*db, changed).updated, 1);
  EXPECT_EQ(store::SearchIndex(*db).search(q).total, 6);
  q.text = "城市内涝防治方案";
  EXPECT_EQ(store::SearchIndex(*db).search(q).total, 1);
}

TEST(Importer, InterpretationLinksToItsPolicy) {
  auto db = open_test_database();
  const auto site_id = make_site(*db);
  const std::string text = std::string(kGood) + "\n" +
      R"({"external_id":"doc-1-jd","site":"testsite","kind":"interpretation","interprets":"doc-1","catalogue":"zcjd","department":"测试市人民政府办公室","title":"解读","published_on":"2024-03-05","disclosure":"主动公开"})" "\n"
      R"({"external_id":"doc-x-jd","site":"testsite","kind":"interpretation","interprets":"doc-x","catalogue":"zcjd","department":"测试市人民政府办公室","title":"解读","published_on":"2024-03-05","disclosure":"主动公开"})" "\n"
      R"({"external_id":"doc-y","site":"testsite","kind":"memo","title":"y","legacy":true})" "\n";
  const auto r = import_text(*db, text);
  EXPECT_EQ(r.created, 2);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].line, 3);
  EXPECT_NE(r.errors[0].reason.find("被解读文件不存在"), std::string::npos);
  EXPECT_EQ(r.errors[1].line, 4);
  EXPECT_NE(r.errors[1].reason.find("未知类型"), std::string::npos);
  store::DocumentRepository docs(*db);
  const auto policy = docs.by_external_id(site_id, "doc-1");
  const auto jd = docs.by_external_id(site_id, "doc-1-jd");
  ASSERT_TRUE(policy && jd);
  EXPECT_EQ(jd->kind, domain::DocumentKind::Interpretation);
  EXPECT_EQ(jd->interprets_id, policy->id);
  const auto list = docs.interpretations_of(policy->id);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, jd->id);
}

TEST(Importer, AttachmentsRelativeToTheFileAndIdempotent) {
  auto db = open_test_database();
  const auto site_id = make_site(*db);
  TempDir dir;
  fs::create_directories(dir.path / "files");
  std::ofstream(dir.path / "files" / "a.pdf", std::ios::binary) << "%PDF-1.4 test";
  std::ofstream(dir.path / "files" / "b.txt") << "说明";
  std::ofstream(dir.path / "in.jsonl")
      << R"({"external_id":"att-1","site":"testsite","catalogue":"ghjh","department":"测试市人民政府办公室","title":"有附件","published_on":"2024-05-01","disclosure":"主动公开","attachments":["files/a.pdf",{"path":"files/b.txt","name":"附件2：说明.txt"}]})" "\n"
      << R"({"external_id":"att-2","site":"testsite","catalogue":"ghjh","department":"测试市人民政府办公室","title":"附件缺失","published_on":"2024-05-01","disclosure":"主动公开","attachments":["files/none.pdf"]})" "\n";
  app::ImportOptions o;
  o.progress = false;
  const auto r = app::import_jsonl(*db, dir.path / "in.jsonl", o);
  EXPECT_EQ(r.created, 1);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 2);
  EXPECT_EQ(r.errors[0].reason, "附件不存在或无法读取: files/none.pdf");
  const auto d = store::DocumentRepository(*db).by_external_id(site_id, "att-1");
  ASSERT_TRUE(d);
  ASSERT_EQ(d->attachments.size(), 2u);
  EXPECT_EQ(d->attachments[0].file_name, "a.pdf");
  EXPECT_EQ(d->attachments[0].media_type, "application/pdf");
  EXPECT_EQ(d->attachments[0].size, 13);
  EXPECT_EQ(d->attachments[1].file_name, "附件2：说明.txt");
  EXPECT_TRUE(d->attachments[1].media_type.starts_with("text/plain")) << d->attachments[1].media_type;
  auto blob = store::BlobStore(*db).get(d->attachments[0].sha256);
  ASSERT_TRUE(blob);
  EXPECT_EQ(blob->data, "%PDF-1.4 test");
  EXPECT_EQ(app::import_jsonl(*db, dir.path / "in.jsonl", o).unchanged, 1);

  // The file changes -> the document is updated.
  std::ofstream(dir.path / "files" / "a.pdf", std::ios::binary) << "%PDF-1.4 changed";
  EXPECT_EQ(app::import_jsonl(*db, dir.path / "in.jsonl", o).updated, 1);
}

TEST(Importer, UnreadableFileThrows) {
  auto db = open_test_database();
  app::ImportOptions o;
  o.progress = false;
  EXPECT_THROW(app::import_jsonl(*db, "/nonexistent/in.jsonl", o), app::ImportFileError);
}

std::string export_to_string(store::Database& db, const fs::path& dir) {
  const auto file = dir / "export.jsonl";
  std::FILE* f = std::fopen(file.c_str(), "wb");
  app::ExportOptions o;
  o.progress = false;
  o.jsonl_dir = dir;
  o.attachments_dir = dir / "attachments";
  app::export_jsonl(db, f, o);
  std::fclose(f);
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Importer, ExportImportRoundTripIntoAnEmptyDatabase) {
  auto source = open_test_database();
  const auto demo = app::load_demo(*source, ZWGK_SOURCE_DIR "/data/demo", 1, "/nonexistent/corpus.jsonl");
  ASSERT_TRUE(demo.errors.empty()) << demo.errors.front();
  // A draft and a withdrawn document travel too.
  const auto site_id = store::SiteRepository(*source).by_code("shaoyang")->id;
  const auto extra = import_text(*source,
      R"({"external_id":"rt-draft","site":"shaoyang","catalogue":"tzgg","title":"草稿","state":"draft"})" "\n"
      R"({"external_id":"rt-withdrawn","site":"shaoyang","catalogue":"tzgg","department":"邵阳市人民政府办公室","title":"撤回","published_on":"2024-01-01","disclosure":"主动公开","state":"withdrawn"})" "\n");
  ASSERT_TRUE(extra.errors.empty()) << extra.errors.front().reason;

  TempDir a, b;
  const auto first = export_to_string(*source, a.path);
  ASSERT_FALSE(first.empty());
  EXPECT_NE(first.find("\"record\":\"site\""), std::string::npos);
  EXPECT_NE(first.find("attachments/"), std::string::npos);

  auto target = open_test_database();
  app::ImportOptions o;
  o.progress = false;
  const auto r = app::import_jsonl(*target, a.path / "export.jsonl", o);
  EXPECT_TRUE(r.errors.empty()) << (r.errors.empty() ? "" : app::format_import_error(r.errors.front()));
  EXPECT_GT(r.created, demo.documents);
  EXPECT_EQ(app::import_jsonl(*target, a.path / "export.jsonl", o).created, 0);

  const auto second = export_to_string(*target, b.path);
  EXPECT_EQ(first, second);  // same documents, same index numbers, same attachments

  const auto target_site = store::SiteRepository(*target).by_code("shaoyang")->id;
  store::DocumentRepository docs(*target);
  EXPECT_EQ(docs.by_external_id(target_site, "rt-draft")->state, domain::DocumentState::Draft);
  EXPECT_EQ(docs.by_external_id(target_site, "rt-withdrawn")->state, domain::DocumentState::Withdrawn);
  EXPECT_EQ(docs.by_external_id(target_site, app::kSeedExternalId)->index_number,
            store::DocumentRepository(*source).by_external_id(site_id, app::kSeedExternalId)->index_number);
}

}  // namespace
