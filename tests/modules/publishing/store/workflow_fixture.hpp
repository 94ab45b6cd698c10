#pragma once
// StoreTest plus the accounts of the publishing workflow: an editor, a reviewer of the same
// department, a publisher and an auditor of the site, and an editor of another department.
#include "domain/account.hpp"
#include "store/audit_log.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "store/store_fixture.hpp"

namespace zwgk::store::test {

// The injected clock of the workflow tests: the day drafts are created on.
inline const domain::Date kToday = date("2026-06-30");

class WorkflowTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    domain::Department other;
    other.site_id = site.id;
    other.name = "邵阳市财政局";
    other.credit_code = uscc("11430500006967600");
    other_department = DepartmentRepository(*db).save(other);
    editor = account(1, "editor1", domain::Role::DepartmentEditor, department.id);
    reviewer = account(2, "reviewer1", domain::Role::DepartmentReviewer, department.id);
    publisher = account(3, "publisher1", domain::Role::Publisher, std::nullopt);
    auditor = account(4, "auditor1", domain::Role::Auditor, std::nullopt);
    other_editor = account(5, "editor2", domain::Role::DepartmentEditor, other_department.id);
  }

  domain::Account account(std::int64_t id, const std::string& name, domain::Role role,
                          std::optional<std::int64_t> dep) {
    domain::Account a;
    a.id = id;
    a.username = name;
    a.role = role;
    a.site_id = site.id;
    a.department_id = dep;
    return a;
  }
  Actor actor(const domain::Account& a) { return Actor{a.id, a.username, "192.0.2.10"}; }

  // Draft -> approved (主动公开), returns the latest revision.
  int to_approved(std::int64_t id) {
    wf().submit(editor, id, actor(editor));
    wf().start_review(reviewer, id, actor(reviewer));
    wf().decide(reviewer, id, {domain::DisclosureForm::Proactive, std::nullopt, "未发现涉密和个人信息"}, actor(reviewer));
    wf().approve(publisher, id, actor(publisher));
    return wf().info(id)->latest_revision;
  }

  DraftRef draft(const std::string& title, const std::string& body = "<p>正文</p>") {
    auto d = complete_draft(title);
    d.body_html = body;
    return wf().create_draft(editor, d, actor(editor), kToday);
  }

  domain::Stage stage(std::int64_t id) { return wf().info(id)->status.stage; }
  std::int64_t audit_count() { return AuditLog(*db).count(); }
  WorkflowRepository wf() { return WorkflowRepository(*db); }

  domain::Department other_department;
  domain::Account editor, reviewer, publisher, auditor, other_editor;
};

}  // namespace zwgk::store::test
