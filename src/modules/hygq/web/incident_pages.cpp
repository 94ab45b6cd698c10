// 回应关切 public pages: see incident_pages.hpp.
#include "modules/hygq/web/incident_pages.hpp"

#include <map>

#include "domain/cache_tags.hpp"
#include "domain/china_time.hpp"
#include "modules/hygq/domain/incident_cache_tags.hpp"
#include "modules/zxft/domain/event_cache_tags.hpp"
#include "modules/hygq/store/incident_repository.hpp"
#include "web/layout_view.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

// An event's public page: the 在线访谈 / 新闻发布会 module's (src/modules/zxft/), P/zxft/{id}/.
std::string event_url(const domain::Site& s, std::int64_t id) { return s.path_prefix + "/zxft/" + std::to_string(id) + "/"; }

http::Response column_page(PageContext& ctx) {
  const auto& site = ctx.site;
  store::IncidentRepository repo(ctx.env.db);
  const auto settings = repo.settings(site.id);
  const auto now = domain::instant_of_unix(ctx.env.options.now_unix());
  PageMeta meta;
  meta.title = "回应关切";
  meta.nav = "hygq";
  meta.breadcrumb = {{"回应关切", ""}};
  add_column_meta(meta, "回应关切", "突发事件权威发布、新闻发布会和政务舆情回应", "回应关切,权威发布,新闻发布会,政务舆情回应",
                  "互动交流");
  View v = layout_view(ctx, meta);
  // One block per incident, in the order of its newest response.
  std::vector<std::int64_t> order;
  std::map<std::int64_t, std::vector<const store::PublicResponse*>> by_incident;
  const auto responses = repo.public_responses(site.id);
  for (const auto& r : responses) {
    if (!by_incident.count(r.incident_id)) order.push_back(r.incident_id);
    by_incident[r.incident_id].push_back(&r);
  }
  long long expires = 0;
  View incidents{View::type::list};
  for (auto id : order) {
    const auto& items = by_incident[id];
    const auto* first = items.front();
    View iv{View::type::object};
    iv.set("title", first->incident_title);
    iv.set("date", domain::china_time(first->known_at).date.iso());
    iv.set("level", domain::to_label(first->level));
    View list{View::type::list};
    for (const auto* r : items) {
      View rv{View::type::object};
      rv.set("title", r->title);
      rv.set("url", r->document_id ? document_url(site, *r->document_id)
                    : r->event_id  ? event_url(site, *r->event_id)
                                   : r->url);
      rv.set("has_url", r->document_id || r->event_id || !r->url.empty());
      rv.set("kind", std::string(r->document_id ? "权威发布" : r->event_id ? "新闻发布会" : "回应"));
      rv.set("date", domain::format_china_minute(r->at));
      list.push_back(rv);
    }
    iv.set("responses", list);
    if (settings.public_clock) {
      if (auto incident = repo.find(id)) {
        View clocks{View::type::list};
        for (const auto& s : domain::incident_clocks(*incident, settings.rules, repo.fulfilments(id), now)) {
          View cv{View::type::object};
          cv.set("label", domain::to_label(s.clock) + "（" + std::to_string(s.hours) + "小时内）");
          cv.set("text", domain::public_text(s));
          // The page is cached until the earliest running clock falls due.
          if (s.state == domain::ClockState::Running) {
            const long long due = s.due.time_since_epoch().count() + 1;
            if (!expires || due < expires) expires = due;
          }
          clocks.push_back(cv);
        }
        iv.set("has_clocks", !clocks.is_empty_list());
        iv.set("clocks", clocks);
      }
    }
    incidents.push_back(iv);
  }
  v.set("incidents", incidents);
  v.set("has_incidents", !incidents.is_empty_list());
  v.set("public_clock", settings.public_clock);
  auto resp = render_page(ctx, "hygq/index", v);
  // events:<site>: a linked 新闻发布会 that goes live or ends (zxft) changes what is listed.
  resp.cache_tags = {domain::tag_site(site.id), domain::tag_site_lists(site.id), domain::tag_incidents(site.id),
                     domain::tag_events(site.id)};
  resp.cache_expires_at = expires;
  return resp;
}

}  // namespace

std::optional<http::Response> incident_page(PageContext& ctx, const std::vector<std::string_view>& seg) {
  const std::string base = ctx.site.path_prefix + "/hygq/";
  if (seg.size() == 1) return http::Response::redirect(base, 301);
  if (seg.size() == 2 && seg[1].empty()) return column_page(ctx);
  return std::nullopt;
}

}  // namespace zwgk::web
