#pragma once
// A list kept as text, one item a line (the rows' `warnings`, `links`, `contacts` columns and
// the console's one-a-line textareas): split without the empty lines, joined with "\n" after each.
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

std::vector<std::string> non_empty_lines(std::string_view text);  // a trailing "\r" is dropped too
std::string joined_lines(const std::vector<std::string>& lines);

}  // namespace zwgk::domain
