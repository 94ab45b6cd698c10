#pragma once
// 依申请公开指南: the contact data a body publishes for applicants (Art. 12 《政府信息公开条例》:
// the guide names the 政府信息公开工作机构's name, office address, office hours, phone, fax
// and online contact; the seed document adds postcode, person in charge and e-mail). One per
// site (department_id 0) and optionally one per department; a body that has not filed its
// own gets default_guide() built from the site or department. The 公开工作机构 edits it in
// the console (指南设置, service/guide_service.hpp).
//
// Invariant of the published guide: it names only what is configured — a field left empty
// is not shown, and a way of applying is offered only when the data it needs is there
// (application_channels()).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/department.hpp"
#include "domain/site.hpp"

namespace zwgk::domain {

struct DisclosureGuide {
  std::int64_t site_id = 0;
  std::int64_t department_id = 0;  // 0 = the site's own government
  std::string body_name;           // 机关名称 (required)
  std::string office;              // 受理机构 (政府信息公开工作机构, required)
  std::string person_in_charge;    // 负责人
  std::string address;             // 办公地址 (also where letters go)
  std::string postcode;            // 邮政编码 (6 digits)
  std::string phone;               // 联系电话
  std::string fax;                 // 传真
  std::string email;               // 电子邮箱
  std::string hours;               // 办公时间
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

// Every problem of a guide about to be saved, in the form's order (empty = valid): the two
// names are required; a postcode is six digits; phone and fax are phone numbers as every
// form checks them (domain/contact_formats.hpp), several separated by 、; the e-mail address
// one the outbox can send to; no field over 200 characters.
std::vector<std::string> guide_problems(const DisclosureGuide& g);

// The ways of applying besides the online form (Art. 29 ¶1: 书面形式, including 数据电文)
// that the guide may offer: by letter and in person only with an office address, by fax
// only with a fax number.
struct ApplicationChannels {
  bool letter = false;
  bool in_person = false;
  bool fax = false;
};
ApplicationChannels application_channels(const DisclosureGuide& g);

}  // namespace zwgk::domain
