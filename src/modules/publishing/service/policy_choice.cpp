// Choosing the policy a 政策解读 explains (see policy_choice.hpp).
#include "modules/publishing/service/policy_choice.hpp"

#include "domain/permissions.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "store/document_repository.hpp"

namespace zwgk::modules::publishing {

namespace {

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Published: anyone choosing may; a draft: whoever may view it (own department for editors).
bool offered(const domain::Account& who, std::int64_t site_id, domain::DocumentState state,
             std::optional<std::int64_t> department_id) {
  if (state == domain::DocumentState::Withdrawn) return false;
  if (state == domain::DocumentState::Published) return true;
  return !domain::permission_refusal(who, domain::Action::View, domain::Target{site_id, department_id});
}

}  // namespace

std::string PolicyChoice::label() const {
  std::string s = "《" + title + "》";
  if (!doc_number.empty()) s += "（" + doc_number + "）";
  if (!published) s += "（未发布）";
  return s;
}

std::vector<PolicyChoice> find_policies(store::Database& db, const domain::Account& who, std::int64_t site_id,
                                        const std::string& query) {
  std::vector<PolicyChoice> out;
  const std::string q = trimmed(query);
  if (q.empty()) return out;
  // Asks for more than it shows: some drafts may be filtered out below.
  for (const auto& h : store::WorkflowRepository(db).find_policies(site_id, q, kPolicySearchLimit * 3)) {
    if (!offered(who, site_id, h.state, h.department_id)) continue;
    out.push_back({h.id, h.title, h.doc_number, h.state == domain::DocumentState::Published});
    if (static_cast<int>(out.size()) == kPolicySearchLimit) break;
  }
  return out;
}

std::optional<PolicyChoice> policy_choice(store::Database& db, const domain::Account& who, std::int64_t site_id,
                                          std::int64_t id) {
  auto d = store::DocumentRepository(db).by_id(id);
  if (!d || d->site_id != site_id || d->kind != domain::DocumentKind::Document) return std::nullopt;
  if (!offered(who, site_id, d->state, d->department_id)) return std::nullopt;
  return PolicyChoice{d->id, d->title, d->doc_number, d->state == domain::DocumentState::Published};
}

}  // namespace zwgk::modules::publishing
