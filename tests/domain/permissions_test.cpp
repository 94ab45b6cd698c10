// The role x action matrix: every (role, action, scope) pair, allowed ones listed here
// independently of the implementation, every other one refused with a Chinese reason.
#include "domain/permissions.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace zwgk::domain;

namespace {

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
