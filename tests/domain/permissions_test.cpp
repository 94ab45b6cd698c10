// The role x action matrix: every (role, action, scope) pair, allowed ones listed here
// independently of the implementation, every other one refused with a Chinese reason.
#include "domain/permissions.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <stdexcept>

#include "domain/permission_registry.hpp"
#include "modules/publishing/domain/publishing_permissions.hpp"
#include "modules/ysqgk/domain/ysqgk_permissions.hpp"

using namespace zwgk::domain;

namespace {

// The modules' entries in the process-wide registry, as modules::install_permissions() does
// in the application (domain_tests do not link the modules' other code).
[[maybe_unused]] const bool installed = [] {
  auto& r = permission_registry();
  r.add_module("publishing");
  register_publishing_permissions(r);
  r.add_module("ysqgk");
  register_ysqgk_permissions(r);
  return true;
}();

enum class Where { OwnDepartment, OtherDepartment, OtherSite };

// role -> actions allowed on the own department's documents / anywhere in the own site.
struct Grant {
  std::set<Action> department;
  std::set<Action> site;
};

std::map<Role, Grant> expected_matrix() {
  using A = Action;
  std::map<Role, Grant> m;
  m[Role::DepartmentEditor].department = {A::CreateDraft, A::Edit, A::Submit, A::MaskPrivacy, A::View,
                                          A::ViewRequest, A::DraftReply};
  m[Role::DepartmentReviewer].department = {A::MaskPrivacy, A::StartReview, A::ReviewDecide, A::ReturnForChanges,
                                            A::OverridePrivacy, A::View};
  m[Role::Publisher].site = {A::MaskPrivacy, A::ReturnForChanges, A::OverridePrivacy, A::Approve, A::Publish,
                             A::Schedule, A::Amend, A::Withdraw, A::MarkValidity, A::ExemptInterpretation,
                             A::CorrectChangeNote, A::View, A::ViewRequest, A::ViewApplicantIdentity,
                             A::HandleRequest, A::DraftReply, A::ManageHotQueries};
  m[Role::SiteAdmin].site = {A::View, A::ManageCatalogue, A::ManageDepartments, A::ManageSites, A::ManageUsers,
                             A::ViewAudit, A::ViewRequest, A::ManageHotQueries};
  m[Role::Auditor].site = {A::View, A::ViewAudit, A::ViewRequest};
  return m;
}

Account account(Role r) {
  Account a;
  a.id = 7;
  a.username = "zhangsan";
  a.role = r;
  a.site_id = 1;
  a.department_id = 10;
  return a;
}

Target target(Where w) {
  switch (w) {
    case Where::OwnDepartment: return {1, 10};
    case Where::OtherDepartment: return {1, 11};
    case Where::OtherSite: return {2, 10};
  }
  return {};
}

}  // namespace

TEST(Permissions, EveryRoleActionScopeTripleIsDecidedAsTheMatrixSays) {
  const auto matrix = expected_matrix();
  int allowed = 0, refused = 0;
  for (Role role : all_roles()) {
    const Grant& g = matrix.at(role);
    for (Action action : all_actions()) {
      for (Where w : {Where::OwnDepartment, Where::OtherDepartment, Where::OtherSite}) {
        bool expect = false;
        if (w != Where::OtherSite) {
          if (g.site.count(action)) expect = true;
          // Management actions concern the site, not a department.
          if (g.department.count(action) && (w == Where::OwnDepartment || is_management_action(action))) expect = true;
        }
        const auto r = permission_refusal(account(role), action, target(w));
        EXPECT_EQ(!r.has_value(), expect) << to_code(role) << " " << to_code(action) << " where=" << int(w)
                                          << (r ? " refusal=" + *r : std::string());
        if (r) {
          EXPECT_FALSE(r->empty());
          EXPECT_GT(static_cast<unsigned char>((*r)[0]), 0x7F) << "refusal is Chinese: " << *r;
          ++refused;
        } else {
          ++allowed;
        }
      }
    }
  }
  EXPECT_EQ(allowed + refused, 5 * 27 * 3);
  EXPECT_GT(refused, allowed);
}

TEST(Permissions, RefusalsSayWhy) {
  EXPECT_EQ(permission_refusal(account(Role::DepartmentEditor), Action::Publish, target(Where::OwnDepartment)),
            "部门编辑无权发布");
  EXPECT_EQ(permission_refusal(account(Role::DepartmentEditor), Action::Edit, target(Where::OtherDepartment)),
            "只能处理本部门的文件");
  EXPECT_EQ(permission_refusal(account(Role::Publisher), Action::Publish, target(Where::OtherSite)),
            "只能处理本网站的文件");
  EXPECT_EQ(permission_refusal(account(Role::SiteAdmin), Action::ManageUsers, target(Where::OtherSite)),
            "只能管理本网站");
  EXPECT_EQ(permission_refusal(account(Role::Auditor), Action::Edit, target(Where::OwnDepartment)), "审计员无权修改文件");
}

TEST(Permissions, RequestRefusalsSpeakOfApplications) {
  EXPECT_EQ(permission_refusal(account(Role::DepartmentEditor), Action::HandleRequest, target(Where::OwnDepartment)),
            "部门编辑无权办理政府信息公开申请");
  EXPECT_EQ(permission_refusal(account(Role::DepartmentEditor), Action::DraftReply, target(Where::OtherDepartment)),
            "只能处理分办给本部门的申请");
  // Not yet assigned: no department may draft.
  EXPECT_EQ(permission_refusal(account(Role::DepartmentEditor), Action::ViewRequest, Target{1, std::nullopt}),
            "只能处理分办给本部门的申请");
  EXPECT_EQ(permission_refusal(account(Role::Publisher), Action::HandleRequest, target(Where::OtherSite)),
            "只能处理本网站收到的申请");
  EXPECT_EQ(permission_refusal(account(Role::Auditor), Action::ViewApplicantIdentity, target(Where::OwnDepartment)),
            "审计员无权查看申请人身份证件号码");
  EXPECT_EQ(permission_refusal(account(Role::DepartmentReviewer), Action::ViewRequest, target(Where::OwnDepartment)),
            "保密审查员无权查看政府信息公开申请");
}

TEST(Permissions, DisabledAccountsMayDoNothing) {
  for (Role role : all_roles()) {
    auto a = account(role);
    a.disabled = true;
    for (Action action : all_actions()) {
      const auto r = permission_refusal(a, action, target(Where::OwnDepartment));
      ASSERT_TRUE(r) << to_code(role) << " " << to_code(action);
      EXPECT_NE(r->find("账号已停用"), std::string::npos);
    }
  }
}

TEST(Permissions, EditorWithoutDepartmentIsRefused) {
  auto a = account(Role::DepartmentEditor);
  a.department_id.reset();
  EXPECT_TRUE(permission_refusal(a, Action::CreateDraft, target(Where::OwnDepartment)));
}

TEST(Permissions, ActionsHaveUniqueCodesAndLabels) {
  std::set<std::string> codes, labels;
  for (Action a : all_actions()) {
    codes.insert(to_code(a));
    labels.insert(to_label(a));
  }
  EXPECT_EQ(codes.size(), all_actions().size());
  EXPECT_EQ(labels.size(), all_actions().size());
}

// The registry, action by action: who may take each registered action, written here
// independently of the registrations. An action registered without a line here fails.
namespace {

struct CodeGrant {
  std::set<Role> department;  // own department of the own site
  std::set<Role> site;        // anything of the own site
};

std::map<std::string, CodeGrant> expected_registry() {
  using R = Role;
  const R E = R::DepartmentEditor, V = R::DepartmentReviewer, P = R::Publisher, A = R::SiteAdmin, U = R::Auditor;
  std::map<std::string, CodeGrant> m;
  m["publishing.create_draft"] = {{E}, {}};
  m["publishing.edit"] = {{E}, {}};
  m["publishing.submit"] = {{E}, {}};
  m["publishing.mask_privacy"] = {{E, V}, {P}};
  m["publishing.start_review"] = {{V}, {}};
  m["publishing.review_decide"] = {{V}, {}};
  m["publishing.return_for_changes"] = {{V}, {P}};
  m["publishing.override_privacy"] = {{V}, {P}};
  for (const char* c : {"approve", "publish", "schedule", "amend", "withdraw", "mark_validity",
                        "exempt_interpretation", "correct_change_note"})
    m[std::string("publishing.") + c] = {{}, {P}};
  m["publishing.view"] = {{E, V}, {P, A, U}};
  for (const char* c : {"manage_catalogue", "manage_departments", "manage_sites", "manage_users"})
    m[std::string("kernel.") + c] = {{}, {A}};
  m["kernel.view_audit"] = {{}, {A, U}};
  m["kernel.view_settings"] = {{}, {A, U}};
  m["kernel.manage_hot_queries"] = {{}, {P, A}};
  m["kernel.view_hot_queries"] = {{}, {P, A, U}};
  m["ysqgk.view"] = {{E}, {P, A, U}};
  m["ysqgk.view_identity"] = {{}, {P}};
  m["ysqgk.handle"] = {{}, {P}};
  m["ysqgk.draft_reply"] = {{E}, {P}};
  m["ysqgk.edit_guide"] = {{}, {P, A}};
  return m;
}

}  // namespace

TEST(PermissionRegistry, EveryRegisteredActionRoleAndScopeIsDecidedAsTheMatrixSays) {
  const auto expected = expected_registry();
  const auto& registry = permission_registry();
  ASSERT_EQ(registry.entries().size(), expected.size()) << "every registered action has a line in expected_registry()";
  int allowed = 0, refused = 0;
  for (const PermissionEntry& e : registry.entries()) {
    ASSERT_TRUE(expected.count(e.code)) << "no expected grants for registered action " << e.code;
    const CodeGrant& g = expected.at(e.code);
    for (Role role : all_roles()) {
      for (Where w : {Where::OwnDepartment, Where::OtherDepartment, Where::OtherSite}) {
        bool expect = false;
        if (w != Where::OtherSite) {
          if (g.site.count(role)) expect = true;
          if (g.department.count(role) && (w == Where::OwnDepartment || e.object == PermissionObject::Site))
            expect = true;
        }
        const auto r = registry.refusal(account(role), e.code, target(w));
        EXPECT_EQ(!r.has_value(), expect) << to_code(role) << " " << e.code << " where=" << int(w)
                                          << (r ? " refusal=" + *r : std::string());
        if (r) {
          EXPECT_GT(static_cast<unsigned char>((*r)[0]), 0x7F) << "refusal is Chinese: " << *r;
          ++refused;
        } else {
          ++allowed;
        }
      }
      // The console's route-level question agrees with the grants.
      EXPECT_EQ(registry.allows_role(role, e.code), g.site.count(role) + g.department.count(role) > 0)
          << to_code(role) << " " << e.code;
    }
  }
  EXPECT_EQ(allowed + refused, 5 * static_cast<int>(expected.size()) * 3);
}

TEST(PermissionRegistry, EveryCodeIsModuleDotActionOfARegisteredModule) {
  const std::regex scheme("^[a-z_]+\\.[a-z_]+$");
  const auto& registry = permission_registry();
  ASSERT_FALSE(registry.entries().empty());
  std::set<std::string> codes, labels;
  for (const PermissionEntry& e : registry.entries()) {
    EXPECT_TRUE(std::regex_match(e.code, scheme)) << e.code;
    const std::string prefix = e.code.substr(0, e.code.find('.'));
    EXPECT_TRUE(std::find(registry.modules().begin(), registry.modules().end(), prefix) != registry.modules().end())
        << e.code;
    EXPECT_FALSE(e.label.empty()) << e.code;
    EXPECT_GT(static_cast<unsigned char>(e.label[0]), 0x7F) << "label is Chinese: " << e.label;
    codes.insert(e.code);
    labels.insert(e.label);
  }
  EXPECT_EQ(codes.size(), registry.entries().size());
  EXPECT_EQ(labels.size(), registry.entries().size());
  EXPECT_EQ(registry.modules().front(), "kernel");
}

TEST(PermissionRegistry, EveryLegacyActionNamesARegisteredEntry) {
  for (Action a : all_actions()) {
    const PermissionEntry* e = permission_registry().find(to_code(a));
    ASSERT_NE(e, nullptr) << to_code(a);
    EXPECT_EQ(e->label, to_label(a));
  }
  EXPECT_EQ(to_code(Action::Publish), "publishing.publish");
  EXPECT_EQ(to_code(Action::HandleRequest), "ysqgk.handle");
  EXPECT_EQ(to_code(Action::ViewAudit), "kernel.view_audit");
}

TEST(PermissionRegistry, RefusesMalformedOrUnknownRegistrations) {
  PermissionRegistry r;
  EXPECT_THROW(r.add({"Kernel.Manage", "管理", PermissionObject::Site, {}}), std::logic_error);
  EXPECT_THROW(r.add({"kernel", "管理", PermissionObject::Site, {}}), std::logic_error);
  EXPECT_THROW(r.add({"mailbox.reply", "答复来信", PermissionObject::Site, {}}), std::logic_error);  // no such module
  r.add_module("mailbox");
  r.add({"mailbox.reply", "答复来信", PermissionObject::Site, {{Role::Publisher, PermissionScope::OwnSite}}});
  EXPECT_THROW(r.add({"mailbox.reply", "答复来信", PermissionObject::Site, {}}), std::logic_error);  // twice
  EXPECT_THROW(r.add({"mailbox.read", "", PermissionObject::Site, {}}), std::logic_error);
  EXPECT_FALSE(r.refusal(account(Role::Publisher), "mailbox.reply", target(Where::OwnDepartment)));
  EXPECT_EQ(r.refusal(account(Role::Auditor), "mailbox.reply", target(Where::OwnDepartment)), "审计员无权答复来信");
  // An action nobody registered is refused, never allowed.
  const auto unknown = r.refusal(account(Role::SiteAdmin), "mailbox.delete", target(Where::OwnDepartment));
  ASSERT_TRUE(unknown);
  EXPECT_NE(unknown->find("未登记"), std::string::npos);
}

TEST(PermissionRegistry, AnySiteScopeCrossesSites) {
  PermissionRegistry r;
  r.add({"kernel.view_installation", "查看全部网站", PermissionObject::Site,
         {{Role::Auditor, PermissionScope::AnySite}, {Role::SiteAdmin, PermissionScope::OwnSite}}});
  EXPECT_FALSE(r.refusal(account(Role::Auditor), "kernel.view_installation", target(Where::OtherSite)));
  EXPECT_EQ(r.refusal(account(Role::SiteAdmin), "kernel.view_installation", target(Where::OtherSite)), "只能管理本网站");
}
