#include "domain/account.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace zwgk::domain;

TEST(Account, RolesHaveStableCodesAndOfficialLabels) {
  EXPECT_EQ(all_roles().size(), 5u);
  EXPECT_EQ(to_code(Role::SiteAdmin), "site_admin");
  EXPECT_EQ(to_code(Role::DepartmentEditor), "editor");
  EXPECT_EQ(to_code(Role::DepartmentReviewer), "reviewer");
  EXPECT_EQ(to_code(Role::Publisher), "publisher");
  EXPECT_EQ(to_code(Role::Auditor), "auditor");
  EXPECT_EQ(to_label(Role::DepartmentReviewer), "保密审查员");
  EXPECT_EQ(to_label(Role::Publisher), "公开工作机构");
  std::set<std::string> codes, labels;
  for (Role r : all_roles()) {
    codes.insert(to_code(r));
    labels.insert(to_label(r));
    EXPECT_EQ(role_from(to_code(r)), r);
    EXPECT_EQ(role_from(to_label(r)), r);
  }
  EXPECT_EQ(codes.size(), 5u);
  EXPECT_EQ(labels.size(), 5u);
  EXPECT_FALSE(role_from("root"));
  EXPECT_FALSE(role_from(""));
}
