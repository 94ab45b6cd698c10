// Shared helpers of the console's document pages (see document_support.hpp).
#include "modules/publishing/web/document_support.hpp"

#include "web/urls.hpp"

#include "store/document_repository.hpp"

namespace zwgk::web::console {

bool department_scoped(domain::Role role) {
  return domain::permission_registry().scope_of(role, "publishing.view") == domain::PermissionScope::OwnDepartment;
}

std::string console_attachment_url(std::int64_t document_id, const domain::Attachment& a) {
  return "/console/documents/" + std::to_string(document_id) + attachment_url(a.sha256, a.file_name);
}

std::optional<Loaded> load_visible(ConsoleRequest& c, std::int64_t id) {
  store::WorkflowRepository wf(c.db);
  auto row = store::DocumentRepository(c.db).by_id(id);
  if (!row || row->site_id != c.site.id) return std::nullopt;
  Loaded l;
  l.doc = *row;
  if (auto info = wf.info(id)) {
    l.info = *info;
    if (info->latest_revision > 0)
      if (auto rev = wf.revision(id, info->latest_revision)) l.doc = rev->snapshot;
  } else {
    l.info.document_id = id;
    l.info.status.public_state = row->state;
    l.info.status.stage = row->state == domain::DocumentState::Published   ? domain::Stage::Published
                          : row->state == domain::DocumentState::Withdrawn ? domain::Stage::Withdrawn
                                                                           : domain::Stage::Draft;
    l.info.status.has_published_version = row->state != domain::DocumentState::Draft;
  }
  if (domain::permission_refusal(c.user, domain::Action::View, domain::Target{row->site_id, row->department_id}))
    return std::nullopt;
  return l;
}

View return_notice_view(const modules::publishing::ReturnNotice& notice) {
  View v{View::type::object};
  v.set("reason", notice.reason.empty() ? std::string("（未填写）") : notice.reason);
  v.set("who", notice.who);
  v.set("at", utc_to_china_display(notice.at));
  return v;
}

std::string preview_url(std::int64_t document_id) {
  return "/console/documents/" + std::to_string(document_id) + "/preview";
}

bool may(const ConsoleRequest& c, domain::Action action, const Loaded& l) {
  return !domain::transition_refusal(c.user, action, domain::Target{l.doc.site_id, l.doc.department_id},
                                     l.info.status);
}

}  // namespace zwgk::web::console
