// The 12345 API: a hotline platform pushes a 工单 into a case (channel 12345) and reads back
// its state and reply. Contract in docs/api.md. A token belongs to one integrating system and
// one site (integration_clients); it reads only the letters it pushed. No response carries
// the writer's name, phone or e-mail.
#include <nlohmann/json.hpp>

#include <spdlog/spdlog.h>

#include "modules/zmhd/service/letter_service.hpp"
#include "modules/zmhd/store/letter_repository.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "modules/zmhd/web/letter_console.hpp"
#include "web/api_error.hpp"
#include "web/error_mapping.hpp"
#include "web/site_app.hpp"

namespace zwgk::web {

namespace {

using api::Json;

constexpr std::size_t kMaxBody = 64 * 1024;

std::optional<std::string> bearer(const http::Request& req) {
  const std::string h(req.header("authorization").value_or(""));
  constexpr std::string_view prefix = "Bearer ";
  if (h.size() <= prefix.size() || h.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  return h.substr(prefix.size());
}

http::Response unauthorized(const http::Request& req) {
  auto r = api::error_response(req, 401, "unauthorized", "缺少或无效的接口令牌（Authorization: Bearer <令牌>）");
  r.set_header("WWW-Authenticate", "Bearer realm=\"zwgk\"");
  return r;
}

std::string text_field(const Json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return {};
  if (!it->is_string()) throw api::bad_request(std::string("字段 ") + name + " 应为字符串");
  return it->get<std::string>();
}

Json letter_json(const store::StoredLetter& s, const domain::WorkingDayCalendar& cal,
                 const domain::LetterSettings& settings, domain::Date today) {
  const auto& l = s.letter;
  Json out;
  out["number"] = l.number;
  out["ticket_id"] = s.external_id;
  out["category"] = {{"code", domain::to_code(l.category)}, {"label", domain::to_label(l.category)}};
  out["state"] = {{"code", domain::to_code(l.state)}, {"label", domain::to_label(l.state)}};
  out["round"] = l.round;
  out["received_on"] = l.received_on.iso();
  out["accepted_on"] = l.accepted_on ? Json(l.accepted_on->iso()) : Json(nullptr);
  out["department"] = l.department.empty() ? Json(nullptr) : Json(l.department);
  const auto due = domain::letter_due_on(l, cal, settings.deadlines);
  const bool answered = l.state == domain::LetterState::Replied || l.state == domain::LetterState::Closed;
  out["due_on"] = due && !answered && !domain::is_terminal(l.state) ? Json(due->iso()) : Json(nullptr);
  out["rejection"] = l.rejection && l.state == domain::LetterState::Rejected
                         ? Json{{"code", domain::to_code(*l.rejection)},
                                {"label", domain::to_label(*l.rejection)},
                                {"notice", domain::rejection_notice(*l.rejection)}}
                         : Json(nullptr);
  out["merged_into"] = l.merged_into.empty() ? Json(nullptr) : Json(l.merged_into);
  out["replied_on"] = l.replied_on ? Json(l.replied_on->iso()) : Json(nullptr);
  out["reply"] = answered && !l.reply.empty() ? Json(l.reply) : Json(nullptr);
  const auto eff = domain::effective_rating(l, cal, settings.deadlines, today);
  out["rating"] = eff.rating ? Json{{"code", domain::to_code(*eff.rating)},
                                    {"label", eff.by_default ? std::string("默认满意") : domain::to_label(*eff.rating)},
                                    {"by_default", eff.by_default}}
                             : Json(nullptr);
  return out;
}

}  // namespace

void register_letter_api(http::Router& router, store::Database& db, const WebOptions& options) {
  router.post("/api/v1/letters", api::guarded([&db, &options](http::Request& req) {
    auto token = bearer(req);
    auto client = token ? store::MailboxRepository(db).client_by_token(*token) : std::nullopt;
    if (!client) return unauthorized(req);
    if (req.body.size() > kMaxBody) throw api::bad_request("请求体过大（上限 64 KB）");
    Json body = Json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !body.is_object()) throw api::bad_request("请求体应为 JSON 对象");
    domain::LetterSubmission s;
    s.external_id = text_field(body, "ticket_id");
    const std::string category = text_field(body, "category");
    s.category = domain::letter_category_from(category);
    if (!category.empty() && !s.category) throw api::bad_request("category 取值无效：" + category);
    s.title = text_field(body, "title");
    s.content = text_field(body, "content");
    s.writer = {text_field(body, "name"), text_field(body, "phone"), text_field(body, "email")};
    if (auto it = body.find("consent_publish"); it != body.end()) {
      if (!it->is_boolean()) throw api::bad_request("字段 consent_publish 应为 true 或 false");
      s.consent_publish = it->get<bool>();
    }
    std::string mailbox = text_field(body, "mailbox");
    if (mailbox.empty()) mailbox = "consult";
    const auto key = store::PersonalDataKey::derive_from(options.secret);
    const auto cal = options.calendar->current();
    const auto today = options.today();
    auto out = modules::zmhd::LetterService(db, key, *cal, today).submit_from_system(*client, mailbox, std::move(s));
    spdlog::info("zmhd: 12345 ticket received client={} number={}", client->id, out.number);
    auto stored = store::LetterRepository(db, key).find(out.number);
    auto resp = api::json_response(letter_json(*stored, *cal, store::MailboxRepository(db).settings(client->site_id), today), 201);
    resp.set_header("Cache-Control", "no-store");
    resp.set_header("Location", "/api/v1/letters/" + out.number);
    return resp;
  }));
  router.get("/api/v1/letters/{number}", api::guarded([&db, &options](http::Request& req) {
    auto token = bearer(req);
    auto client = token ? store::MailboxRepository(db).client_by_token(*token) : std::nullopt;
    if (!client) return unauthorized(req);
    constexpr const char* kUnknown = "没有这件来信";
    auto number = domain::normalise_letter_number(req.param("number"));
    if (!number) throw api::not_found(kUnknown);
    const auto key = store::PersonalDataKey::derive_from(options.secret);
    auto found = store::LetterRepository(db, key).find(*number);
    // Only what this system pushed, on its own site: another's letter is absent, not refused.
    if (!found || found->site_id != client->site_id || found->source_system != client->id)
      throw api::not_found(kUnknown);
    const auto cal = options.calendar->current();
    auto resp = api::json_response(
        letter_json(*found, *cal, store::MailboxRepository(db).settings(client->site_id), options.today()));
    resp.set_header("Cache-Control", "no-store");
    return resp;
  }));
}

}  // namespace zwgk::web
