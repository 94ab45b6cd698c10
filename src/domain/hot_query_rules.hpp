#pragma once
// 本周热门搜索 (ADR 0015): which searched texts may be counted for the public hot-query list
// and which may be shown on it. Pure rules; store/hot_queries.hpp counts and reads, the
// console's 热门搜索 page pins and hides.
//
//   counted  a search is counted only if its text holds no personal data: nothing that
//            scan_privacy (privacy_scan.hpp) finds as 身份证号码, 手机号码, 银行卡号 or 电子邮箱,
//            and no run of 7 or more digits (single spaces or hyphens inside the run do
//            not end it) — a hot list needs no numbers that long, and a partial ID or phone
//            number must not get there either. Such a text is never stored.
//   shown    a counted text is shown only if, in addition, none of the site's sensitive
//            words (the privacy guard's list, site_sensitive_words) occurs in it; the
//            number of different visitors and "found results" are the store's part.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"

namespace zwgk::domain {

inline constexpr int kHotQueryLongestDigitRun = 6;  // 7 digits in a row are refused

// nullopt = may be counted; otherwise why not, in Chinese ("含有个人信息（身份证号码）").
std::optional<std::string> hot_query_personal_data(std::string_view text, Date today);

// nullopt = may be shown (and counted); otherwise why not, in Chinese.
std::optional<std::string> hot_query_problem(std::string_view text, const std::vector<std::string>& sensitive_words,
                                             Date today);

}  // namespace zwgk::domain
