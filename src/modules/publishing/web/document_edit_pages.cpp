// 文件编辑: new draft, edit (with the expected revision; a conflict shows what the other
// person changed and keeps what this user typed), attachments (type sniffing, size limit,
// text extraction for the privacy guard and search) and .docx import into the body.
//
//   GET  /console/documents/new[?kind=interpretation&interprets_id=N]   editors
//   POST /console/documents/new
//   GET  /console/documents/{id}/edit
//   POST /console/documents/{id}/edit
//   POST /console/documents/{id}/attachments            multipart: file, expected_revision
//   POST /console/documents/{id}/attachments/remove     position, expected_revision
//   GET  /console/documents/{id}/attachments/{sha256}/{name}   a file of any revision of the
//        document (drafts and amendments included) for a user who may view the document;
//        403 for another site or department; never cached (ADR 0011)
//   POST /console/documents/{id}/import-docx            multipart: docx, expected_revision
// A POST of the editor's form with find_policy=1 is the 政策解读's search step (policy_q):
// the form again with the matches, nothing saved.
#include "http/router.hpp"
#include "ingest/docx_import.hpp"
#include "ingest/file_type.hpp"
#include "ingest/pdf_text.hpp"
#include "store/attachment_access.hpp"
#include "store/blob_store.hpp"
#include "store/document_repository.hpp"
#include "web/attachment_download.hpp"
#include "modules/publishing/service/document_editing.hpp"
#include "modules/publishing/web/document_form.hpp"
#include "modules/publishing/web/document_pages.hpp"
#include "modules/publishing/web/document_support.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

namespace {

// New drafts: the registry's publishing.create_draft (the department is checked on the
// draft by the workflow).
Access editors() { return Access::to("publishing.create_draft"); }

std::string doc_url(std::int64_t id) { return "/console/documents/" + std::to_string(id) + "/"; }

void add_attachment_views(View& v, const domain::Document& doc) {
  View list{View::type::list};
  for (const auto& a : doc.attachments) {
    View r{View::type::object};
    r.set("file_name", a.file_name);
    r.set("media_type", a.media_type);
    r.set("size_kb", std::to_string((a.size + 1023) / 1024));
    r.set("position", std::to_string(a.position));
    r.set("url", console_attachment_url(doc.id, a));
    list.push_back(r);
  }
  v.set("attachments", list);
  v.set("has_attachments", !doc.attachments.empty());
}

http::Response editor_page(ConsoleRequest& c, const domain::Document& doc, const EditorState& s, int status) {
  View v = document_form_view(c, doc, s);
  if (s.document_id) add_attachment_views(v, doc);
  const std::string title = s.document_id ? "编辑文件" : "新建文件";
  return c.page(title, "publishing/console_document_edit", v, status);
}

// The expected revision posted with a form (0 if missing or not a number).
int expected_revision(ConsoleRequest& c) {
  auto n = parse_positive_integer(field(c, "expected_revision"));
  return n && *n < 1000000 ? static_cast<int>(*n) : 0;
}

std::optional<Loaded> editable(ConsoleRequest& c) {
  auto id = id_param(c);
  return id ? load_visible(c, *id) : std::nullopt;
}

// Saves `doc` as the next revision after `expected`; a refusal or conflict is thrown (the
// console's one mapping shows it).
// The editor's 查找 step (no JavaScript needed): the form comes back with what was typed and
// the documents matching the search as radio buttons; nothing is saved.
std::optional<http::Response> policy_search_step(ConsoleRequest& c, const domain::Document& doc, EditorState& s) {
  if (field(c, "find_policy").empty()) return std::nullopt;
  s.policy_searched = true;
  s.policy_query = field(c, "policy_q");
  s.policy_results = modules::publishing::find_policies(c.db, c.user, c.site.id, s.policy_query);
  return editor_page(c, doc, s, 200);
}

http::Response save_and_return(ConsoleRequest& c, const domain::Document& doc, int expected, const std::string& back,
                               const std::vector<store::UploadedFile>& uploads = {}) {
  store::WorkflowRepository(c.db).save(c.user, doc, expected, actor_of(c), uploads);
  return c.see_other(back);
}

}  // namespace

void register_document_edit_pages(ConsoleApp& app, http::Router& router) {
  app.get(router, "/console/documents/new", editors(), [](ConsoleRequest& c) {
    domain::Document doc;
    doc.site_id = c.site.id;
    doc.department_id = c.user.department_id;
    doc.disclosure = domain::DisclosureForm::Proactive;
    EditorState s;
    s.action = "/console/documents/new";
    if (field(c, "kind") == "interpretation") {
      doc.kind = domain::DocumentKind::Interpretation;
      doc.interprets_id = parse_positive_integer(field(c, "interprets_id"));
      s.interpretation_form = domain::InterpretationForm::Text;
      if (doc.interprets_id)
        if (auto policy = load_visible(c, *doc.interprets_id)) {
          doc.title = "《" + policy->doc.title + "》政策解读";
          doc.catalogue_id.reset();
        }
    }
    return editor_page(c, doc, s, 200);
  });

  app.post(router, "/console/documents/new", editors(), [](ConsoleRequest& c) {
    domain::Document base;
    base.site_id = c.site.id;
    auto form = read_document_form(c, base);
    EditorState s;
    s.action = "/console/documents/new";
    s.interpretation_form = form.interpretation_form;
    if (auto r = policy_search_step(c, form.doc, s)) return *r;
    if (!form.problems.empty()) {
      s.problems = form.problems;
      return editor_page(c, form.doc, s, 400);
    }
    store::WorkflowRepository wf(c.db);
    auto ref = wf.create_draft(c.user, form.doc, actor_of(c), c.app.today());
    if (form.doc.kind == domain::DocumentKind::Interpretation)
      wf.set_interpretation_form(c.user, ref.id, form.interpretation_form.value_or(domain::InterpretationForm::Text),
                                 actor_of(c));
    return c.see_other(doc_url(ref.id));
  });

  app.get(router, "/console/documents/{id}/edit", Access::signed_in(), [](ConsoleRequest& c) {
    auto l = editable(c);
    if (!l) return c.refuse("没有这个文件，或您无权查看。", 404);
    if (!may(c, domain::Action::Edit, *l))
      return c.refuse("当前无法修改这个文件（" + domain::to_label(l->info.status.stage) + "，" +
                      domain::to_label(c.user.role) + "）。");
    EditorState s;
    s.document_id = l->doc.id;
    s.action = "/console/documents/" + std::to_string(l->doc.id) + "/edit";
    s.expected_revision = l->info.latest_revision;
    s.interpretation_form = l->info.interpretation_form;
    s.returned = modules::publishing::return_notice(c.db, l->doc.id, l->info.status.stage);
    return editor_page(c, l->doc, s, 200);
  });

  app.post(router, "/console/documents/{id}/edit", Access::signed_in(), [](ConsoleRequest& c) {
    auto l = editable(c);
    if (!l) return c.refuse("没有这个文件，或您无权查看。", 404);
    const int expected = expected_revision(c);
    auto form = read_document_form(c, l->doc);  // attachments and ids from the latest revision
    EditorState s;
    s.document_id = l->doc.id;
    s.action = "/console/documents/" + std::to_string(l->doc.id) + "/edit";
    s.expected_revision = expected;
    s.interpretation_form = form.interpretation_form;
    s.returned = modules::publishing::return_notice(c.db, l->doc.id, l->info.status.stage);
    if (!field(c, "find_policy").empty() && !may(c, domain::Action::Edit, *l))
      return c.refuse("当前无法修改这个文件。");
    if (auto r = policy_search_step(c, form.doc, s)) return *r;
    if (!form.problems.empty()) {
      s.problems = form.problems;
      return editor_page(c, form.doc, s, 400);
    }
    const auto saved = modules::publishing::save_document_edit(
        c.db, c.user, actor_of(c),
        {form.doc, expected, {}, form.interpretation_form, l->info.interpretation_form});
    // A refusal (WorkflowRefused, ...) is thrown to the one mapping: nothing saved.
    if (saved) return c.see_other(doc_url(l->doc.id));
    // Stale revision: keep what the user typed; the next save goes on top of the latest one.
    const auto& e = *saved.conflict;
    s.conflict_message = "保存冲突：您打开的是第 " + std::to_string(e.seen()) + " 版，其他人已保存到第 " +
                         std::to_string(e.latest()) +
                         " 版。您的修改尚未保存，仍保留在下面的表单中。其他人改动了以下内容；核对后再次保存，"
                         "将以您表单中的内容为准保存为新版本。";
    s.conflict_changes = e.changes();
    s.expected_revision = e.latest();
    return editor_page(c, form.doc, s, 409);
  });

  app.post(router, "/console/documents/{id}/attachments", Access::signed_in(), [](ConsoleRequest& c) {
    auto l = editable(c);
    if (!l) return c.refuse("没有这个文件，或您无权查看。", 404);
    const auto* file = c.form.file("file");
    if (!file) return c.refuse("请选择要上传的附件。（未上传）", 400);
    if (!may(c, domain::Action::Edit, *l)) return c.refuse("当前无法修改这个文件，附件未上传。");
    const auto check = ingest::check_attachment(file->file_name, file->data);
    if (check.refusal) return c.refuse("附件《" + file->file_name + "》未上传：" + *check.refusal, 400);
    domain::Document doc = l->doc;
    domain::Attachment a;
    a.file_name = file->file_name;
    a.media_type = check.media_type;
    a.size = static_cast<std::int64_t>(file->data.size());
    a.position = doc.attachments.empty() ? 0 : doc.attachments.back().position + 1;
    a.sha256 = store::sha256_hex(file->data);
    doc.attachments.push_back(a);
    // The bytes are stored by the save itself: a refused save (409, 403) leaves none behind.
    const store::UploadedFile upload{file->data, check.media_type, ingest::extract_text(check.media_type, file->data)};
    return save_and_return(c, doc, expected_revision(c), "/console/documents/" + std::to_string(doc.id) + "/edit",
                           {upload});
  });

  app.get(router, "/console/documents/{id}/attachments/{sha256}/{name}", Access::to("publishing.view"), [](ConsoleRequest& c) {
    const auto id = id_param(c);
    const std::string sha = c.http.param("sha256"), name = c.http.param("name");
    if (!id || !is_sha256_hex(sha) || !is_plain_file_name(name)) return c.refuse("没有这个附件。", 404);
    const auto row = store::DocumentRepository(c.db).by_id(*id);
    if (!row) return c.refuse("没有这个文件。", 404);
    if (!load_visible(c, *id)) return c.refuse("您无权查看这个文件的附件。", 403);  // another site or department
    if (!store::AttachmentAccess(c.db).document_lists(*id, sha)) return c.refuse("这个文件没有这个附件。", 404);
    auto blob = store::BlobStore(c.db).get(sha);
    if (!blob) return c.refuse("附件内容已不存在。", 404);
    http::Response r = attachment_response(std::move(*blob), name);
    r.set_header("Cache-Control", "private, no-store");
    return r;
  });

  app.post(router, "/console/documents/{id}/attachments/remove", Access::signed_in(), [](ConsoleRequest& c) {
    auto l = editable(c);
    if (!l) return c.refuse("没有这个文件，或您无权查看。", 404);
    domain::Document doc = l->doc;
    const std::string position = field(c, "position");
    const auto before = doc.attachments.size();
    std::erase_if(doc.attachments, [&](const domain::Attachment& a) { return std::to_string(a.position) == position; });
    if (doc.attachments.size() == before) return c.refuse("没有这个附件。（未修改）", 404);
    return save_and_return(c, doc, expected_revision(c), "/console/documents/" + std::to_string(doc.id) + "/edit");
  });

  app.post(router, "/console/documents/{id}/import-docx", Access::signed_in(), [](ConsoleRequest& c) {
    auto l = editable(c);
    if (!l) return c.refuse("没有这个文件，或您无权查看。", 404);
    const auto* file = c.form.file("docx");
    if (!file) return c.refuse("请选择要导入的 Word 文档（.docx）。（未导入）", 400);
    const auto check = ingest::check_attachment(file->file_name, file->data);
    if (check.refusal) return c.refuse("《" + file->file_name + "》未导入：" + *check.refusal, 400);
    domain::Document doc = l->doc;
    doc.body_html = ingest::docx_to_html(file->data);
    store::WorkflowRepository(c.db).save(c.user, doc, expected_revision(c), actor_of(c));
    return c.see_other("/console/documents/" + std::to_string(doc.id) + "/edit");
  });
}

}  // namespace zwgk::web::console
