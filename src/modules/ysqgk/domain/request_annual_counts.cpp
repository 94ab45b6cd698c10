// Annual report counts for requests: see request_annual_counts.hpp.
#include "modules/ysqgk/domain/request_annual_counts.hpp"

namespace zwgk::domain {

namespace {

std::size_t column_of(const RequestTally& t) {
  if (t.applicant == ApplicantKind::NaturalPerson) return 0;
  for (std::size_t i = 0; i < kOrganisationKinds.size(); ++i)
    if (kOrganisationKinds[i] == t.organisation) return i + 1;
  return 5;
}

void add(ApplicantRow& row, std::size_t col) {
  ++row[col];
  ++row[kApplicantColumns - 1];
}

}  // namespace

const std::array<std::string_view, kApplicantColumns>& applicant_column_labels() {
  static const std::array<std::string_view, kApplicantColumns> labels = {"自然人", "商业企业", "科研机构", "社会公益组织",
                                                                         "法律服务机构", "其他", "总计"};
  return labels;
}

SectionThree count_section_three(const std::vector<RequestTally>& requests, int year) {
  const Date first{std::chrono::year{year} / 1 / 1};
  const Date last{std::chrono::year{year} / 12 / 31};
  SectionThree out;
  for (const auto& i : all_reply_outcomes()) out.outcomes.push_back({i.outcome, ApplicantRow{}});
  auto row_of = [&](ReplyOutcome o) -> ApplicantRow& {
    for (auto& [oc, row] : out.outcomes)
      if (oc == o) return row;
    return out.outcomes.back().second;
  };
  for (const auto& t : requests) {
    if (last < t.received_on) continue;
    if (t.closed_on && *t.closed_on < first) continue;
    const std::size_t col = column_of(t);
    if (t.received_on < first)
      add(out.carried_over, col);
    else
      add(out.new_this_year, col);
    if (t.closed_on && *t.closed_on <= last) {
      add(row_of(t.outcome.value_or(ReplyOutcome::Other)), col);
      add(out.total, col);
    } else {
      add(out.carried_forward, col);
    }
  }
  return out;
}

SectionFour count_section_four(const std::vector<RequestReview>& reviews, int year) {
  const Date last{std::chrono::year{year} / 12 / 31};
  SectionFour out;
  for (const auto& r : reviews) {
    if (r.filed_on.year() != year) continue;
    ReviewRow& row = r.kind == ReviewKind::Reconsideration   ? out.reconsideration
                     : r.kind == ReviewKind::LitigationDirect ? out.litigation_direct
                                                              : out.litigation_after_reconsideration;
    ReviewOutcome o = r.outcome;
    if (o != ReviewOutcome::Pending && (!r.decided_on || last < *r.decided_on)) o = ReviewOutcome::Pending;
    ++row[static_cast<std::size_t>(o)];
    ++row[4];
  }
  return out;
}

}  // namespace zwgk::domain
