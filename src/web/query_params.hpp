#pragma once
// Validation of the query parameters public pages accept. Every violation is a
// PageError(400) whose message names the parameter in Chinese, e.g.
// "参数 page 必须是正整数". An empty value ("?year=" from a form's 全部 option) counts as absent;
// a parameter given twice is an error (which one would we honour?).
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "domain/document.hpp"
#include "http/request.hpp"

namespace zwgk::web {

inline constexpr int kMaxPage = 100000;      // deeper pages are a crawler's trap (OFFSET cost)
inline constexpr int kDefaultPerPage = 20;
inline constexpr int kMaxPerPage = 100;

// The single non-empty value of `name`, or nullopt. Throws PageError(400) if repeated.
std::optional<std::string> single_param(const http::Request& req, std::string_view name);

// Digits only, no sign, no leading '+', fits in int64; nullopt otherwise.
std::optional<std::int64_t> parse_positive_integer(std::string_view s);

// "123" -> 123; rejects "0123", "+1", "" so every object has exactly one URL.
std::optional<std::int64_t> canonical_id(std::string_view s);

int page_param(const http::Request& req);                                     // default 1
int per_page_param(const http::Request& req, int default_per_page = kDefaultPerPage);
std::optional<int> year_param(const http::Request& req);
// A four-digit year as typed ("2025"), else nullopt (what year_param and the forms accept).
std::optional<int> parse_year(std::string_view s);
std::optional<std::int64_t> department_param(const http::Request& req);      // an id; existence checked by caller
std::optional<domain::Validity> validity_param(const http::Request& req);    // code or Chinese label
bool print_param(const http::Request& req);                                  // "1" -> true; absent -> false

// True if the query has a parameter outside `known` (tracking parameters and the like).
// Such pages are still rendered but not put in the page cache, so arbitrary query
// strings cannot push real pages out of it.
bool has_unknown_params(const http::Request& req, std::initializer_list<std::string_view> known);

}  // namespace zwgk::web
