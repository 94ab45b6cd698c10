// See content_checks.hpp.
#include "modules/zcjc/domain/content_checks.hpp"

#include "domain/utf8.hpp"

namespace zwgk::domain {

CheckResult check_interpretations(const std::vector<PolicyFacts>& missing, int checked, const InspectionThresholds& t) {
  CheckResult r;
  r.code = "interpretation";
  r.name = "发布解读";
  r.indicator = kScoredIndicator;
  r.rule = "解读回应（扣分指标）：近 " + std::to_string(t.interpretation_window_days) +
           " 天发布的政策文件应同步发布政策解读（或登记无需解读的理由）";
  for (const auto& p : missing)
    r.evidence.push_back({"《" + p.title + "》", p.first_published.iso() + " 发布，没有政策解读", p.url});
  r.findings = static_cast<int>(missing.size());
  if (r.findings > 0) r.level = CheckLevel::Warning;
  r.summary = "检查 " + std::to_string(checked) + " 件政策文件：" +
              (r.findings == 0 ? "均已解读或登记无需解读" : std::to_string(r.findings) + " 件缺少政策解读");
  return r;
}

std::vector<WordingRule> example_wording_rules() {
  return {
      {0, "政务情", "政务舆情", "《2017年政务公开工作要点》原文脱漏“舆”字", false},
      {0, "中办发〔20168号", "中办发〔2016〕8号", "《2017年政务公开工作要点》原文脱漏“〕”", false},
      {0, "中华人民共合国", "中华人民共和国", "国名", true},
      {0, "国务院办工厅", "国务院办公厅", "机构名称", true},
  };
}

std::string wording_rule_problem(const WordingRule& rule) {
  if (rule.wrong.empty() || rule.right.empty()) return "错误写法和正确写法都不能为空";
  if (rule.wrong == rule.right) return "错误写法与正确写法相同";
  if (!is_valid_utf8(rule.wrong) || !is_valid_utf8(rule.right)) return "含有无效字符";
  if (count_characters(rule.wrong) > 100 || count_characters(rule.right) > 100) return "写法最长 100 个字";
  return "";
}

namespace {

// Start of the character `n` characters before `at` (or 0).
std::size_t back_chars(std::string_view s, std::size_t at, int n) {
  while (n-- > 0 && at > 0) {
    --at;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  }
  return at;
}
std::size_t forward_chars(std::string_view s, std::size_t at, int n) {
  while (n-- > 0 && at < s.size()) at += decode_utf8(s, at).length;
  return at;
}

bool inside_right_form(std::string_view text, std::size_t pos, const WordingRule& rule) {
  for (std::size_t k = rule.right.find(rule.wrong); k != std::string::npos; k = rule.right.find(rule.wrong, k + 1)) {
    if (k > pos) continue;
    if (text.substr(pos - k, rule.right.size()) == rule.right) return true;
  }
  return false;
}

}  // namespace

std::vector<WordingHit> find_wording_errors(std::string_view text, const std::vector<WordingRule>& rules) {
  std::vector<WordingHit> out;
  for (const auto& rule : rules) {
    if (!wording_rule_problem(rule).empty()) continue;
    for (std::size_t pos = text.find(rule.wrong); pos != std::string_view::npos;
         pos = text.find(rule.wrong, pos + rule.wrong.size())) {
      if (inside_right_form(text, pos, rule)) continue;
      const std::size_t from = back_chars(text, pos, 12);
      const std::size_t to = forward_chars(text, pos + rule.wrong.size(), 12);
      out.push_back({&rule, pos, std::string(text.substr(from, to - from))});
    }
  }
  return out;
}

CheckResult check_wording(std::vector<Evidence> hits, int serious, int documents) {
  CheckResult r;
  r.code = "wording";
  r.name = "严重表述错误";
  r.indicator = kVetoIndicator;
  r.rule = "出现严重表述错误即单项否决（错误写法清单由本站维护：标为“严重”的一经发现按否决处理，其余预警）";
  r.findings = static_cast<int>(hits.size());
  r.evidence = std::move(hits);
  if (serious > 0)
    r.level = CheckLevel::Veto;
  else if (r.findings > 0)
    r.level = CheckLevel::Warning;
  r.summary = "检查 " + std::to_string(documents) + " 篇已发布文件：" +
              (r.findings == 0 ? "未发现清单中的错误写法"
                               : "发现 " + std::to_string(r.findings) + " 处错误写法（严重 " + std::to_string(serious) +
                                     " 处）");
  return r;
}

PrivacyGravity privacy_gravity(PrivacyKind kind) {
  switch (kind) {
    case PrivacyKind::ResidentId:
    case PrivacyKind::ResidentId15:
    case PrivacyKind::BankCard: return PrivacyGravity::Veto;
    case PrivacyKind::MobilePhone: return PrivacyGravity::Warning;
    default: return PrivacyGravity::Ignored;
  }
}

CheckResult check_privacy(std::vector<Evidence> findings, int serious, int documents) {
  CheckResult r;
  r.code = "privacy";
  r.name = "个人信息泄露";
  r.indicator = kVetoIndicator;
  r.rule = "已发布内容不得含有未经处理的身份证号码、手机号码、银行卡号等个人信息（《个人信息保护法》；"
           "身份证号码、银行卡号按单项否决指标“泄露信息”处理，手机号码预警）";
  r.findings = static_cast<int>(findings.size());
  r.evidence = std::move(findings);
  if (serious > 0)
    r.level = CheckLevel::Veto;
  else if (r.findings > 0)
    r.level = CheckLevel::Warning;
  r.summary = "检查 " + std::to_string(documents) + " 篇已发布文件：" +
              (r.findings == 0 ? "未发现个人信息" : "发现 " + std::to_string(r.findings) + " 处个人信息");
  return r;
}

}  // namespace zwgk::domain
