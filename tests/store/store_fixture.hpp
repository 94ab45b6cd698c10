#pragma once
// A migrated scratch database with one site, a department and the default catalogue.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "domain/cache_tags.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/site_repository.hpp"
#include "support/test_database.hpp"

namespace zwgk::store::test {

// A valid 统一社会信用代码: 17 characters + the GB 32100-2015 check character.
inline std::string uscc(std::string_view first17) {
  static constexpr std::string_view chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static constexpr int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += static_cast<int>(chars.find(first17[static_cast<std::size_t>(i)])) * weights[i];
  return std::string(first17) + chars[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

inline domain::Date date(const char* iso) { return *domain::Date::parse(iso); }

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = open_test_database();
    domain::Site s;
    s.code = "shaoyang";
    s.name = "邵阳市人民政府";
    site = SiteRepository(*db).save(s);
    domain::Department d;
    d.site_id = site.id;
    d.name = "邵阳市人民政府办公室";
    d.short_name = "市政府办";
    d.credit_code = org_code;
    department = DepartmentRepository(*db).save(d);
    CatalogueRepository(*db).ensure_default(site.id);
    db->set_change_listener([this](const std::vector<std::string>& tags) {
      last_tags = tags;
      ++notifications;
    });
  }

  std::int64_t catalogue(const std::string& code) {
    auto n = CatalogueRepository(*db).by_code(site.id, code);
    EXPECT_TRUE(n) << code;
    return n ? n->id : 0;
  }

  // A draft with everything publication needs.
  domain::Document complete_draft(const std::string& title, const char* published_on = "2017-05-02") {
    domain::Document d;
    d.site_id = site.id;
    d.title = title;
    d.catalogue_id = catalogue("ghjh");
    d.department_id = department.id;
    d.published_on = date(published_on);
    d.disclosure = domain::DisclosureForm::Proactive;
    return d;
  }

  bool tagged(const std::string& tag) const {
    return std::find(last_tags.begin(), last_tags.end(), tag) != last_tags.end();
  }

  const std::string org_code = uscc("11430500006967554");
  std::unique_ptr<Database> db;
  domain::Site site;
  domain::Department department;
  std::vector<std::string> last_tags;
  int notifications = 0;
};

}  // namespace zwgk::store::test
