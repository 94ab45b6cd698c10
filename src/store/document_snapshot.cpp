#include "store/document_snapshot.hpp"

#include <nlohmann/json.hpp>

#include "store/database.hpp"

namespace zwgk::store {

namespace {
using nlohmann::json;
json date(const std::optional<domain::Date>& d) { return d ? json(d->iso()) : json(nullptr); }
json id(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }
std::optional<domain::Date> date_of(const json& j, const char* k) {
  if (!j.contains(k) || j[k].is_null()) return std::nullopt;
  return domain::Date::parse(j[k].get<std::string>());
}
std::optional<std::int64_t> id_of(const json& j, const char* k) {
  if (!j.contains(k) || j[k].is_null()) return std::nullopt;
  return j[k].get<std::int64_t>();
}
std::string str(const json& j, const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : ""; }
}  // namespace

std::string snapshot_text(const domain::Document& d) {
  json atts = json::array();
  for (const auto& a : d.attachments)
    atts.push_back({{"id", a.id}, {"file_name", a.file_name}, {"sha256", a.sha256}, {"media_type", a.media_type},
                    {"size", a.size}});
  json j = {{"id", d.id},
            {"site_id", d.site_id},
            {"external_id", d.external_id},
            {"title", d.title},
            {"doc_number", d.doc_number},
            {"index_number", d.index_number},
            {"catalogue_id", id(d.catalogue_id)},
            {"department_id", id(d.department_id)},
            {"issuer", d.issuer},
            {"written_on", date(d.written_on)},
            {"published_on", date(d.published_on)},
            {"disclosure", d.disclosure ? json(domain::to_code(*d.disclosure)) : json(nullptr)},
            {"effective_on", date(d.effective_on)},
            {"expires_on", date(d.expires_on)},
            {"repealed_on", date(d.repealed_on)},
            {"amended", d.amended},
            {"topic", d.topic},
            {"summary", d.summary},
            {"body_html", d.body_html},
            {"kind", domain::to_code(d.kind)},
            {"legacy", d.legacy},
            {"interprets_id", id(d.interprets_id)},
            {"attachments", atts}};
  return j.dump();
}

domain::Document document_from_snapshot(const std::string& text) {
  try {
    const json j = json::parse(text);
    domain::Document d;
    d.id = j.value("id", std::int64_t{0});
    d.site_id = j.value("site_id", std::int64_t{0});
    d.external_id = str(j, "external_id");
    d.title = str(j, "title");
    d.doc_number = str(j, "doc_number");
    d.index_number = str(j, "index_number");
    d.catalogue_id = id_of(j, "catalogue_id");
    d.department_id = id_of(j, "department_id");
    d.issuer = str(j, "issuer");
    d.written_on = date_of(j, "written_on");
    d.published_on = date_of(j, "published_on");
    if (j.contains("disclosure") && j["disclosure"].is_string())
      d.disclosure = domain::disclosure_form_from(j["disclosure"].get<std::string>());
    d.effective_on = date_of(j, "effective_on");
    d.expires_on = date_of(j, "expires_on");
    d.repealed_on = date_of(j, "repealed_on");
    d.amended = j.value("amended", false);
    d.topic = str(j, "topic");
    d.summary = str(j, "summary");
    d.body_html = str(j, "body_html");
    d.kind = domain::document_kind_from(str(j, "kind")).value_or(domain::DocumentKind::Document);
    d.legacy = j.value("legacy", false);
    d.interprets_id = id_of(j, "interprets_id");
    int pos = 0;
    if (j.contains("attachments"))
      for (const auto& a : j["attachments"]) {
        domain::Attachment at;
        at.id = a.value("id", std::int64_t{0});
        at.file_name = str(a, "file_name");
        at.sha256 = str(a, "sha256");
        at.media_type = str(a, "media_type");
        at.size = a.value("size", std::int64_t{0});
        at.position = pos++;
        d.attachments.push_back(std::move(at));
      }
    return d;
  } catch (const nlohmann::json::exception& e) {
    throw StoreError(std::string("版本快照无法读取: ") + e.what());
  }
}

}  // namespace zwgk::store
