#include "store/document_rows.hpp"

#include <map>

#include "domain/cache_tags.hpp"
#include "store/catalogue_queries.hpp"

namespace zwgk::store {

namespace {

struct DocumentRow {
  long long id = 0, site_id = 0;
  std::string external_id, title, doc_number, index_number;
  long long catalogue_id = 0, department_id = 0, interprets_id = 0;
  soci::indicator catalogue_ind = soci::i_null, department_ind = soci::i_null, interprets_ind = soci::i_null;
  std::string issuer;
  std::string written_on, published_on, disclosure, effective_on, expires_on, repealed_on;
  soci::indicator written_ind = soci::i_null, published_ind = soci::i_null, disclosure_ind = soci::i_null,
                  effective_ind = soci::i_null, expires_ind = soci::i_null, repealed_ind = soci::i_null;
  int amended = 0, legacy = 0, body_filter = 0;
  std::string topic, summary, body_html, kind, state;
  std::string created_at, updated_at, first_published_at;

  // Order must match document_columns().
  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(site_id));
    st.exchange(soci::into(external_id));
    st.exchange(soci::into(title));
    st.exchange(soci::into(doc_number));
    st.exchange(soci::into(index_number));
    st.exchange(soci::into(catalogue_id, catalogue_ind));
    st.exchange(soci::into(department_id, department_ind));
    st.exchange(soci::into(issuer));
    st.exchange(soci::into(written_on, written_ind));
    st.exchange(soci::into(published_on, published_ind));
    st.exchange(soci::into(disclosure, disclosure_ind));
    st.exchange(soci::into(effective_on, effective_ind));
    st.exchange(soci::into(expires_on, expires_ind));
    st.exchange(soci::into(repealed_on, repealed_ind));
    st.exchange(soci::into(amended));
    st.exchange(soci::into(topic));
    st.exchange(soci::into(summary));
    st.exchange(soci::into(body_html));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(state));
    st.exchange(soci::into(legacy));
    st.exchange(soci::into(interprets_id, interprets_ind));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
    st.exchange(soci::into(first_published_at));
    st.exchange(soci::into(body_filter));
  }

  domain::Document value() const {
    domain::Document d;
    d.id = id;
    d.site_id = site_id;
    d.external_id = external_id;
    d.title = title;
    d.doc_number = doc_number;
    d.index_number = index_number;
    d.catalogue_id = id_from(catalogue_id, catalogue_ind);
    d.department_id = id_from(department_id, department_ind);
    d.issuer = issuer;
    d.written_on = date_from(written_on, written_ind);
    d.published_on = date_from(published_on, published_ind);
    if (disclosure_ind != soci::i_null) d.disclosure = domain::disclosure_form_from(disclosure);
    d.effective_on = date_from(effective_on, effective_ind);
    d.expires_on = date_from(expires_on, expires_ind);
    d.repealed_on = date_from(repealed_on, repealed_ind);
    d.amended = amended != 0;
    d.topic = topic;
    d.summary = summary;
    d.body_html = body_html;
    d.kind = domain::document_kind_from(kind).value_or(domain::DocumentKind::Document);
    d.state = domain::document_state_from(state).value_or(domain::DocumentState::Draft);
    d.legacy = legacy != 0;
    d.interprets_id = id_from(interprets_id, interprets_ind);
    d.created_at = created_at;
    d.updated_at = updated_at;
    d.first_published_at = first_published_at;
    d.body_filter = body_filter;
    return d;
  }
};

}  // namespace

std::string document_columns(bool with_body) {
  return std::string(
             "d.id, d.site_id, d.external_id, d.title, d.doc_number, d.index_number, d.catalogue_id, "
             "d.department_id, d.issuer, d.written_on, d.published_on, d.disclosure, d.effective_on, "
             "d.expires_on, d.repealed_on, d.amended, d.topic, d.summary, ") +
         (with_body ? "d.body_html" : "''") +
         ", d.kind, d.state, d.legacy, d.interprets_id, d.created_at, d.updated_at, d.first_published_at, " +
         (with_body ? "d.body_filter" : "0");
}

std::vector<domain::Document> query_documents(Lease& lease, bool with_body, const std::string& tail, Binds& binds) {
  std::vector<domain::Document> out;
  soci::statement st(lease.sql());
  DocumentRow row;
  row.into(st);
  binds.apply(st);
  prepare_and_execute(st, "SELECT " + document_columns(with_body) + " FROM documents d " + tail);
  while (st.fetch()) out.push_back(row.value());
  return out;
}

void load_attachments(Lease& lease, std::vector<domain::Document>& docs) {
  if (docs.empty()) return;
  std::map<std::int64_t, domain::Document*> by_id;
  Binds b;
  std::string in;
  for (auto& d : docs) {
    d.attachments.clear();
    by_id[d.id] = &d;
    in += (in.empty() ? "" : ", ") + b.add(d.id);
  }
  long long id = 0, document_id = 0, size = 0;
  int position = 0;
  std::string file_name, sha256, media_type;
  soci::statement st(lease.sql());
  st.exchange(soci::into(id));
  st.exchange(soci::into(document_id));
  st.exchange(soci::into(position));
  st.exchange(soci::into(file_name));
  st.exchange(soci::into(sha256));
  st.exchange(soci::into(media_type));
  st.exchange(soci::into(size));
  b.apply(st);
  prepare_and_execute(st,
                      "SELECT id, document_id, position, file_name, sha256, media_type, size "
                      "FROM document_attachments WHERE document_id IN (" +
                          in + ") ORDER BY document_id, position, id");
  while (st.fetch()) {
    auto it = by_id.find(document_id);
    if (it == by_id.end()) continue;
    domain::Attachment a;
    a.id = id;
    a.position = position;
    a.file_name = file_name;
    a.sha256 = sha256;
    a.media_type = media_type;
    a.size = size;
    it->second->attachments.push_back(std::move(a));
  }
}

std::optional<domain::Document> load_document(Lease& lease, std::int64_t id, bool lock) {
  Binds b;
  std::string tail = "WHERE d.id = " + b.add(id);
  if (lock && !lease.sqlite()) tail += " FOR UPDATE";
  auto docs = query_documents(lease, true, tail, b);
  if (docs.empty()) return std::nullopt;
  load_attachments(lease, docs);
  return std::move(docs.front());
}

void add_document_tags(Lease& lease, const domain::Document& doc, std::vector<std::string>& tags) {
  tags.push_back(domain::tag_document(doc.id));
  tags.push_back(domain::tag_site_lists(doc.site_id));
  if (doc.catalogue_id)
    for (auto c : catalogue_with_ancestors(lease, *doc.catalogue_id)) tags.push_back(domain::tag_catalogue(c));
  if (doc.interprets_id) tags.push_back(domain::tag_document(*doc.interprets_id));
  const auto beside = document_neighbours(lease, doc);
  if (beside.previous) tags.push_back(domain::tag_document(beside.previous->id));
  if (beside.next) tags.push_back(domain::tag_document(beside.next->id));
}

// The validity rule of domain::derive_validity, in SQL. Dates are ISO text (SQLite) or
// DATE (PostgreSQL): both compare correctly with an ISO date parameter.
std::string validity_condition(domain::Validity v, const domain::Date& today, Binds& b) {
  auto t = [&] { return b.add(today.iso()); };
  const std::string not_amended = "d.amended = 0";
  auto not_repealed = [&] { return "(d.repealed_on IS NULL OR d.repealed_on > " + t() + ")"; };
  auto not_expired = [&] { return "(d.expires_on IS NULL OR d.expires_on >= " + t() + ")"; };
  switch (v) {
    case domain::Validity::Amended:
      return "d.amended <> 0";
    case domain::Validity::Repealed:
      return not_amended + " AND d.repealed_on <= " + t();
    case domain::Validity::Expired:
      return not_amended + " AND " + not_repealed() + " AND d.expires_on < " + t();
    case domain::Validity::NotYetEffective:
      return not_amended + " AND " + not_repealed() + " AND " + not_expired() + " AND d.effective_on > " + t();
    case domain::Validity::Valid:
      return not_amended + " AND " + not_repealed() + " AND " + not_expired() +
             " AND (d.effective_on IS NULL OR d.effective_on <= " + t() + ")";
  }
  return "1 = 1";
}

}  // namespace zwgk::store
