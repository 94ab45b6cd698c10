// 索引号 (domain/README §7): a per-site template; the number is made once, at first
// publication, and never changes.
#include "domain/index_number.hpp"

#include <cstdio>
#include <string_view>
#include <vector>

#include "domain/errors.hpp"
#include "domain/org_code.hpp"

namespace zwgk::domain {

namespace {

struct Token {
  enum Kind { Literal, Org, Year, Month, Serial } kind = Literal;
  std::string text;  // literal text
  int width = 0;     // serial padding
};

struct Parsed {
  std::vector<Token> tokens;
  std::optional<std::string> error;
  bool has_month = false;
};

constexpr int kMaxSerialWidth = 12;

Parsed parse_pattern(std::string_view p) {
  Parsed out;
  if (p.empty()) {
    out.error = "索引号格式不能为空";
    return out;
  }
  int orgs = 0, serials = 0;
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) out.tokens.push_back({Token::Literal, literal, 0});
    literal.clear();
  };
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '}') {
      out.error = "索引号格式的花括号不配对";
      return out;
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    const auto close = p.find('}', i + 1);
    const auto reopen = p.find('{', i + 1);
    if (close == std::string_view::npos || (reopen != std::string_view::npos && reopen < close)) {
      out.error = "索引号格式的花括号不配对";
      return out;
    }
    const std::string_view name = p.substr(i + 1, close - i - 1);
    flush();
    if (name == "org") {
      out.tokens.push_back({Token::Org, "", 0});
      ++orgs;
    } else if (name == "year") {
      out.tokens.push_back({Token::Year, "", 0});
    } else if (name == "month") {
      out.tokens.push_back({Token::Month, "", 0});
      out.has_month = true;
    } else if (name == "serial" || name.starts_with("serial:")) {
      int width = 1;
      if (name != "serial") {
        const auto n = name.substr(7);
        if (n.empty() || n.size() > 2) {
          out.error = "索引号格式中流水号位数须为1至12位：{" + std::string(name) + "}";
          return out;
        }
        width = 0;
        for (char d : n) {
          if (d < '0' || d > '9') {
            out.error = "索引号格式中流水号位数须为1至12位：{" + std::string(name) + "}";
            return out;
          }
          width = width * 10 + (d - '0');
        }
        if (width < 1 || width > kMaxSerialWidth) {
          out.error = "索引号格式中流水号位数须为1至12位：{" + std::string(name) + "}";
          return out;
        }
      }
      out.tokens.push_back({Token::Serial, "", width});
      ++serials;
    } else {
      out.error = "索引号格式含未知占位符：{" + std::string(name) + "}";
      return out;
    }
    i = close;
  }
  flush();
  if (orgs == 0) {
    out.error = "索引号格式缺少机构代码占位符 {org}";
  } else if (serials == 0) {
    out.error = "索引号格式缺少流水号占位符 {serial:N}";
  } else if (serials > 1) {
    out.error = "索引号格式中流水号占位符只能出现一次";
  }
  return out;
}

std::string pad(std::int64_t v, int width) {
  std::string s = std::to_string(v);
  if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
  return s;
}

}  // namespace

bool is_valid_org_code(const std::string& code) {
  // Check characters: domain/org_code.hpp.
  const std::string_view c = code;
  if (c.size() == 9) return organisation_code_check_character(c.substr(0, 8)) == c[8];
  if (c.size() == 18) return credit_code_check_character(c.substr(0, 17)) == c[17];
  return false;
}

std::optional<std::string> IndexNumberTemplate::validate(const std::string& pattern) {
  return parse_pattern(pattern).error;
}

std::string IndexNumberTemplate::format(const std::string& org_code, Date published_on,
                                        std::int64_t serial) const {
  const auto parsed = parse_pattern(pattern);
  std::vector<std::string> problems;
  if (parsed.error) problems.push_back(*parsed.error);
  if (org_code.empty())
    problems.emplace_back("公开责任部门未设置统一社会信用代码或组织机构代码，不能生成索引号");
  else if (!is_valid_org_code(org_code))
    problems.push_back("机构代码“" + org_code + "”不是有效的统一社会信用代码或组织机构代码");
  if (serial < 1) problems.emplace_back("索引号流水号必须大于0");
  if (!problems.empty()) throw ValidationError(std::move(problems));

  std::string out;
  for (const auto& t : parsed.tokens) {
    switch (t.kind) {
      case Token::Literal: out += t.text; break;
      case Token::Org: out += org_code; break;
      case Token::Year: out += pad(published_on.year(), 4); break;
      case Token::Month: out += pad(static_cast<unsigned>(published_on.ymd.month()), 2); break;
      case Token::Serial: out += pad(serial, t.width); break;
    }
  }
  return out;
}

std::string IndexNumberTemplate::serial_scope(const std::string& org_code, Date published_on) const {
  std::string scope = org_code + "|" + pad(published_on.year(), 4);
  if (parse_pattern(pattern).has_month)
    scope += "-" + pad(static_cast<unsigned>(published_on.ymd.month()), 2);
  return scope;
}

}  // namespace zwgk::domain
