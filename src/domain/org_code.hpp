#pragma once
// Check characters of the codes that identify an organisation. is_valid_org_code
// (index_number.hpp) verifies a whole code with these; the demo content makes codes with them.
//   组织机构代码, GB 11714-1997: 8 characters 0-9 A-Z, then a check character 0-9 or X
//     (weights 3 7 9 10 5 8 4 2, modulus 11).
//   统一社会信用代码, GB 32100-2015: 17 characters from the 31 of kCreditCodeChars (no I, O,
//     Z, S, V), then a check character from the same set (weights 3^i mod 31, modulus 31).
#include <optional>
#include <string_view>

namespace zwgk::domain {

inline constexpr std::string_view kCreditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// The check character of an 8-character 组织机构代码 body; nullopt if the body has another
// length or a character outside 0-9 A-Z.
std::optional<char> organisation_code_check_character(std::string_view body8);

// The check character of the 17-character body of a 统一社会信用代码; nullopt if the body has
// another length or a character outside kCreditCodeChars.
std::optional<char> credit_code_check_character(std::string_view body17);

}  // namespace zwgk::domain
