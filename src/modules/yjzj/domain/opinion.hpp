#pragma once
// 公众意见 on a consultation: general, or on one article (or paragraph) of the draft. The
// writer's name and phone are personal data: sealed in the store, shown to staff with
// yjzj.view_writer, on no public page, answer, export or log line. Pre-moderated: an opinion
// is public only once the office publishes it (待审核 -> 已公开 | 不予公开).
#include <string>
#include <string_view>
#include <vector>

#include "modules/yjzj/domain/consultation.hpp"
#include "modules/yjzj/domain/draft_articles.hpp"

namespace zwgk::domain {

enum class OpinionState { Pending, Published, Rejected };
std::string to_code(OpinionState);   // pending published rejected
std::string to_label(OpinionState);  // 待审核 已公开 不予公开
std::optional<OpinionState> opinion_state_from(std::string_view code);

struct OpinionInput {
  std::string anchor;  // "" (on the whole draft) or an article's anchor ("art-5")
  std::string name;    // sealed
  std::string phone;   // sealed
  std::string text;
};
inline constexpr std::size_t kOpinionTextMaxChars = 2000;

// Chinese problems, in form order; empty when the opinion may be taken.
std::vector<std::string> opinion_problems(const OpinionInput& o, ConsultationPhase phase,
                                          const std::vector<DraftArticle>& articles);
// "对第五条的意见" / "对征求意见稿的总体意见".
std::string opinion_heading(const std::string& anchor_label);

}  // namespace zwgk::domain
