#pragma once
// 依申请公开指南: the contact data a body publishes for applicants (Art. 12 《政府信息公开条例》;
// the seed document asks for unit name, address, postcode, office, person in charge, e-mail
// and phone). One per site (department_id 0) and optionally one per department; a body
// that has not filed its own gets defaults_for() built from the site or department.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/department.hpp"
#include "domain/site.hpp"

namespace zwgk::domain {

struct DisclosureGuide {
  std::int64_t site_id = 0;
  std::int64_t department_id = 0;  // 0 = the site's own government
  std::string body_name;           // 机关名称
  std::string office;              // 承办机构 (政府信息公开工作机构)
  std::string person_in_charge;    // 负责人
  std::string address;             // 通信地址
  std::string postcode;            // 邮政编码
  std::string phone;               // 咨询电话
  std::string fax;                 // 传真
  std::string email;               // 电子邮箱
  std::string hours;               // 受理时间
};

inline DisclosureGuide default_guide(const Site& site, const std::optional<Department>& dep) {
  DisclosureGuide g;
  g.site_id = site.id;
  g.department_id = dep ? dep->id : 0;
  g.body_name = dep ? dep->name : site.name;
  g.office = dep ? dep->name + "办公室" : site.name + "办公室（政务公开办）";
  g.address = site.address;
  g.phone = site.phone;
  g.hours = "法定工作日 上午8:30—12:00，下午14:30—17:30";
  return g;
}

}  // namespace zwgk::domain
