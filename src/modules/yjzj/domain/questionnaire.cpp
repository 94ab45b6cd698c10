// See questionnaire.hpp.
#include "modules/yjzj/domain/questionnaire.hpp"

#include <algorithm>

#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

std::string trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= text.size()) {
    auto nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    out.push_back(trimmed(text.substr(at, nl - at)));
    at = nl + 1;
  }
  return out;
}

std::string n_of(std::size_t i) { return "第" + std::to_string(i + 1) + "题"; }

}  // namespace

std::string to_code(SurveyQuestionKind k) {
  switch (k) {
    case SurveyQuestionKind::Single: return "single";
    case SurveyQuestionKind::Multiple: return "multiple";
    case SurveyQuestionKind::Text: return "text";
  }
  return "single";
}

std::string to_label(SurveyQuestionKind k) {
  switch (k) {
    case SurveyQuestionKind::Single: return "单选";
    case SurveyQuestionKind::Multiple: return "多选";
    case SurveyQuestionKind::Text: return "填空";
  }
  return "单选";
}

std::optional<SurveyQuestionKind> survey_question_kind_from(std::string_view s) {
  for (auto k : {SurveyQuestionKind::Single, SurveyQuestionKind::Multiple, SurveyQuestionKind::Text})
    if (s == to_code(k) || s == to_label(k)) return k;
  return std::nullopt;
}

ParsedSurvey parse_survey(std::string_view text) {
  ParsedSurvey out;
  if (!is_valid_utf8(text)) {
    out.problems.push_back("问卷文字编码无法识别");
    return out;
  }
  std::vector<std::vector<std::string>> blocks(1);
  for (auto& l : lines_of(text)) {
    if (l.empty()) {
      if (!blocks.back().empty()) blocks.emplace_back();
      continue;
    }
    blocks.back().push_back(std::move(l));
  }
  if (blocks.back().empty()) blocks.pop_back();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto& head = blocks[i].front();
    SurveyQuestion q;
    std::size_t sep = head.find("：");
    std::size_t sep_len = 3;
    if (sep == std::string::npos) {
      sep = head.find(':');
      sep_len = 1;
    }
    auto kind = sep == std::string::npos ? std::nullopt : survey_question_kind_from(trimmed(head.substr(0, sep)));
    if (!kind) {
      out.problems.push_back(n_of(i) + "的第一行应以“单选：”“多选：”或“填空：”开头");
      continue;
    }
    q.kind = *kind;
    q.text = trimmed(head.substr(sep + sep_len));
    if (q.text.empty()) out.problems.push_back(n_of(i) + "没有题目");
    else if (count_characters(q.text) > 300) out.problems.push_back(n_of(i) + "的题目不能超过300个字");
    q.options.assign(blocks[i].begin() + 1, blocks[i].end());
    if (q.kind == SurveyQuestionKind::Text) {
      if (!q.options.empty()) out.problems.push_back(n_of(i) + "是填空题，不应有选项");
    } else if (q.options.size() < 2) {
      out.problems.push_back(n_of(i) + "至少需要两个选项，每行一个");
    } else if (q.options.size() > static_cast<std::size_t>(kSurveyOptionsMax)) {
      out.problems.push_back(n_of(i) + "的选项不能超过20个");
    }
    for (std::size_t a = 0; a < q.options.size(); ++a)
      for (std::size_t b = a + 1; b < q.options.size(); ++b)
        if (q.options[a] == q.options[b]) {
          out.problems.push_back(n_of(i) + "的选项“" + q.options[a] + "”重复");
          a = q.options.size();
          break;
        }
    out.questions.push_back(std::move(q));
  }
  if (out.questions.size() > static_cast<std::size_t>(kSurveyQuestionsMax)) out.problems.push_back("问卷不能超过30题");
  return out;
}

std::string format_survey(const std::vector<SurveyQuestion>& questions) {
  std::string out;
  for (const auto& q : questions) {
    if (!out.empty()) out += "\n";
    out += to_label(q.kind) + "：" + q.text + "\n";
    for (const auto& o : q.options) out += o + "\n";
  }
  return out;
}

std::vector<std::string> survey_answer_problems(const std::vector<SurveyQuestion>& questions,
                                                const std::vector<SurveyAnswer>& answers) {
  std::vector<std::string> p;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const auto& q = questions[i];
    auto it = std::find_if(answers.begin(), answers.end(), [&](const auto& a) { return a.question_id == q.id; });
    const SurveyAnswer none;
    const auto& a = it == answers.end() ? none : *it;
    for (int c : a.choices)
      if (c < 0 || c >= static_cast<int>(q.options.size())) {
        p.push_back(n_of(i) + "的选项无效，请重新选择");
        break;
      }
    if (q.kind == SurveyQuestionKind::Single && a.choices.size() != 1) p.push_back(n_of(i) + "请选择一项");
    if (q.kind == SurveyQuestionKind::Multiple && a.choices.empty()) p.push_back(n_of(i) + "请至少选择一项");
    if (q.kind == SurveyQuestionKind::Text && count_characters(a.text) > kSurveyTextAnswerMaxChars)
      p.push_back(n_of(i) + "的回答不能超过1000个字");
    if (!is_valid_utf8(a.text)) p.push_back(n_of(i) + "的文字编码无法识别");
  }
  for (const auto& a : answers)
    if (std::none_of(questions.begin(), questions.end(), [&](const auto& q) { return q.id == a.question_id; })) {
      p.push_back("问卷中没有所回答的题目，请刷新页面后重新填写");
      break;
    }
  return p;
}

std::vector<SurveyTally> tally_survey(const std::vector<SurveyQuestion>& questions,
                                      const std::vector<std::vector<SurveyAnswer>>& responses) {
  std::vector<SurveyTally> out;
  for (const auto& q : questions) {
    SurveyTally t;
    t.question = q;
    t.counts.assign(q.options.size(), 0);
    for (const auto& r : responses)
      for (const auto& a : r) {
        if (a.question_id != q.id) continue;
        bool answered = q.kind == SurveyQuestionKind::Text ? a.text.find_first_not_of(" \t\r\n") != std::string::npos
                                                           : !a.choices.empty();
        std::vector<int> seen;
        for (int c : a.choices)
          if (c >= 0 && c < static_cast<int>(t.counts.size()) && std::find(seen.begin(), seen.end(), c) == seen.end()) {
            ++t.counts[c];
            seen.push_back(c);
          }
        if (answered) ++t.responses;
      }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace zwgk::domain
