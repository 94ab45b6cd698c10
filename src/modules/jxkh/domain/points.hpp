#pragma once
// 分值 with one decimal, as assessment rules write them ("每超期1件扣0.5分"): kept as whole
// tenths of a point so that sums are exact (15 分 = 150, 2.5 分 = 25).
#include <optional>
#include <string>
#include <string_view>

namespace zwgk::domain {

// "15", "2.5", "-3" (no trailing ".0").
std::string format_points(int tenths);
// "15", "2.5", "-0.5", "+3" (at most one decimal, at most 10000 points); nullopt for anything else.
std::optional<int> parse_points(std::string_view text);
// Hundredths of a point as "2.85" (the weighted score, final × weight).
std::string format_hundredths(long long hundredths);

}  // namespace zwgk::domain
