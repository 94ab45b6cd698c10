// Publishing (now or scheduled), amendments, the gates before publishing (privacy guard,
// 政策解读 rule), withdrawal and 失效/废止.
#include "domain/cache_tags.hpp"
#include "domain/errors.hpp"
#include "store/document_rows.hpp"
#include "store/search_index_sync.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "modules/publishing/store/workflow_rows.hpp"
#include "modules/publishing/store/workflow_run.hpp"

namespace zwgk::store {

using namespace workflow_rows;
using domain::Action;

namespace {

const Actor kSystem{0, "system", ""};

bool ready_to_publish(const WorkflowInfo& i) {
  return i.status.stage == domain::Stage::Approved || i.status.stage == domain::Stage::Scheduled;
}

void privacy_gate(Lease& lease, std::int64_t id, const domain::Document& snapshot, const std::string& prefix) {
  const auto message = domain::privacy_block_message(guard(lease, id, snapshot));
  if (!message.empty()) throw WorkflowRefused(WorkflowRefused::Kind::Blocked, prefix + message);
}

std::string catalogue_code(Lease& lease, const std::optional<std::int64_t>& id) {
  if (!id) return {};
  long long i = *id;
  std::string code;
  lease.sql() << "SELECT code FROM catalogue_nodes WHERE id = :id", soci::use(i, "id"), soci::into(code);
  return lease.sql().got_data() ? code : std::string();
}

std::vector<std::string> site_interpretation_catalogues(Lease& lease, std::int64_t site_id) {
  std::vector<std::string> out;
  long long site = site_id;
  std::string code;
  soci::statement st = (lease.sql().prepare << "SELECT catalogue_code FROM interpretation_catalogues WHERE site_id = :s",
                        soci::use(site, "s"), soci::into(code));
  st.execute();
  while (st.fetch()) out.push_back(code);
  return out.empty() ? domain::default_interpretation_catalogues() : out;
}

// The gates before publishing `snapshot` of l; returns the approved interpretations that go
// out in the same step. Throws WorkflowRefused(Blocked).
std::vector<Locked> gates(Lease& lease, const Locked& l, const domain::Document& snapshot) {
  privacy_gate(lease, l.doc.id, snapshot, "");
  if (snapshot.kind == domain::DocumentKind::Interpretation && snapshot.interprets_id) {
    auto policy = load_document(lease, *snapshot.interprets_id);
    if (policy && policy->state != domain::DocumentState::Published)
      throw WorkflowRefused(WorkflowRefused::Kind::Blocked,
                            "政策解读须与所解读的文件同步发布：请在发布《" + policy->title + "》时一并发布");
  }
  std::vector<Locked> together;
  bool satisfied = false;
  {
    long long id = l.doc.id, iid = 0;
    std::vector<std::int64_t> ids;
    soci::statement st = (lease.sql().prepare << "SELECT id FROM documents WHERE interprets_id = :id "
                                                 "AND kind = 'interpretation' ORDER BY id",
                          soci::use(id, "id"), soci::into(iid));
    st.execute();
    while (st.fetch()) ids.push_back(iid);
    for (auto i : ids) {
      auto li = lock(lease, i);
      if (li.doc.state == domain::DocumentState::Published && !ready_to_publish(li.info)) {
        satisfied = true;
      } else if (ready_to_publish(li.info)) {
        privacy_gate(lease, i, latest_snapshot(lease, li), "政策解读《" + li.doc.title + "》：");
        together.push_back(std::move(li));
        satisfied = true;
      }
    }
  }
  const bool required = domain::requires_interpretation(snapshot, catalogue_code(lease, snapshot.catalogue_id),
                                                        site_interpretation_catalogues(lease, snapshot.site_id));
  if (required && !satisfied && !l.info.interpretation_exempted)
    throw WorkflowRefused(WorkflowRefused::Kind::Blocked,
                          "该文件须与政策解读同步发布：请先使政策解读通过保密审查并批准，与文件一并发布；或登记免于解读的理由");
  return together;
}

// Makes revision `number` of l the public version.
int make_public(Lease& lease, Locked& l, int number, const PublishOptions& options, const Actor& actor,
                std::vector<std::string>& tags, nlohmann::json extra) {
  auto rev = load_revision(lease, l.doc.id, number);
  if (!rev) throw NotFound("文件版本不存在: " + std::to_string(number));
  const Action action = l.info.status.has_published_version ? Action::Amend : Action::Publish;
  domain::Document doc = rev->snapshot;
  doc.id = l.doc.id;
  doc.disclosure = l.info.status.decision.value_or(domain::DisclosureForm::Proactive);
  write_document(lease, doc, tags);
  publish_document(lease, doc, tags);
  long long id = l.doc.id, v = 0;
  lease.sql() << "SELECT COALESCE(max(version), 0) FROM document_revisions WHERE document_id = :id", soci::use(id, "id"),
      soci::into(v);
  const int version = static_cast<int>(v) + 1;
  int n = number, major = options.major ? 1 : 0;
  std::string now = now_utc_iso(), note = options.change_note;
  lease.sql() << "UPDATE document_revisions SET version = :v, published_at = :now, major = :major, change_note = :note "
                 "WHERE document_id = :id AND number = :n",
      soci::use(version, "v"), soci::use(now, "now"), soci::use(major, "major"), soci::use(note, "note"),
      soci::use(id, "id"), soci::use(n, "n");
  l.info.status = domain::apply_transition(l.info.status, action);
  l.info.published_revision = number;
  l.info.scheduled_at.clear();
  l.info.withdrawn_reason.clear();
  store_info(lease, l.info);
  extra["revision"] = number;
  extra["version"] = version;
  extra["index_number"] = doc.index_number;
  if (action == Action::Amend) {
    extra["change_note"] = options.change_note;
    extra["major"] = options.major;
  }
  audit(lease, actor, action == Action::Amend ? "publishing.amend" : "publishing.publish", l.doc.id, std::move(extra));
  return version;
}

// The options stored with a scheduled revision.
PublishOptions stored_options(Lease& lease, std::int64_t id, int number) {
  auto rev = load_revision(lease, id, number);
  PublishOptions o;
  if (rev) {
    o.change_note = rev->change_note;
    o.major = rev->major;
  }
  return o;
}

domain::Document publish_locked(Lease& lease, Locked& l, const PublishOptions& options, const Actor& actor,
                                std::vector<std::string>& tags) {
  const auto snapshot = latest_snapshot(lease, l);
  auto together = gates(lease, l, snapshot);
  nlohmann::json extra = nlohmann::json::object();
  if (!together.empty()) {
    extra["interpretations"] = nlohmann::json::array();
    for (const auto& t : together) extra["interpretations"].push_back(t.doc.id);
  }
  make_public(lease, l, l.info.latest_revision, options, actor, tags, std::move(extra));
  for (auto& t : together) {
    PublishOptions o;
    if (t.info.status.has_published_version) o.change_note = "与所解读的文件同步更新";
    make_public(lease, t, t.info.latest_revision, o, actor, tags, {{"together_with", l.doc.id}});
  }
  auto doc = load_document(lease, l.doc.id);
  return *doc;
}

bool valid_utc(const std::string& s) {
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
    return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u, 11u, 12u, 14u, 15u, 17u, 18u})
    if (s[i] < '0' || s[i] > '9') return false;
  return domain::Date::parse(s.substr(0, 10)).has_value() && s.substr(11, 2) < "24" && s.substr(14, 2) < "60" &&
         s.substr(17, 2) < "60";
}

}  // namespace

domain::Document WorkflowRepository::publish(const domain::Account& who, std::int64_t id, int expected_revision,
                                             const PublishOptions& options, const Actor& actor) {
  return in_transaction(db_, "发布文件失败", [&](Lease& lease, std::vector<std::string>& tags) {
    auto l = lock(lease, id);
    const Action action = l.info.status.has_published_version ? Action::Amend : Action::Publish;
    check(who, action, l.doc, l.info.status);
    if (expected_revision != l.info.latest_revision)
      throw RevisionConflict(expected_revision, l.info.latest_revision, [&] {
        auto seen = load_revision(lease, id, expected_revision);
        auto latest = load_revision(lease, id, l.info.latest_revision);
        return seen && latest ? domain::diff_documents(seen->snapshot, latest->snapshot)
                              : std::vector<domain::FieldChange>{};
      }());
    if (action == Action::Amend) require_text(options.change_note, "发布修订版本须填写修订说明");
    return publish_locked(lease, l, options, actor, tags);
  });
}

void WorkflowRepository::schedule(const domain::Account& who, std::int64_t id, int expected_revision,
                                  const std::string& at_utc, const PublishOptions& options, const Actor& actor) {
  in_transaction(db_, "定时发布失败", [&](Lease& lease, std::vector<std::string>&) {
    auto l = lock(lease, id);
    check(who, Action::Schedule, l.doc, l.info.status);
    if (l.info.status.has_published_version) {
      check(who, Action::Amend, l.doc, domain::WorkflowStatus{domain::Stage::Approved, l.info.status.public_state,
                                                              l.info.status.decision, true});
      require_text(options.change_note, "发布修订版本须填写修订说明");
    }
    if (!valid_utc(at_utc)) throw domain::ValidationError({"定时发布时间格式应为 YYYY-MM-DDTHH:MM:SSZ（协调世界时）"});
    if (expected_revision != l.info.latest_revision)
      throw RevisionConflict(expected_revision, l.info.latest_revision, {});
    gates(lease, l, latest_snapshot(lease, l));
    long long doc = id;
    int n = l.info.latest_revision, major = options.major ? 1 : 0;
    std::string note = options.change_note;
    lease.sql() << "UPDATE document_revisions SET change_note = :note, major = :major WHERE document_id = :id AND number = :n",
        soci::use(note, "note"), soci::use(major, "major"), soci::use(doc, "id"), soci::use(n, "n");
    l.info.status = domain::apply_transition(l.info.status, Action::Schedule);
    l.info.scheduled_at = at_utc;
    store_info(lease, l.info);
    audit(lease, actor, "publishing.schedule", id, {{"revision", n}, {"at", at_utc}});
    return 0;
  });
}

std::vector<ScheduledOutcome> WorkflowRepository::publish_due(const std::string& now_utc) {
  std::vector<std::int64_t> due = guarded("读取定时发布失败", [&] {
    Lease lease(db_);
    std::vector<std::int64_t> out;
    long long id = 0;
    std::string now = now_utc;
    soci::statement st = (lease.sql().prepare << "SELECT document_id FROM document_workflow WHERE stage = 'scheduled' "
                                                 "AND scheduled_at <> '' AND scheduled_at <= :now ORDER BY scheduled_at, document_id",
                          soci::use(now, "now"), soci::into(id));
    st.execute();
    while (st.fetch()) out.push_back(id);
    return out;
  });
  std::vector<ScheduledOutcome> outcomes;
  for (auto id : due) {
    ScheduledOutcome o{id, false, {}};
    try {
      in_transaction(db_, "定时发布失败", [&](Lease& lease, std::vector<std::string>& tags) {
        auto l = lock(lease, id);
        if (l.info.status.stage != domain::Stage::Scheduled) return 0;
        publish_locked(lease, l, stored_options(lease, id, l.info.latest_revision), kSystem, tags);
        o.published = true;
        return 0;
      });
    } catch (const WorkflowRefused& e) {
      o.message = e.what();
    } catch (const domain::ValidationError& e) {
      o.message = e.what();
    }
    if (!o.published && !o.message.empty()) {
      in_transaction(db_, "定时发布失败", [&](Lease& lease, std::vector<std::string>&) {
        auto l = lock(lease, id);
        l.info.status.stage = domain::Stage::Approved;
        l.info.scheduled_at.clear();
        store_info(lease, l.info);
        audit(lease, kSystem, "publishing.schedule_failed", id, {{"reason", o.message}});
        return 0;
      });
    }
    if (o.published || !o.message.empty()) outcomes.push_back(std::move(o));
  }
  return outcomes;
}

void WorkflowRepository::withdraw(const domain::Account& who, std::int64_t id, const std::string& reason,
                                  const Actor& actor) {
  in_transaction(db_, "撤回文件失败", [&](Lease& lease, std::vector<std::string>& tags) {
    auto l = lock(lease, id);
    check(who, Action::Withdraw, l.doc, l.info.status);
    require_text(reason, "请填写撤回理由");
    long long doc = id;
    std::string now = now_utc_iso();
    lease.sql() << "UPDATE documents SET state = 'withdrawn', updated_at = :now WHERE id = :id", soci::use(now, "now"),
        soci::use(doc, "id");
    add_document_tags(lease, l.doc, tags);
    reindex_document_search(lease, id);  // gone from search in the same transaction
    const auto from = l.info.status.stage;
    l.info.status = domain::apply_transition(l.info.status, Action::Withdraw);
    l.info.withdrawn_reason = reason;
    l.info.scheduled_at.clear();
    store_info(lease, l.info);
    audit(lease, actor, "publishing.withdraw", id, {{"from", domain::to_code(from)}, {"reason", reason}});
    return 0;
  });
}

void WorkflowRepository::mark_validity(const domain::Account& who, std::int64_t id,
                                       std::optional<domain::Date> expires_on, std::optional<domain::Date> repealed_on,
                                       const Actor& actor) {
  if (!expires_on && !repealed_on) throw domain::ValidationError({"请填写失效日期或废止日期"});
  in_transaction(db_, "标注有效性失败", [&](Lease& lease, std::vector<std::string>& tags) {
    auto l = lock(lease, id);
    check(who, Action::MarkValidity, l.doc, l.info.status);
    nlohmann::json changes = nlohmann::json::object();
    auto apply = [&](domain::Document& d) {
      if (expires_on) d.expires_on = expires_on;
      if (repealed_on) d.repealed_on = repealed_on;
    };
    if (expires_on) changes["expires_on"] = {{"from", l.doc.expires_on ? l.doc.expires_on->iso() : ""}, {"to", expires_on->iso()}};
    if (repealed_on) changes["repealed_on"] = {{"from", l.doc.repealed_on ? l.doc.repealed_on->iso() : ""}, {"to", repealed_on->iso()}};
    domain::Document pub = l.doc;
    apply(pub);
    write_document(lease, pub, tags);
    domain::Document latest = latest_snapshot(lease, l);
    apply(latest);
    latest.id = id;
    const int number = l.info.latest_revision + 1;
    insert_revision(lease, latest, number, actor);
    l.info.latest_revision = number;
    store_info(lease, l.info);
    changes["revision"] = number;
    audit(lease, actor, "publishing.mark_validity", id, std::move(changes));
    return 0;
  });
}

}  // namespace zwgk::store
