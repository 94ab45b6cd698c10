// /console/letters/settings (zmhd.manage, the site administrator): the site's mailboxes
// (which channels it has is data: rename 领导信箱 to 市长信箱, switch one off, add a
// department's 信箱), its local rules (working days per category, the rating period, the
// stock phrases of the reply-quality check, the 信访 channel a 属信访事项 letter is pointed
// to) and where each department's staff notices go. Every change is audited.
#include "modules/zmhd/web/letter_console.hpp"

#include "domain/contact_formats.hpp"
#include "domain/errors.hpp"
#include "modules/zmhd/domain/letter_settings.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "store/department_repository.hpp"
#include "web/console/page_helpers.hpp"
#include "web/query_params.hpp"

namespace zwgk::web::console {

namespace {

const char* kUrl = "/console/letters/settings";

int days_field(ConsoleRequest& c, const std::string& name, const std::string& label) {
  auto n = parse_positive_integer(field(c, name));
  if (!n || *n > 60) throw domain::Invalid({label + "应为1至60之间的工作日数"});
  return static_cast<int>(*n);
}

http::Response settings_page(ConsoleRequest& c) {
  store::MailboxRepository boxes(c.db);
  const auto settings = boxes.settings(c.site.id);
  View v{View::type::object};
  View mailboxes{View::type::list};
  for (const auto& m : boxes.mailboxes(c.site.id, /*enabled_only=*/false)) {
    View mv{View::type::object};
    mv.set("code", m.code);
    mv.set("name", m.name);
    mv.set("kind", domain::to_label(m.kind));
    mv.set("intro", m.intro);
    mv.set("enabled", m.enabled);
    mailboxes.push_back(mv);
  }
  v.set("mailboxes", mailboxes);
  View days{View::type::list};
  for (auto cat : domain::letter_categories()) {
    View d{View::type::object};
    d.set("code", domain::to_code(cat));
    d.set("label", domain::to_label(cat));
    d.set("days", std::to_string(settings.deadlines.days_for(cat)));
    days.push_back(d);
  }
  v.set("days", days);
  v.set("rating_days", std::to_string(settings.deadlines.rating_working_days));
  v.set("phrases", domain::stock_phrases_to_text(settings.phrases()));
  v.set("petition_channel", settings.petition_channel);
  View deps{View::type::list};
  auto contact_row = [&](std::int64_t id, const std::string& name) {
    const auto contact = boxes.contact(c.site.id, id);
    View d{View::type::object};
    d.set("id", std::to_string(id));
    d.set("name", name);
    d.set("staff", contact.staff_email);
    d.set("head", contact.head_email);
    deps.push_back(d);
  };
  contact_row(0, "信件办理机构（受理、审核）");
  View dep_options{View::type::list};
  for (const auto& d : store::DepartmentRepository(c.db).by_site(c.site.id)) {
    contact_row(d.id, d.name);
    View o{View::type::object};
    o.set("id", std::to_string(d.id));
    o.set("name", d.name);
    dep_options.push_back(o);
  }
  v.set("contacts", deps);
  v.set("departments", dep_options);
  View templates{View::type::list};
  for (const auto& t : boxes.reply_templates(c.site.id, std::nullopt)) {
    View tv{View::type::object};
    tv.set("title", t.title);
    tv.set("body", t.body);
    templates.push_back(tv);
  }
  v.set("templates", templates);
  v.set("has_templates", !templates.is_empty_list());
  return c.page("信箱设置", "zmhd/console_letter_settings", v);
}

}  // namespace

void register_letter_settings_page(ConsoleApp& app, http::Router& router) {
  const Access managers = Access::to("zmhd.manage");
  app.add_navigation("信箱设置", kUrl, managers, 74);
  app.get(router, kUrl, managers, settings_page);
  app.post(router, std::string(kUrl) + "/mailbox", managers, [](ConsoleRequest& c) {
    store::MailboxRepository boxes(c.db);
    auto m = boxes.mailbox(c.site.id, field(c, "code"));
    if (!m) throw domain::NotFound("本网站没有这个信箱。");
    const std::string name = field(c, "name");
    if (name.empty() || name.size() > 120) throw domain::Invalid({"请填写信箱名称（40字以内）"});
    m->name = name;
    m->intro = field(c, "intro");
    m->enabled = field(c, "enabled") == "1";
    boxes.save_mailbox(*m);
    c.audit("zmhd.mailbox_save", "letter_mailbox", m->code, m->enabled ? "enabled=1" : "enabled=0");
    return c.see_other(kUrl);
  });
  app.post(router, std::string(kUrl) + "/department-mailbox", managers, [](ConsoleRequest& c) {
    auto id = parse_positive_integer(field(c, "department_id"));
    auto dep = id ? store::DepartmentRepository(c.db).by_id(*id) : std::nullopt;
    if (!dep || dep->site_id != c.site.id) throw domain::Invalid({"请选择本网站的部门"});
    domain::Mailbox m;
    m.site_id = c.site.id;
    m.code = "dept-" + std::to_string(dep->id);
    m.kind = domain::MailboxKind::Department;
    m.name = dep->name + "信箱";
    m.department_id = dep->id;
    m.categories = {domain::LetterCategory::Consultation, domain::LetterCategory::Complaint,
                    domain::LetterCategory::Suggestion, domain::LetterCategory::HelpRequest,
                    domain::LetterCategory::Praise, domain::LetterCategory::Other};
    m.position = 10;
    store::MailboxRepository(c.db).save_mailbox(m);
    c.audit("zmhd.mailbox_save", "letter_mailbox", m.code, "department_id=" + std::to_string(dep->id));
    return c.see_other(kUrl);
  });
  app.post(router, std::string(kUrl) + "/rules", managers, [](ConsoleRequest& c) {
    domain::LetterSettings s;
    s.deadlines.working_days.clear();
    for (auto cat : domain::letter_categories())
      s.deadlines.working_days[cat] = days_field(c, "days_" + domain::to_code(cat), domain::to_label(cat) + "的办理期限");
    s.deadlines.rating_working_days = days_field(c, "rating_days", "评价期限");
    s.stock_phrases = domain::stock_phrases_from_text(c.form.value("phrases"));
    s.petition_channel = field(c, "petition_channel");
    store::MailboxRepository(c.db).save_settings(c.site.id, s);
    c.audit("zmhd.settings_save", "site", std::to_string(c.site.id), domain::format_deadlines(s.deadlines));
    return c.see_other(kUrl);
  });
  app.post(router, std::string(kUrl) + "/template", managers, [](ConsoleRequest& c) {
    store::ReplyTemplate t;
    t.site_id = c.site.id;
    const std::string id = field(c, "department_id");
    if (!id.empty()) {
      auto n = parse_positive_integer(id);
      auto dep = n ? store::DepartmentRepository(c.db).by_id(*n) : std::nullopt;
      if (!dep || dep->site_id != c.site.id) throw domain::Invalid({"请选择本网站的部门"});
      t.department_id = dep->id;
    }
    t.title = field(c, "title");
    t.body = field(c, "body");
    std::vector<std::string> problems;
    if (t.title.empty()) problems.push_back("请填写模板名称");
    if (t.body.empty()) problems.push_back("请填写模板内容");
    if (!problems.empty()) throw domain::Invalid(problems);
    const auto added = store::MailboxRepository(c.db).add_reply_template(t);
    c.audit("zmhd.template_add", "letter_reply_template", std::to_string(added));
    return c.see_other(kUrl);
  });
  app.post(router, std::string(kUrl) + "/contact", managers, [](ConsoleRequest& c) {
    store::LetterContact contact;
    const std::string id = field(c, "department_id");
    if (id != "0") {
      auto n = parse_positive_integer(id);
      auto dep = n ? store::DepartmentRepository(c.db).by_id(*n) : std::nullopt;
      if (!dep || dep->site_id != c.site.id) throw domain::Invalid({"请选择本网站的部门"});
      contact.department_id = dep->id;
    }
    contact.staff_email = field(c, "staff");
    contact.head_email = field(c, "head");
    std::vector<std::string> problems;
    if (!contact.staff_email.empty() && !domain::is_valid_email(contact.staff_email)) problems.push_back("承办人邮箱格式不正确");
    if (!contact.head_email.empty() && !domain::is_valid_email(contact.head_email)) problems.push_back("负责人邮箱格式不正确");
    if (!problems.empty()) throw domain::Invalid(problems);
    store::MailboxRepository(c.db).save_contact(c.site.id, contact);
    c.audit("zmhd.contact_set", "letter_contact", std::to_string(contact.department_id));
    return c.see_other(kUrl);
  });
}

}  // namespace zwgk::web::console
