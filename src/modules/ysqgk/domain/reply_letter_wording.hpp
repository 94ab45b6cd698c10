#pragma once
// The wording rules of a reply letter (政府信息公开申请答复书) for an information request:
// what the letter says for each outcome, the legal basis it cites by default, and the
// remedy notice every answer must carry. Rendering (the mustache template) is in
// src/web/reply_letter.cpp; this file decides the words.
//  - Art. 36-39 《政府信息公开条例》: the answer for each outcome (reply_outcome.hpp).
//  - Remedies: 行政复议 within 60 days of learning of the decision (《行政复议法》 Art. 20),
//    行政诉讼 within 6 months (《行政诉讼法》 Art. 46); Art. 51 of the Regulations.
#include <string>

#include "domain/reply_outcome.hpp"

namespace zwgk::domain {

inline constexpr int kReconsiderationDays = 60;
inline constexpr int kLitigationMonths = 6;

// "《中华人民共和国政府信息公开条例》第十四条"; for grounds without an article in the
// regulations' digest, the Art. 36 general clause.
std::string default_legal_basis(ReplyOutcome outcome);

// One paragraph: what the office decided, in the letter's words.
std::string outcome_statement(ReplyOutcome outcome);

// The remedy paragraph: 60 days / 6 months, as every answer states it.
std::string remedy_notice();

}  // namespace zwgk::domain
