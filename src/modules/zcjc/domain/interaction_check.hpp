#pragma once
// 互动回应差 (国办秘函〔2019〕19号 单项否决指标 四): no working channel for questions and
// suggestions, or a valid message left unanswered for more than 3 months within the past year;
// and the scored item 留言办理: the published replies not updated for 2 months.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "modules/zcjc/domain/check_result.hpp"
#include "modules/zcjc/domain/inspection_thresholds.hpp"

namespace zwgk::domain {

// A valid letter (accepted: not 不予受理, not merged) received within the past year.
struct LetterFacts {
  std::string number;
  std::string category;  // 咨询 …
  Date received_on;
  std::optional<Date> replied_on;
};

struct InteractionFacts {
  int open_channels = 0;  // enabled 信箱 / 咨询投诉 forms
  std::vector<LetterFacts> letters;
  bool publishes_replies = false;      // the site has a 信件选登 page
  std::optional<Date> last_publication;  // newest 信件选登 entry
};

CheckResult check_interaction(const InteractionFacts& facts, Date today, const InspectionThresholds& t);
CheckResult check_reply_publication(const InteractionFacts& facts, Date today, const InspectionThresholds& t);

}  // namespace zwgk::domain
