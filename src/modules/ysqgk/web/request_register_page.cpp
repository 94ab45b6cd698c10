// Staff registration of an application (依申请公开) received by letter, in person, by fax,
// or taken down by phone for the online channel (Art. 29 ¶1, Art. 43: staff fill the form
// in; the same validation applies), with the receipt day of Art. 31 per channel:
//   in person — the day handed in; letter — the day signed for (an ordinary letter: the day
//   the office confirms receipt with the applicant); online / fax — the day both sides confirm.
#include "modules/ysqgk/domain/request_codes.hpp"
#include "http/router.hpp"
#include "modules/ysqgk/web/request_console_common.hpp"
#include "modules/ysqgk/web/request_pages.hpp"

namespace zwgk::web::console {

namespace {

using Choice = std::pair<std::string, std::string>;

View choices(const std::vector<Choice>& list, const std::string& selected) { return select_options(list, selected); }

const std::vector<const char*> kFields = {
    "channel", "handed_in", "signed_for", "confirmed_by_office", "both_sides_confirmed", "applicant_kind", "name",
    "id_type", "work_unit", "address", "postcode", "phone", "email", "org_kind", "org_name", "credit_code",
    "legal_representative", "contact_person", "contact_phone", "contact_email", "org_address", "org_postcode",
    "description", "doc_number", "medium", "delivery"};

// The form; `values` keeps what was typed (except the ID number, which is not echoed).
http::Response form(ConsoleRequest& c, const std::vector<std::string>& problems, int status) {
  View v{View::type::object};
  View f{View::type::object};
  for (const char* k : kFields) f.set(k, c.form.value(k));
  v.set("f", f);
  if (!c.form.value("ordinary_letter").empty()) v.set("ordinary_letter", true);
  const std::string channel = c.form.value("channel").empty() ? "letter" : c.form.value("channel");
  std::vector<Choice> channels;
  for (auto ch : {domain::RequestChannel::Letter, domain::RequestChannel::InPerson, domain::RequestChannel::Fax,
                  domain::RequestChannel::Online})
    channels.push_back({domain::to_code(ch), domain::to_label(ch) +
                                                 (ch == domain::RequestChannel::Online ? "（电话记录等）" : "")});
  v.set("channels", choices(channels, channel));
  const std::string kind = c.form.value("applicant_kind").empty() ? "natural_person" : c.form.value("applicant_kind");
  v.set("kinds", choices({{"natural_person", "自然人"}, {"organisation", "法人或其他组织"}}, kind));
  v.set("id_types", id_type_options(c.form.value("id_type")));
  v.set("org_kinds", organisation_kind_options(c.form.value("org_kind"), true));
  v.set("media", medium_options(c.form.value("medium").empty() ? "paper" : c.form.value("medium")));
  v.set("deliveries", delivery_options(c.form.value("delivery").empty() ? "post" : c.form.value("delivery")));
  View errs{View::type::list};
  for (const auto& p : problems) errs.push_back(View(p));
  v.set("problems", errs);
  v.set("has_problems", !problems.empty());
  v.set("today", c.app.today().iso());
  return c.page("登记政府信息公开申请", "ysqgk/console_request_new", v, status);
}

}  // namespace

void register_request_register_page(ConsoleApp& app, http::Router& router, EnvPtr env) {
  app.get(router, "/console/requests/new", request_handlers(), [](ConsoleRequest& c) { return form(c, {}, 200); });
  app.post(router, "/console/requests/new", request_handlers(), [env](ConsoleRequest& c) {
    // Parse: what the form cannot express (a malformed date, no choice) is a problem here;
    // the rules (Art. 29, 31) are domain::registration_problems, the same for the online form.
    std::vector<std::string> problems;
    domain::Registration in;
    in.channel = domain::request_channel_from(c.form.value("channel"));
    auto date = [&](const char* name, const char* label) -> std::optional<domain::Date> {
      const std::string v = field(c, name);
      if (v.empty()) return std::nullopt;
      auto d = domain::Date::parse(v);
      if (!d) problems.push_back(std::string(label) + "格式不正确，应为 YYYY-MM-DD");
      return d;
    };
    in.receipt.handed_in = date("handed_in", "当面提交日期");
    in.receipt.signed_for = date("signed_for", "签收日期");
    in.receipt.ordinary_letter = !c.form.value("ordinary_letter").empty();
    in.receipt.confirmed_by_office = date("confirmed_by_office", "与申请人确认收到的日期");
    in.receipt.both_sides_confirmed = date("both_sides_confirmed", "双方确认日期");
    std::vector<domain::FieldProblem> choices;
    in.applicant = applicant_from_form(c.form, choices);
    for (auto& p : choices) problems.push_back(std::move(p.message));
    in.description = field(c, "description");
    in.doc_number = field(c, "doc_number");
    in.medium = domain::medium_wanted_from(c.form.value("medium"));
    in.delivery = domain::delivery_method_from(c.form.value("delivery"));
    for (auto& p : domain::registration_problems(in, c.app.today())) problems.push_back(std::move(p));
    if (!problems.empty()) return form(c, problems, 400);
    RequestUseCases use(*env, c);
    const auto reg = use.run.register_received(use.caller, in);
    View v{View::type::object};
    v.set("tracking_number", reg.tracking_number);
    v.set("query_code", reg.query_code);
    v.set("channel", domain::to_label(reg.request.channel));
    v.set("received_on", domain::chinese_date_with_weekday(reg.request.received_on));
    v.set("due_on", domain::chinese_date_with_weekday(reg.due_on));
    v.set("url", request_url(reg.tracking_number));
    return c.page("申请已登记", "ysqgk/console_request_registered", v, 201);
  });
}

}  // namespace zwgk::web::console
