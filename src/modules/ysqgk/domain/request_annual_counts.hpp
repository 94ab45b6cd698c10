#pragma once
// The counts of information requests for the annual report (政府信息公开工作年度报告,
// 国办公开办函〔2021〕30号), sections 三 and 四, over one calendar year. Pure: the store
// gathers one RequestTally per request and one RequestReview per record.
//
// Section 三 (rows as in ../shared/domain/README.md §4; columns 自然人, 商业企业, 科研机构,
// 社会公益组织, 法律服务机构, 其他, 总计):
//  - 一、本年新收: received in the year.
//  - 二、上年结转: received before the year and not closed before it.
//  - 三、本年度办理结果: closed in the year, by outcome (a withdrawn request counts under
//    （六）3.其他, so that the printed check 一 + 二 = （七）总计 + 四 holds).
//  - 四、结转下年度继续办理: received by the year's end and still open at it.
// Section 四: records filed in the year; a decision taken after the year's end counts as
// 尚未审结.
#include <array>
#include <optional>
#include <vector>

#include "modules/ysqgk/domain/applicant.hpp"
#include "domain/date.hpp"
#include "domain/reply_outcome.hpp"
#include "modules/ysqgk/domain/request_review.hpp"

namespace zwgk::domain {

inline constexpr std::size_t kApplicantColumns = 7;  // 自然人, 5 kinds, 总计
using ApplicantRow = std::array<long long, kApplicantColumns>;

// "自然人", "商业企业", ..., "其他", "总计".
const std::array<std::string_view, kApplicantColumns>& applicant_column_labels();

struct RequestTally {
  ApplicantKind applicant = ApplicantKind::NaturalPerson;
  OrganisationKind organisation = OrganisationKind::Other;
  Date received_on;
  std::optional<Date> closed_on;
  std::optional<ReplyOutcome> outcome;  // nullopt when closed = withdrawn
};

struct SectionThree {
  ApplicantRow new_this_year{};      // 一
  ApplicantRow carried_over{};       // 二
  std::vector<std::pair<ReplyOutcome, ApplicantRow>> outcomes;  // 三 （一）..（六）3, table order
  ApplicantRow total{};              // （七）总计
  ApplicantRow carried_forward{};    // 四
};

SectionThree count_section_three(const std::vector<RequestTally>& requests, int year);

// [结果维持, 结果纠正, 其他结果, 尚未审结, 总计]
using ReviewRow = std::array<long long, 5>;
struct SectionFour {
  ReviewRow reconsideration{};
  ReviewRow litigation_direct{};
  ReviewRow litigation_after_reconsideration{};
};

SectionFour count_section_four(const std::vector<RequestReview>& reviews, int year);

}  // namespace zwgk::domain
