#pragma once
// Privacy guard (保密审查 helper, ADR 0009): finds personal information (个人信息) in the text of
// a document — title, body text, attachment text — before it is published, and masks it
// (脱敏/遮盖). Pure domain code: the console and `zwgk scan` call it; it stores nothing.
//
// What is detected (PrivacyKind):
//   ResidentId    18-character 居民身份证号码 (GB 11643-1999): 6-digit region, birth date
//                 YYYYMMDD, 3-digit sequence, check character. The check character is
//                 ISO 7064 MOD 11-2: sum of digit[i] * (2^(17-i) mod 11) over the first 17,
//                 "10X98765432"[sum % 11]. Accepted only if the check character matches
//                 (X or x), the first two digits are a province code (11-15, 21-23, 31-37,
//                 41-46, 50-54, 61-65, 71, 81-83), and the birth date is a real day between
//                 1900-01-01 and today.
//   ResidentId15  old 15-digit ID (before 1999): region, YYMMDD read as 19YY, sequence; no
//                 check digit, so a valid province and a real birth date are required.
//   MobilePhone   11 digits 1[3-9]xxxxxxxxx; contiguous or grouped 3-4-4 with one kind of
//                 separator (138 1234 5678, 138-1234-5678); optional +86 / 0086 (with a space
//                 or hyphen after it) or 86 (directly or with a hyphen) in front.
//   BankCard      16-19 digits passing the Luhn check (ISO/IEC 7812-1), contiguous or in
//                 groups of 4 separated by single spaces (6222 0212 3456 7890 123).
//                 An 18-digit run that fails the ID rules but passes Luhn is reported as a
//                 card (a mistyped ID is still caught).
//   Email         local@domain.tld (ASCII local part [A-Za-z0-9._%+-], dotted domain, a
//                 letters-only TLD of 2+).
//   SensitiveWord the site's own list; case-insensitive for ASCII letters; every occurrence
//                 of every word is reported, overlapping ones too ("国家秘密" and "秘密").
//
// A number counts only as a standalone token: not preceded or followed by an ASCII letter or
// digit (full-width ones count as ASCII). Chinese characters and punctuation are boundaries, so
// "身份证号430502199001011234，电话13812345678" yields both. Full-width digits, letters, +, -, ., /,
// @ and U+3000 are read as their ASCII forms; offsets still point at the original bytes.
//
// Deliberately NOT flagged (no false alarms on what a government page is full of):
//   - 统一社会信用代码 (91350100M000100Y43): letters make the token not all digits; an
//     all-digit 18-character code that passes the GB 32100 check is never a bank card, and as
//     an ID it would still need a real birth date, a province and the MOD 11-2 character.
//   - office landlines 0739-5363114, (0739)5363114, 0739-53631140, 400-800-1234, the 12345
//     hotline: they do not start with 1[3-9] and are not 11 digits.
//   - 文号 邵政办发〔2017〕12号, dates 20170510, postcodes 422000, amounts 1,234,567.89:
//     too short for any kind.
//   - a digit run inside a longer number: a 20-digit run is no ID; a token joined to more
//     digits by '-' or '.' (2017-00001, 123.45) is part of that number; grouped forms that
//     continue with another group (1234 5678 9012 3456 7890) are not cards.
//   - 索引号 114305000069675548/2017-00001: an ID-length (15/18) or card-length token directly
//     followed by '/' and a digit is the organisation part of an index number
//     ({org}/{year}-{serial}), not a person, even if its checksum happens to pass. Decision: the
//     rule is one-sided (only "/digit" after) and does not apply to mobile numbers, so
//     "0739-5363114/13812345678" still finds the mobile number. Cost: an ID written as
//     "ID/digits" is missed.
//   - bank-card-length runs starting with 0 (no card number does).
//
// Masking (PrivacyFinding::masked, and mask_all): every hidden digit or letter becomes one '*';
// separators and any +86 prefix are kept:
//   ResidentId    keep the first 6 and last 4:  430502********123X
//   ResidentId15  keep the first 6 and last 3:  430502******123
//   MobilePhone   keep the first 3 and last 4:  138****5678, +86 138-****-5678
//   BankCard      keep the last 4 only:         ************1234, **** **** **** 1234
//   Email         first character of the local part, then "***":  z***@example.com
//   SensitiveWord one '*' per character:        机密 -> **
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"

namespace zwgk::domain {

enum class PrivacyKind { ResidentId, ResidentId15, MobilePhone, BankCard, Email, SensitiveWord };

std::string to_code(PrivacyKind);   // resident_id | resident_id_15 | mobile | bank_card | email | sensitive_word
std::string to_label(PrivacyKind);  // 身份证号码 | 身份证号码（15位） | 手机号码 | 银行卡号 | 电子邮箱 | 敏感词

struct PrivacyFinding {
  PrivacyKind kind{};
  std::size_t begin = 0;           // byte offsets into the scanned text, [begin, end)
  std::size_t end = 0;
  std::string text;                // the matched bytes, as in the original
  std::string context;             // ~context_chars characters either side, on UTF-8 boundaries;
                                   // tabs and line breaks shown as spaces
  std::size_t context_match = 0;   // byte offset of `text` inside `context` (for highlighting)
  std::string masked;              // what `text` becomes when masked
  std::string word;                // SensitiveWord: the list entry that matched; else empty
};

struct PrivacyScanOptions {
  std::vector<std::string> sensitive_words;  // the site's list; blank entries ignored
  std::optional<Date> today;                 // birth dates after it are impossible; default Date::today()
  std::size_t context_chars = 20;
};

// All findings, ordered by begin (then longer first). Linear in the text for the numeric kinds
// and e-mail; O(text x words) for the sensitive words (fine for lists of hundreds).
std::vector<PrivacyFinding> scan_privacy(std::string_view text, const PrivacyScanOptions& options = {});

// The text with every finding replaced by its masked form, applied right to left. Overlapping
// findings are merged conservatively (the overlapping part is starred per character). A finding
// whose offsets are out of range or whose `text` no longer matches the bytes there is ignored.
std::string mask_all(std::string_view text, const std::vector<PrivacyFinding>& findings);

// GB 11643-1999 check character for the first 17 digits of an ID ('0'-'9' or 'X'); '\0' if the
// input is not 17 ASCII digits.
char resident_id_check_char(std::string_view first17);
// An 18-character ID (ASCII; x accepted) or a 15-digit ID, by the rules above.
bool is_valid_resident_id(std::string_view id, Date today);
// Luhn (ISO/IEC 7812-1) over ASCII digits; false for empty or non-digit input.
bool luhn_valid(std::string_view digits);

}  // namespace zwgk::domain
