#pragma once
// Chinese numerals as laws and notices write them: 第五条, 二十个工作日, 一百零五.
#include <optional>
#include <string_view>

namespace zwgk::domain {

int chinese_digit(char32_t c);  // 〇/零 0, 一 1, 二/两 2 .. 九 9; -1 for anything else
int chinese_unit(char32_t c);   // 十 10, 百 100, 千 1000; 0 for anything else
// 一 .. 九千九百九十九 (also 〇/零, 两, and 十一 for 11); nullopt when not a numeral.
std::optional<int> chinese_numeral_value(std::string_view text);

}  // namespace zwgk::domain
