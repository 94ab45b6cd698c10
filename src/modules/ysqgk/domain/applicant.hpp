#pragma once
// 申请人: who asks for information (依申请公开), as the online form collects it and as the
// annual report's table 三 counts it (columns 自然人 | 法人或其他组织: 商业企业, 科研机构,
// 社会公益组织, 法律服务机构, 其他 — in that order).
//
// 《政府信息公开条例》 (2019):
//  - Art. 27: citizens, legal persons and other organisations may apply.
//  - Art. 29 ¶2(1): the application gives the applicant's name or the organisation's name,
//    proof of identity and contact details — the required fields below.
//  - Art. 43: help for applicants who cannot fill the form themselves (staff fill it in; the
//    same validation applies).
// Validation returns every problem at once, as Chinese messages shown as-is; an empty list
// means valid. The ID number is personal data: never put it on a public page or a log line.
//
// Header-only on purpose (the layer's owners keep one file per concept).
#include <array>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "domain/contact_formats.hpp"
#include "domain/date.hpp"
#include "domain/field_problem.hpp"
#include "domain/index_number.hpp"  // is_valid_org_code (统一社会信用代码, GB 32100-2015)
#include "domain/privacy_scan.hpp"  // is_valid_resident_id (GB 11643-1999)

namespace zwgk::domain {

enum class ApplicantKind { NaturalPerson, Organisation };

// The table-三 columns under 法人或其他组织, in report order.
enum class OrganisationKind { CommercialEnterprise, ResearchInstitution, PublicWelfareOrganisation, LegalServiceInstitution, Other };

enum class IdType { ResidentIdCard, Passport, HongKongMacaoPermit, TaiwanPermit, ForeignPermanentResidentCard, Other };

inline std::string to_label(ApplicantKind k) {
  return k == ApplicantKind::NaturalPerson ? "自然人" : "法人或其他组织";
}

inline std::string to_label(OrganisationKind k) {
  switch (k) {
    case OrganisationKind::CommercialEnterprise: return "商业企业";
    case OrganisationKind::ResearchInstitution: return "科研机构";
    case OrganisationKind::PublicWelfareOrganisation: return "社会公益组织";
    case OrganisationKind::LegalServiceInstitution: return "法律服务机构";
    case OrganisationKind::Other: return "其他";
  }
  return {};
}

inline constexpr std::array<OrganisationKind, 5> kOrganisationKinds = {
    OrganisationKind::CommercialEnterprise, OrganisationKind::ResearchInstitution,
    OrganisationKind::PublicWelfareOrganisation, OrganisationKind::LegalServiceInstitution, OrganisationKind::Other};

inline std::string to_label(IdType t) {
  switch (t) {
    case IdType::ResidentIdCard: return "居民身份证";
    case IdType::Passport: return "护照";
    case IdType::HongKongMacaoPermit: return "港澳居民来往内地通行证";
    case IdType::TaiwanPermit: return "台湾居民来往大陆通行证";
    case IdType::ForeignPermanentResidentCard: return "外国人永久居留身份证";
    case IdType::Other: return "其他有效身份证件";
  }
  return {};
}

// 自然人.
struct NaturalPerson {
  std::string name;        // 姓名 (required)
  IdType id_type = IdType::ResidentIdCard;
  std::string id_number;   // 证件号码 (required; personal data)
  std::string work_unit;   // 工作单位 (optional)
  std::string address;     // 通信地址 (required)
  std::string postcode;    // 邮政编码 (optional; 6 digits)
  std::string phone;       // 联系电话 (required)
  std::string email;       // 电子邮箱 (optional)
};

// 法人或其他组织.
struct Organisation {
  OrganisationKind kind = OrganisationKind::Other;
  std::string name;                  // 名称 (required)
  std::string credit_code;           // 统一社会信用代码 (required)
  std::string legal_representative;  // 法定代表人或者负责人 (required)
  std::string contact_person;        // 联系人 (required)
  std::string contact_phone;         // 联系电话 (required)
  std::string contact_email;         // 电子邮箱 (optional)
  std::string address;               // 通信地址 (required)
  std::string postcode;              // 邮政编码 (optional)
};

struct Applicant {
  ApplicantKind kind = ApplicantKind::NaturalPerson;
  NaturalPerson person;       // used when kind == NaturalPerson
  Organisation organisation;  // used when kind == Organisation
};

namespace applicant_detail {

inline bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// A current resident ID card number: 18 characters (the 15-digit cards went out of use in
// 2013), checked by the privacy guard's GB 11643-1999 rules (check character, birth date,
// province).
// `today`: a birth date after it is impossible (the injected clock, never the wall clock).
inline bool is_valid_resident_id_card(std::string_view id, Date today) {
  return id.size() == 18 && is_valid_resident_id(id, today);
}

using domain::is_valid_email;  // domain/contact_formats.hpp
using domain::is_valid_phone;

inline bool is_valid_postcode(const std::string& s) {
  static const std::regex re(R"(^\d{6}$)");
  return std::regex_match(s, re);
}

}  // namespace applicant_detail

// Every problem, in form order, keyed by the forms' field names; empty = valid
// (Art. 29 ¶2(1)).
inline std::vector<FieldProblem> applicant_problems(const Applicant& a, Date today) {
  using namespace applicant_detail;
  std::vector<FieldProblem> p;
  auto optional_format = [&p](const char* field, const std::string& v, bool ok, const char* msg) {
    if (!blank(v) && !ok) p.push_back({field, msg});
  };
  if (a.kind == ApplicantKind::NaturalPerson) {
    const auto& n = a.person;
    if (blank(n.name)) p.push_back({"name", "请填写姓名"});
    if (blank(n.id_number))
      p.push_back({"id_number", "请填写证件号码"});
    else if (n.id_type == IdType::ResidentIdCard && !is_valid_resident_id_card(n.id_number, today))
      p.push_back({"id_number", "居民身份证号码不正确，请核对（18位，末位为校验码）"});
    if (blank(n.address)) p.push_back({"address", "请填写通信地址"});
    optional_format("postcode", n.postcode, is_valid_postcode(n.postcode), "邮政编码应为6位数字");
    if (blank(n.phone))
      p.push_back({"phone", "请填写联系电话"});
    else if (!is_valid_phone(n.phone))
      p.push_back({"phone", "联系电话格式不正确，请填写手机号码或固定电话（如 0739-5321234）"});
    optional_format("email", n.email, is_valid_email(n.email), "电子邮箱格式不正确");
  } else {
    const auto& o = a.organisation;
    if (blank(o.name)) p.push_back({"org_name", "请填写法人或其他组织名称"});
    if (blank(o.credit_code))
      p.push_back({"credit_code", "请填写统一社会信用代码"});
    else if (!is_valid_org_code(o.credit_code))
      p.push_back({"credit_code", "统一社会信用代码不正确，请核对"});
    if (blank(o.legal_representative)) p.push_back({"legal_representative", "请填写法定代表人或者负责人"});
    if (blank(o.contact_person)) p.push_back({"contact_person", "请填写联系人姓名"});
    if (blank(o.contact_phone))
      p.push_back({"contact_phone", "请填写联系电话"});
    else if (!is_valid_phone(o.contact_phone))
      p.push_back({"contact_phone", "联系电话格式不正确，请填写手机号码或固定电话（如 0739-5321234）"});
    optional_format("contact_email", o.contact_email, is_valid_email(o.contact_email), "电子邮箱格式不正确");
    if (blank(o.address)) p.push_back({"org_address", "请填写通信地址"});
    optional_format("org_postcode", o.postcode, is_valid_postcode(o.postcode), "邮政编码应为6位数字");
  }
  return p;
}

// The messages alone, in the same order.
inline std::vector<std::string> validate_applicant(const Applicant& a, Date today) {
  return messages_of(applicant_problems(a, today));
}

}  // namespace zwgk::domain
