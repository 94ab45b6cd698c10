// Reply letter rendering: see reply_letter.hpp.
#include "modules/ysqgk/web/reply_letter.hpp"

#include "modules/ysqgk/domain/reply_letter_wording.hpp"

namespace zwgk::web {

store::ReplyLetter render_reply_letter(const TemplateRenderer& templates, const std::string& body_name,
                                       const domain::DisclosureRequest& r) {
  const auto& reply = r.history.back();
  const auto outcome = r.outcome.value_or(domain::ReplyOutcome::Other);
  View v{View::type::object};
  v.set("body_name", body_name);
  v.set("tracking_number", r.tracking_number);
  v.set("received_on", r.received_on.chinese());
  v.set("description", r.description);
  v.set("outcome_label", domain::to_full_label(outcome));
  v.set("statement", domain::outcome_statement(outcome));
  v.set("legal_basis", reply.legal_basis.empty() ? domain::default_legal_basis(outcome) : reply.legal_basis);
  v.set("note", reply.note.empty() ? View(false) : View(reply.note));
  v.set("remedy", domain::remedy_notice());
  v.set("replied_on", (r.closed_on ? *r.closed_on : reply.on).chinese());
  return {"政府信息公开申请答复书-" + r.tracking_number + ".html", "text/html; charset=utf-8",
          templates.render("ysqgk/reply_letter", v)};
}

}  // namespace zwgk::web
