#pragma once
// 办理结果 / 答复类型: the outcome of an information request (依申请公开), exactly as the
// annual report's table 三 (国办公开办函〔2021〕30号, "三、本年度办理结果") counts it. Labels
// are the official wording of ../shared/domain/README.md §2 and §4, character for character.
//
// Where the rule comes from (《政府信息公开条例》 2019):
//  - （一）予以公开, （二）部分公开: Art. 36(1)-(2); partial disclosure when separable, Art. 37.
//    A partially answered request counts only under （二）.
//  - （三）不予公开: Art. 14 (grounds 1-3), Art. 15 (4), Art. 16 ¶1 (5), Art. 16 ¶2 (6, 7),
//    Art. 36(7) (8, special query rules).
//  - （四）无法提供: Art. 36(4) (information not held), Art. 38 (no duty to compile new
//    information), Art. 30 (still unclear after 补正).
//  - （五）不予处理: Art. 39 (petitions and complaints), Art. 36(6) (repeated request), Art. 35
//    (excessive requests). The README gives no article for 3 and 5; `article` is empty there.
//  - （六）其他处理: Art. 30 (no correction in time), Art. 42 (fee unpaid).
//
// Codes are stable ASCII identifiers for storage and URLs; never change one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

// The seven categories of table 三 (（七）总计 is a sum, not a category).
enum class ReplyOutcomeGroup {
  Disclosed,           // （一）予以公开
  PartiallyDisclosed,  // （二）部分公开
  NotDisclosed,        // （三）不予公开
  CannotProvide,       // （四）无法提供
  NotProcessed,        // （五）不予处理
  OtherHandling,       // （六）其他处理
};

// One row of table 三 that a single request is counted in: category + ground.
enum class ReplyOutcome {
  Disclosed,
  PartiallyDisclosed,
  // （三）不予公开
  StateSecret,                  // 1.属于国家秘密
  ForbiddenByLaw,               // 2.其他法律行政法规禁止公开
  EndangersSecurityStability,   // 3.危及“三安全一稳定”
  ThirdPartyRights,             // 4.保护第三方合法权益
  InternalAffairs,              // 5.属于三类内部事务信息
  ProcessInformation,           // 6.属于四类过程性信息
  EnforcementCaseFile,          // 7.属于行政执法案卷
  AdministrativeQuery,          // 8.属于行政查询事项
  // （四）无法提供
  NotHeld,                      // 1.本机关不掌握相关政府信息
  NeedsCompilation,             // 2.没有现成信息需要另行制作
  UnclearAfterCorrection,       // 3.补正后申请内容仍不明确
  // （五）不予处理
  PetitionOrComplaint,          // 1.信访举报投诉类申请
  RepeatedRequest,              // 2.重复申请
  PublishedMaterial,            // 3.要求提供公开出版物
  ExcessiveRequests,            // 4.无正当理由大量反复申请
  ConfirmationOfObtained,       // 5.要求行政机关确认或重新出具已获取信息
  // （六）其他处理
  NoCorrectionInTime,           // 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
  FeeUnpaid,                    // 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
  Other,                        // 3.其他
};

struct ReplyOutcomeInfo {
  ReplyOutcome outcome;
  ReplyOutcomeGroup group;
  std::string_view code;         // stable: "disclosed", "not_disclosed.state_secret", ...
  int ground;                    // 1-based number within its group; 0 for （一） and （二）
  std::string_view group_label;  // "（三）不予公开"; "（二）部分公开" without the table's note
  std::string_view row_label;    // "1.属于国家秘密"; for （一）/（二） the table's row as printed
  std::string_view article;      // "第十四条"; empty where domain/README gives none
};

// All 21 outcomes in the order of table 三 (（一）, （二）, （三）1-8, （四）1-3, （五）1-5, （六）1-3).
const std::vector<ReplyOutcomeInfo>& all_reply_outcomes();
const ReplyOutcomeInfo& info(ReplyOutcome);

std::string to_code(ReplyOutcome);
std::string to_label(ReplyOutcome);        // the row label (see ReplyOutcomeInfo::row_label)
std::string to_full_label(ReplyOutcome);   // "（三）不予公开 1.属于国家秘密"; "（一）予以公开"
std::string to_label(ReplyOutcomeGroup);   // "（一）予以公开" .. "（六）其他处理"
ReplyOutcomeGroup group_of(ReplyOutcome);
std::optional<ReplyOutcome> reply_outcome_from_code(std::string_view code);

}  // namespace zwgk::domain
