#pragma once
// 意见征集, the use cases. Each public function is one: it takes the caller, its input and the
// clock and calendar the service was made with; in one transaction (store::UnitOfWork) it
// asks the permission registry (yjzj.* actions, yjzj_permissions.cpp, on the consultation's
// site and department), applies the domain rule (modules/yjzj/domain/), writes the rows and
// its audit entry (yjzj.<verb>, the consultation id, never personal data). Another site's
// consultation is absent (NotFound). Refusals are the error family (domain/errors.hpp):
// Invalid lists every problem, Forbidden, NotFound, Conflict; then nothing is written.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/caller.hpp"
#include "domain/clock.hpp"
#include "domain/working_day_calendar.hpp"
#include "modules/yjzj/domain/consultation.hpp"
#include "modules/yjzj/domain/consultation_statement.hpp"
#include "modules/yjzj/domain/draft_articles.hpp"
#include "modules/yjzj/domain/questionnaire.hpp"
#include "modules/yjzj/store/consultation_repository.hpp"
#include "modules/yjzj/store/consultation_statement_repository.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::modules::yjzj {

struct UploadedFile {
  std::string file_name;
  std::string data;
  std::string media_type;  // what the caller's sniffing found
};

// What the public page shows of one consultation, read in one place.
struct ConsultationView {
  store::StoredConsultation consultation;
  domain::ConsultationPhase phase = domain::ConsultationPhase::Draft;
  domain::AnchoredDraft draft;          // the body with its article anchors
  domain::PeriodCheck period;           // as scheduled, against its kind's minimum
  domain::Date feedback_due;            // when the 反馈 is due
  bool feedback_overdue = false;
  std::vector<store::StoredOpinion> published_opinions;  // in order; only published ones
  std::vector<store::ConsultationAttachment> attachments;
  std::vector<domain::SurveyQuestion> questions;
  std::vector<domain::SurveyTally> results;  // filled once the consultation has ended
  int respondents = 0;
};

// One line of the public list: a consultation that is not a draft, its phase today and,
// while it waits for its 反馈, the day that is due.
struct ConsultationListing {
  store::StoredConsultation consultation;
  domain::ConsultationPhase phase = domain::ConsultationPhase::Upcoming;
  std::optional<domain::Date> feedback_due;
};

// 情况说明 as the form sends it.
struct StatementInput {
  std::optional<std::int64_t> department_id;  // nullopt: the site's government itself
  domain::StatementPeriod period;
  std::string text;  // empty: the standard wording (default_statement_text)
};

class ConsultationService {
 public:
  ConsultationService(store::Database& db, const store::PersonalDataKey& key, const domain::WorkingDayCalendar& calendar,
                      domain::UnixClock clock = domain::system_unix_seconds)
      : db_(db), key_(key), calendar_(calendar), clock_(std::move(clock)) {}

  domain::Date today() const;
  domain::ConsultationSettings settings(std::int64_t site_id);

  // yjzj.manage on the department. The body is sanitized and privacy-masked; the period is
  // checked against its kind's minimum (a shorter one needs short_period_reason: Invalid,
  // code "short_period"). Returns the id.
  std::int64_t create(const domain::Caller& caller, domain::ConsultationDraft draft);
  // Until the 反馈 is published; the period is checked again.
  void update(const domain::Caller& caller, std::int64_t id, domain::ConsultationDraft draft);
  // 发布征集: public from now on (未开始 until its start date). The period is checked from
  // the later of its start and today: publishing late shortens it.
  void publish(const domain::Caller& caller, std::int64_t id);

  std::int64_t add_attachment(const domain::Caller& caller, std::int64_t id, const UploadedFile& file);
  void delete_attachment(const domain::Caller& caller, std::int64_t id, std::int64_t attachment_id);

  // 公众意见 on the public page of `site_id` while it is open; pending until published. At
  // most settings.opinions_per_phone per phone and consultation. Audited as "public".
  std::int64_t submit_opinion(std::int64_t site_id, std::int64_t id, const domain::OpinionInput& opinion);
  // yjzj.moderate: publish (公开) or reject (不予公开); either can be undone.
  void moderate(const domain::Caller& caller, std::int64_t id, std::int64_t opinion_id, domain::OpinionState to);
  // yjzj.view_writer: the writer's name and phone (audited: yjzj.view_writer).
  store::WriterContact writer_contact(const domain::Caller& caller, std::int64_t id, std::int64_t opinion_id);

  // 调查问卷 (yjzj.manage), in the editor's text form (questionnaire.hpp); replaced only
  // before the first response arrives (Conflict after). Empty text removes it.
  void set_survey(const domain::Caller& caller, std::int64_t id, const std::string& text);
  // A citizen's answers while it is open. Audited as "public".
  std::int64_t submit_survey(std::int64_t site_id, std::int64_t id, const std::vector<domain::SurveyAnswer>& answers);

  // 意见反馈 (yjzj.manage), once the period has ended; may be corrected after.
  void publish_feedback(const domain::Caller& caller, std::int64_t id, const domain::ConsultationFeedback& feedback);

  // The daily job: every published consultation whose end date is past is recorded closed
  // (audited as "system"). The phase never waits for it. Returns how many it closed.
  int close_ended();

  // 情况说明 (yjzj.manage on the department, or on the site for the site itself): the unit
  // had nothing to consult on in the period. Invalid when the period has not begun or the
  // unit published a consultation starting in it; Conflict when it has a statement for that
  // period already. Audited yjzj.statement.
  std::int64_t publish_statement(const domain::Caller& caller, const StatementInput& input);
  // Withdraws one (yjzj.manage on its unit); audited yjzj.withdraw_statement.
  void withdraw_statement(const domain::Caller& caller, std::int64_t statement_id);
  // The site's statements, latest period first (the public list shows them all).
  std::vector<store::ConsultationStatement> statements(std::int64_t site_id);

  // yjzj.settings on the site.
  void save_settings(const domain::Caller& caller, const domain::ConsultationSettings& s);

  // The public list P/yjzj/ and its API: the site's published consultations, latest end first.
  std::vector<ConsultationListing> public_list(std::int64_t site_id);
  // The public page's content: NotFound for a draft or another site's consultation.
  ConsultationView public_view(std::int64_t site_id, std::int64_t id);
  // The staff view (yjzj.view): all opinions (without name and phone), the tally at any time.
  ConsultationView staff_view(const domain::Caller& caller, std::int64_t id);

 private:
  store::StoredConsultation permitted(const domain::Caller& caller, std::int64_t id, const char* action);
  void check(const domain::Caller& caller, domain::ConsultationDraft& draft, std::optional<domain::Date> from = {});
  ConsultationView view_of(store::StoredConsultation c, bool staff);

  store::Database& db_;
  const store::PersonalDataKey& key_;
  const domain::WorkingDayCalendar& calendar_;
  domain::UnixClock clock_;
};

}  // namespace zwgk::modules::yjzj
