#pragma once
// What a letter must contain before it is received, from the public form or a 12345
// platform through the API: one list of problems in form order, one wording, one limit.
// The writer's name and phone are personal data: sealed in the store, shown to staff only,
// never on a public page, an API answer or a log line.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "modules/zmhd/domain/letter.hpp"
#include "modules/zmhd/domain/mailbox.hpp"

namespace zwgk::domain {

inline constexpr std::size_t kLetterTitleMaxChars = 100;
inline constexpr std::size_t kLetterContentMinChars = 10;
inline constexpr std::size_t kLetterContentMaxChars = 3000;
inline constexpr std::size_t kLetterNameMaxChars = 50;
inline constexpr std::size_t kLetterAttachmentsMax = 3;

struct LetterWriter {
  std::string name;
  std::string phone;  // 手机号码
  std::string email;  // optional: where the notices go
};

struct LetterSubmission {
  std::optional<LetterCategory> category;
  std::string title;
  std::string content;
  LetterWriter writer;
  bool consent_publish = false;  // 同意公开来信及答复
  std::string page_url;          // 找错: the page with the error
  std::string error_kind;        // 找错: one of error_report_kinds()
  LetterChannel channel = LetterChannel::Website;
  std::string external_id;       // 12345: the 工单号
  std::size_t attachments = 0;
};

// Every problem, in form order; empty = it can be received. The category must be one the
// mailbox offers; a 找错 report needs the page and the kind of error, not a name or phone.
std::vector<std::string> letter_submission_problems(const LetterSubmission& s, const Mailbox& mailbox);

// The new letter in state 已收到, received `today` (precondition: no problems).
Letter received_letter(const LetterSubmission& s, Date today);

// 信件编号: "XJ-2026-000123" — 信件 + the year received + a serial unique across the
// installation. Not secret; with the 查询码 it opens the status page.
std::string format_letter_number(int year, long long serial);
// Upper-cases and strips white space; nullopt if it cannot be a letter number.
std::optional<std::string> normalise_letter_number(std::string_view s);

}  // namespace zwgk::domain
