#pragma once
// 调查问卷 on a consultation (optional): single choice, multiple choice, free text. Staff
// write it as text, one question per block, its first line the kind and the question and
// each further line an option:
//
//   单选：您是否赞成将开办时间压缩到1个工作日？
//   赞成
//   不赞成
//
//   多选：您最关心哪些事项？
//   ...
//
//   填空：其他建议
//
// Every single- and multiple-choice question must be answered; a free-text one may be left
// empty. Results (counts per option) are public once the consultation closes; the free-text
// answers are read by staff only (they may hold personal data) and only counted publicly.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

enum class SurveyQuestionKind { Single, Multiple, Text };
std::string to_code(SurveyQuestionKind);   // single multiple text
std::string to_label(SurveyQuestionKind);  // 单选 多选 填空
std::optional<SurveyQuestionKind> survey_question_kind_from(std::string_view code_or_label);

struct SurveyQuestion {
  std::int64_t id = 0;  // 0 before it is stored
  SurveyQuestionKind kind = SurveyQuestionKind::Single;
  std::string text;
  std::vector<std::string> options;  // 2..20 for single and multiple; none for text
};

inline constexpr int kSurveyQuestionsMax = 30;
inline constexpr int kSurveyOptionsMax = 20;
inline constexpr std::size_t kSurveyTextAnswerMaxChars = 1000;

// Parses the editor's text; the problems name the question by its number.
struct ParsedSurvey {
  std::vector<SurveyQuestion> questions;
  std::vector<std::string> problems;
};
ParsedSurvey parse_survey(std::string_view text);
std::string format_survey(const std::vector<SurveyQuestion>& questions);

// One citizen's answers: for each question its chosen option indexes or its text.
struct SurveyAnswer {
  std::int64_t question_id = 0;
  std::vector<int> choices;  // 0-based
  std::string text;
};
std::vector<std::string> survey_answer_problems(const std::vector<SurveyQuestion>& questions,
                                                const std::vector<SurveyAnswer>& answers);

// The tally: per question, the count of each option (single, multiple) or of the answers
// given (text), and how many responded to it.
struct SurveyTally {
  SurveyQuestion question;
  std::vector<int> counts;  // one per option
  int responses = 0;        // respondents who answered this question
};
std::vector<SurveyTally> tally_survey(const std::vector<SurveyQuestion>& questions,
                                      const std::vector<std::vector<SurveyAnswer>>& responses);

}  // namespace zwgk::domain
