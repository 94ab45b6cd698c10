// See mailbox_repository.hpp.
#include "modules/zmhd/store/mailbox_repository.hpp"

#include <sodium.h>

#include "modules/zmhd/domain/letter_cache_tags.hpp"
#include "store/database_impl.hpp"
#include "store/personal_data_key.hpp"
#include "store/query_code.hpp"

namespace zwgk::store {

namespace {

constexpr const char* kMailboxColumns =
    "id, site_id, code, kind, name, department_id, categories, intro, position, enabled";

std::vector<domain::Mailbox> load_mailboxes(Lease& lease, const std::string& where, Binds& b) {
  std::vector<domain::Mailbox> out;
  long long id = 0, site = 0, dep = 0;
  soci::indicator dep_ind = soci::i_ok;
  int position = 0, enabled = 0;
  std::string code, kind, name, categories, intro;
  soci::statement st(lease.sql());
  st.exchange(soci::into(id));
  st.exchange(soci::into(site));
  st.exchange(soci::into(code));
  st.exchange(soci::into(kind));
  st.exchange(soci::into(name));
  st.exchange(soci::into(dep, dep_ind));
  st.exchange(soci::into(categories));
  st.exchange(soci::into(intro));
  st.exchange(soci::into(position));
  st.exchange(soci::into(enabled));
  b.apply(st);
  prepare_and_execute(st, std::string("SELECT ") + kMailboxColumns + " FROM letter_mailboxes " + where +
                              " ORDER BY position, id");
  while (st.fetch()) {
    domain::Mailbox m;
    m.id = id;
    m.site_id = site;
    m.code = code;
    m.kind = domain::mailbox_kind_from(kind).value_or(domain::MailboxKind::Consultation);
    m.name = name;
    m.department_id = id_from(dep, dep_ind);
    m.categories = domain::categories_from_codes(categories);
    m.intro = intro;
    m.position = position;
    m.enabled = enabled != 0;
    out.push_back(std::move(m));
  }
  return out;
}

std::string token_hash(const std::string& token) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return to_hex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}


}  // namespace

std::vector<domain::Mailbox> MailboxRepository::mailboxes(std::int64_t site_id, bool enabled_only) {
  return guarded("读取信箱失败", [&] {
    Lease lease(db_);
    Binds b;
    return load_mailboxes(lease, "WHERE site_id = " + b.add(static_cast<long long>(site_id)) +
                                     (enabled_only ? " AND enabled = 1" : ""),
                          b);
  });
}

std::optional<domain::Mailbox> MailboxRepository::mailbox(std::int64_t site_id, const std::string& code) {
  return guarded("读取信箱失败", [&]() -> std::optional<domain::Mailbox> {
    Lease lease(db_);
    Binds b;
    auto v = load_mailboxes(lease, "WHERE site_id = " + b.add(static_cast<long long>(site_id)) + " AND code = " + b.add(code), b);
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

std::optional<domain::Mailbox> MailboxRepository::mailbox_by_id(std::int64_t id) {
  return guarded("读取信箱失败", [&]() -> std::optional<domain::Mailbox> {
    Lease lease(db_);
    Binds b;
    auto v = load_mailboxes(lease, "WHERE id = " + b.add(static_cast<long long>(id)), b);
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

std::int64_t MailboxRepository::save_mailbox(const domain::Mailbox& m) {
  return guarded("保存信箱失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = m.site_id, id = 0;
    NullableId dep(m.department_id);
    std::string kind = domain::to_code(m.kind), categories = domain::categories_to_codes(m.categories);
    int position = m.position, enabled = m.enabled ? 1 : 0;
    lease.sql() << "INSERT INTO letter_mailboxes (site_id, code, kind, name, department_id, categories, intro, position, "
                   "enabled) VALUES (:site, :code, :kind, :name, :dep, :cat, :intro, :pos, :en) "
                   "ON CONFLICT (site_id, code) DO UPDATE SET kind = excluded.kind, name = excluded.name, "
                   "department_id = excluded.department_id, categories = excluded.categories, intro = excluded.intro, "
                   "position = excluded.position, enabled = excluded.enabled RETURNING id",
        soci::use(site, "site"), soci::use(m.code, "code"), soci::use(kind, "kind"), soci::use(m.name, "name"),
        soci::use(dep.value, dep.ind, "dep"), soci::use(categories, "cat"), soci::use(m.intro, "intro"),
        soci::use(position, "pos"), soci::use(enabled, "en"), soci::into(id);
    tx.commit();
    db_.notify_changed({domain::tag_letters(m.site_id), domain::tag_mailboxes(m.site_id)});
    return static_cast<std::int64_t>(id);
  });
}

void MailboxRepository::ensure_default_mailboxes(std::int64_t site_id, const std::string& leader_name) {
  if (!mailboxes(site_id, false).empty()) return;
  using domain::LetterCategory;
  const std::vector<LetterCategory> general = {LetterCategory::Consultation, LetterCategory::Complaint,
                                               LetterCategory::Suggestion,   LetterCategory::HelpRequest,
                                               LetterCategory::Praise,       LetterCategory::Other};
  save_mailbox({0, site_id, "leader", domain::MailboxKind::Leader, leader_name, std::nullopt, general, "", 1, true});
  save_mailbox({0, site_id, "consult", domain::MailboxKind::Consultation, "咨询投诉", std::nullopt, general, "", 2, true});
  save_mailbox({0, site_id, "error", domain::MailboxKind::ErrorReport, "我为政府网站找错", std::nullopt,
                {LetterCategory::ErrorReport}, "", 3, true});
}

domain::LetterSettings MailboxRepository::settings(std::int64_t site_id) {
  return guarded("读取信箱设置失败", [&] {
    Lease lease(db_);
    long long site = site_id;
    std::string deadlines, phrases, petition;
    int rating = 10;
    lease.sql() << "SELECT deadlines, rating_working_days, stock_phrases, petition_channel FROM letter_settings "
                   "WHERE site_id = :site",
        soci::use(site, "site"), soci::into(deadlines), soci::into(rating), soci::into(phrases), soci::into(petition);
    domain::LetterSettings s;
    if (!lease.sql().got_data()) return s;
    std::string error;
    if (auto d = domain::parse_deadlines(deadlines, rating, error)) s.deadlines = *d;
    s.stock_phrases = domain::stock_phrases_from_text(phrases);
    s.petition_channel = petition;
    return s;
  });
}

void MailboxRepository::save_settings(std::int64_t site_id, const domain::LetterSettings& s) {
  guarded("保存信箱设置失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = site_id;
    std::string deadlines = domain::format_deadlines(s.deadlines), phrases = domain::stock_phrases_to_text(s.stock_phrases);
    int rating = s.deadlines.rating_working_days;
    lease.sql() << "INSERT INTO letter_settings (site_id, deadlines, rating_working_days, stock_phrases, "
                   "petition_channel) VALUES (:site, :d, :r, :p, :pc) ON CONFLICT (site_id) DO UPDATE SET "
                   "deadlines = excluded.deadlines, rating_working_days = excluded.rating_working_days, "
                   "stock_phrases = excluded.stock_phrases, petition_channel = excluded.petition_channel",
        soci::use(site, "site"), soci::use(deadlines, "d"), soci::use(rating, "r"), soci::use(phrases, "p"),
        soci::use(s.petition_channel, "pc");
    tx.commit();
  });
}

LetterContact MailboxRepository::contact(std::int64_t site_id, std::int64_t department_id) {
  return guarded("读取部门联系人失败", [&] {
    Lease lease(db_);
    long long site = site_id, dep = department_id;
    LetterContact c;
    c.department_id = department_id;
    lease.sql() << "SELECT staff_email, head_email FROM letter_contacts WHERE site_id = :site AND department_id = :dep",
        soci::use(site, "site"), soci::use(dep, "dep"), soci::into(c.staff_email), soci::into(c.head_email);
    return c;
  });
}

void MailboxRepository::save_contact(std::int64_t site_id, const LetterContact& c) {
  guarded("保存部门联系人失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = site_id, dep = c.department_id;
    lease.sql() << "INSERT INTO letter_contacts (site_id, department_id, staff_email, head_email) VALUES (:site, :dep, "
                   ":s, :h) ON CONFLICT (site_id, department_id) DO UPDATE SET staff_email = excluded.staff_email, "
                   "head_email = excluded.head_email",
        soci::use(site, "site"), soci::use(dep, "dep"), soci::use(c.staff_email, "s"), soci::use(c.head_email, "h");
    tx.commit();
  });
}

std::vector<ReplyTemplate> MailboxRepository::reply_templates(std::int64_t site_id,
                                                              std::optional<std::int64_t> department_id) {
  return guarded("读取答复模板失败", [&] {
    Lease lease(db_);
    std::vector<ReplyTemplate> out;
    long long site = site_id, dep = department_id.value_or(0), id = 0, tdep = 0;
    soci::indicator tdep_ind = soci::i_ok;
    ReplyTemplate t;
    soci::statement st = (lease.sql().prepare << "SELECT id, department_id, title, body FROM letter_reply_templates "
                                                 "WHERE site_id = :site AND (department_id IS NULL OR department_id = "
                                                 ":dep) ORDER BY department_id IS NULL, id",
                          soci::use(site, "site"), soci::use(dep, "dep"), soci::into(id), soci::into(tdep, tdep_ind),
                          soci::into(t.title), soci::into(t.body));
    st.execute();
    while (st.fetch()) {
      t.id = id;
      t.site_id = site_id;
      t.department_id = id_from(tdep, tdep_ind);
      out.push_back(t);
    }
    return out;
  });
}

std::int64_t MailboxRepository::add_reply_template(const ReplyTemplate& t) {
  return guarded("保存答复模板失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = t.site_id, id = 0;
    NullableId dep(t.department_id);
    lease.sql() << "INSERT INTO letter_reply_templates (site_id, department_id, title, body) VALUES (:site, :dep, "
                   ":title, :body) RETURNING id",
        soci::use(site, "site"), soci::use(dep.value, dep.ind, "dep"), soci::use(t.title, "title"),
        soci::use(t.body, "body"), soci::into(id);
    tx.commit();
    return static_cast<std::int64_t>(id);
  });
}

std::pair<IntegrationClient, std::string> MailboxRepository::add_client(std::int64_t site_id, const std::string& name) {
  const std::string token = "zwgk_" + random_hex(24);
  IntegrationClient c;
  c.site_id = site_id;
  c.name = name;
  guarded("登记对接系统失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = site_id, id = 0;
    std::string hash = token_hash(token), now = now_utc_iso();
    lease.sql() << "INSERT INTO integration_clients (site_id, name, token_hash, created_at) VALUES (:site, :name, :h, "
                   ":now) RETURNING id",
        soci::use(site, "site"), soci::use(c.name, "name"), soci::use(hash, "h"), soci::use(now, "now"), soci::into(id);
    c.id = id;
    tx.commit();
  });
  return {c, token};
}

std::optional<IntegrationClient> MailboxRepository::client_by_token(const std::string& token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  return guarded("读取对接系统失败", [&]() -> std::optional<IntegrationClient> {
    Lease lease(db_);
    std::string hash = token_hash(token), revoked;
    long long id = 0, site = 0;
    soci::indicator revoked_ind = soci::i_ok;
    IntegrationClient c;
    lease.sql() << "SELECT id, site_id, name, revoked_at FROM integration_clients WHERE token_hash = :h",
        soci::use(hash, "h"), soci::into(id), soci::into(site), soci::into(c.name), soci::into(revoked, revoked_ind);
    if (!lease.sql().got_data() || revoked_ind != soci::i_null) return std::nullopt;
    c.id = id;
    c.site_id = site;
    return c;
  });
}

void MailboxRepository::revoke_client(std::int64_t id) {
  guarded("停用对接系统失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long cid = id;
    std::string now = now_utc_iso();
    lease.sql() << "UPDATE integration_clients SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL",
        soci::use(now, "now"), soci::use(cid, "id");
    tx.commit();
  });
}

std::vector<IntegrationClient> MailboxRepository::clients(std::int64_t site_id) {
  return guarded("读取对接系统失败", [&] {
    Lease lease(db_);
    std::vector<IntegrationClient> out;
    long long site = site_id, id = 0;
    std::string name, revoked;
    soci::indicator revoked_ind = soci::i_ok;
    soci::statement st = (lease.sql().prepare << "SELECT id, name, revoked_at FROM integration_clients WHERE site_id = "
                                                 ":site ORDER BY id",
                          soci::use(site, "site"), soci::into(id), soci::into(name), soci::into(revoked, revoked_ind));
    st.execute();
    while (st.fetch()) out.push_back({id, site_id, name, revoked_ind != soci::i_null});
    return out;
  });
}

}  // namespace zwgk::store
