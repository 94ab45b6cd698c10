#pragma once
// 行政复议 / 行政诉讼 against the answer to an information request, as the annual report's
// table 四 counts them (国办公开办函〔2021〕30号): 行政复议; 行政诉讼 split into 未经复议直接起诉
// and 复议后起诉; each with the columns 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计.
// Remedies (Art. 51 《政府信息公开条例》; 《行政复议法》, 《行政诉讼法》): reconsideration
// within 60 days of learning of the decision, a lawsuit within 6 months.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"

namespace zwgk::domain {

enum class ReviewKind { Reconsideration, LitigationDirect, LitigationAfterReconsideration };
enum class ReviewOutcome { Upheld, Corrected, Other, Pending };  // 维持 | 纠正 | 其他 | 尚未审结

inline std::string to_label(ReviewKind k) {
  switch (k) {
    case ReviewKind::Reconsideration: return "行政复议";
    case ReviewKind::LitigationDirect: return "行政诉讼（未经复议直接起诉）";
    case ReviewKind::LitigationAfterReconsideration: return "行政诉讼（复议后起诉）";
  }
  return {};
}
inline std::string to_code(ReviewKind k) {
  switch (k) {
    case ReviewKind::Reconsideration: return "reconsideration";
    case ReviewKind::LitigationDirect: return "litigation_direct";
    case ReviewKind::LitigationAfterReconsideration: return "litigation_after_reconsideration";
  }
  return {};
}
inline std::optional<ReviewKind> review_kind_from(std::string_view c) {
  for (auto k : {ReviewKind::Reconsideration, ReviewKind::LitigationDirect, ReviewKind::LitigationAfterReconsideration})
    if (to_code(k) == c) return k;
  return std::nullopt;
}

// The table's column headings.
inline std::string to_label(ReviewOutcome o) {
  switch (o) {
    case ReviewOutcome::Upheld: return "结果维持";
    case ReviewOutcome::Corrected: return "结果纠正";
    case ReviewOutcome::Other: return "其他结果";
    case ReviewOutcome::Pending: return "尚未审结";
  }
  return {};
}
inline std::string to_code(ReviewOutcome o) {
  switch (o) {
    case ReviewOutcome::Upheld: return "upheld";
    case ReviewOutcome::Corrected: return "corrected";
    case ReviewOutcome::Other: return "other";
    case ReviewOutcome::Pending: return "pending";
  }
  return {};
}
inline std::optional<ReviewOutcome> review_outcome_from(std::string_view c) {
  for (auto o : {ReviewOutcome::Upheld, ReviewOutcome::Corrected, ReviewOutcome::Other, ReviewOutcome::Pending})
    if (to_code(o) == c) return o;
  return std::nullopt;
}

struct RequestReview {
  std::int64_t id = 0;
  std::string tracking_number;  // the request whose answer is challenged
  ReviewKind kind = ReviewKind::Reconsideration;
  Date filed_on;
  ReviewOutcome outcome = ReviewOutcome::Pending;
  std::optional<Date> decided_on;  // required unless Pending
  std::string note;
};

// The record's own consistency: a decided outcome has its date, not before filing; a
// pending one has none. Every problem, in Chinese; empty = consistent.
inline std::vector<std::string> review_problems(const RequestReview& r) {
  std::vector<std::string> p;
  if (r.outcome != ReviewOutcome::Pending && !r.decided_on) p.push_back("已审结的，请填写审结日期");
  if (r.decided_on && *r.decided_on < r.filed_on) p.push_back("审结日期不能早于受理日期");
  if (r.outcome == ReviewOutcome::Pending && r.decided_on) p.push_back("尚未审结的，不能填写审结日期");
  return p;
}

// Art. 51: what is challenged is the answer, so only an answered request (answered_on set)
// can have a review, filed on or after the answer.
inline std::vector<std::string> review_filing_problems(const RequestReview& r, std::optional<Date> answered_on) {
  if (!answered_on) return {"该申请尚未答复，不能登记行政复议或行政诉讼"};
  if (r.filed_on < *answered_on) return {"行政复议或行政诉讼的受理日期不能早于答复日期"};
  return review_problems(r);
}

}  // namespace zwgk::domain
