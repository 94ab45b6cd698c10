#pragma once
// 依申请公开: applications, their events, reply letters, disclosed files and
// reconsideration / litigation records, over SQLite and PostgreSQL (migration 0006).
//
// Invariants:
//  - Every event goes through domain::apply_event inside ONE transaction together with its
//    row; a refused event writes nothing and throws domain::Conflict (Chinese refusal).
//  - The due date is never stored: callers derive it with domain::due_date on the calendar
//    they pass, so a new holiday file moves every open application at once.
//  - Personal data lives in request_applicants only. Public lookups (find, find_public,
//    annual counts, dashboard) never read that table; find_with_applicant (office only)
//    does, and opens the sealed ID number with the PersonalDataKey.
//  - The query code is shown once (RegisteredRequest) and stored as a salted BLAKE2b hash.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/department.hpp"
#include "modules/ysqgk/domain/disclosure_request.hpp"
#include "modules/ysqgk/domain/request_annual_counts.hpp"
#include "modules/ysqgk/domain/request_review.hpp"
#include "domain/working_day_calendar.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::store {

struct StoredRequest {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  // applicant.kind and applicant.organisation.kind are always set; the rest of the
  // applicant only by find_with_applicant.
  domain::DisclosureRequest request;
};

struct RegisteredRequest {
  std::int64_t id = 0;
  std::string tracking_number;  // YSQ-2026-000123
  std::string query_code;       // shown to the applicant once; only its hash is kept
};

struct ReplyLetter {
  std::string file_name;   // 政府信息公开申请答复书-YSQ-2026-000123.html
  std::string media_type;  // text/html; charset=utf-8
  std::string body;
};
// Builds the letter from the request as it is after the reply was applied.
using ReplyLetterMaker = std::function<ReplyLetter(const domain::DisclosureRequest&)>;

struct DisclosedFile {
  std::int64_t id = 0;
  std::string file_name;
  std::string sha256;
  std::string download_token;  // private: /ysqgk-files/{token}/{name}
};

struct OpenRequest {
  std::string tracking_number;
  std::int64_t site_id = 0;
  std::string department;  // "" = not yet assigned (name when assigned, for display)
  std::optional<std::int64_t> department_id;
  domain::RequestState state = domain::RequestState::Received;
  domain::Date received_on;
  domain::ReplyDeadline deadline;
  domain::DueStatus status = domain::DueStatus::OnTime;
};

struct RequestListQuery {
  std::int64_t site_id = 0;
  std::optional<domain::RequestState> state;
  std::optional<std::int64_t> department_id;  // only applications assigned to it
  int page = 1;                                // 1-based
  int per_page = 50;
};
struct RequestPage {
  std::vector<StoredRequest> items;
  std::int64_t total = 0;  // all matching, every page
  int page = 1, per_page = 50;
};

struct RequestDashboard {
  std::vector<OpenRequest> due_soon;  // due within 3 working days (today included)
  std::vector<OpenRequest> overdue;
  std::vector<OpenRequest> paused;    // 待补正 / 征求第三方意见中
  std::vector<OpenRequest> on_time;
  // department ("" = 未分办) -> open requests, in due-date order.
  std::map<std::string, std::vector<OpenRequest>> by_department;
};

class DisclosureRequestRepository {
 public:
  DisclosureRequestRepository(Database& db, const PersonalDataKey& key) : db_(db), key_(key) {}

  // Validates (applicant, description) and stores a new request in state 已收到 with the
  // next tracking number of its receipt year and a fresh query code. ValidationError lists
  // every problem; nothing is written then.
  RegisteredRequest register_request(std::int64_t site_id, const domain::DisclosureRequest& request);

  // Public-safe: no personal data.
  std::optional<StoredRequest> find(const std::string& tracking_number);
  // The applicant's status page: nullopt for an unknown number AND for a wrong code.
  std::optional<StoredRequest> find_public(const std::string& tracking_number, const std::string& query_code);
  // Office only: with the applicant, ID number opened.
  std::optional<StoredRequest> find_with_applicant(const std::string& tracking_number);

  // Applies one event (domain::apply_event) in one transaction. NotFound for an unknown
  // number. On Reply, an empty legal_basis gets domain::default_legal_basis(outcome) and
  // `letter` (if given) is rendered from the replied request and stored with it.
  domain::ApplyResult apply(const std::string& tracking_number, const domain::RequestEvent& event,
                            const domain::WorkingDayCalendar& calendar, const ReplyLetterMaker& letter = {});

  // The console's verbs, each one apply() with the event filled in.
  domain::ApplyResult request_correction(const std::string& tn, domain::Date on, domain::Date correct_by,
                                         const std::string& actor, const domain::WorkingDayCalendar& cal);
  domain::ApplyResult receive_correction(const std::string& tn, domain::Date on, const std::string& actor,
                                         const domain::WorkingDayCalendar& cal);
  domain::ApplyResult close_no_correction(const std::string& tn, domain::Date on, const std::string& actor,
                                          const domain::WorkingDayCalendar& cal);
  // Assigns to `department` by id (its current name is kept for display); a department
  // renamed later keeps its applications.
  domain::ApplyResult assign(const std::string& tn, domain::Date on, const domain::Department& department,
                             const std::string& actor, const domain::WorkingDayCalendar& cal);
  domain::ApplyResult start_consultation(const std::string& tn, domain::Date on, const std::string& third_party,
                                         const std::string& actor, const domain::WorkingDayCalendar& cal);
  domain::ApplyResult end_consultation(const std::string& tn, domain::Date on, const std::string& actor,
                                       const domain::WorkingDayCalendar& cal);
  domain::ApplyResult extend(const std::string& tn, domain::Date on, int working_days, const std::string& approver,
                             bool applicant_notified, const std::string& actor, const domain::WorkingDayCalendar& cal);
  domain::ApplyResult reply(const std::string& tn, domain::Date on, domain::ReplyOutcome outcome,
                            const std::string& legal_basis, const std::string& note, const std::string& actor,
                            const domain::WorkingDayCalendar& cal, const ReplyLetterMaker& letter = {});

  std::optional<ReplyLetter> reply_letter(const std::string& tracking_number);

  // Disclosed files: bytes in the blob store, reachable only through a random token.
  DisclosedFile add_disclosed_file(const std::string& tracking_number, const std::string& file_name,
                                   std::string_view data, const std::string& media_type);
  std::vector<DisclosedFile> disclosed_files(const std::string& tracking_number);
  std::optional<DisclosedFile> file_by_token(const std::string& token);

  // 行政复议 / 行政诉讼 records. ValidationError for an unknown request, a request not yet
  // answered, a decided outcome without a decision date or a date before filing.
  domain::RequestReview add_review(domain::RequestReview review);
  domain::RequestReview decide_review(std::int64_t review_id, domain::ReviewOutcome outcome,
                                      std::optional<domain::Date> decided_on);
  std::vector<domain::RequestReview> reviews(const std::string& tracking_number);

  // The console's list: one site's requests (public-safe, no applicant), newest received
  // first, optionally one state and one department; paged in SQL (per_page 1..200).
  RequestPage list(const RequestListQuery& query);
  // The first page of up to `limit` (1..200) of the above.
  std::vector<StoredRequest> list(std::int64_t site_id, std::optional<domain::RequestState> state, int limit = 200);

  // Open requests (site_id 0 = every site), classified on `today`, in due-date order.
  std::vector<OpenRequest> open_requests(std::int64_t site_id, const domain::WorkingDayCalendar& cal,
                                         domain::Date today);
  RequestDashboard dashboard(std::int64_t site_id, const domain::WorkingDayCalendar& cal, domain::Date today);

  // Annual report sections 三 and 四 (site_id 0 = every site).
  // `department_id`: only the applications assigned to that department (a department
  // editor's figures); nullopt = the whole site.
  domain::SectionThree section_three(std::int64_t site_id, int year,
                                     std::optional<std::int64_t> department_id = std::nullopt);
  domain::SectionFour section_four(std::int64_t site_id, int year,
                                   std::optional<std::int64_t> department_id = std::nullopt);

 private:
  Database& db_;
  const PersonalDataKey& key_;
};

}  // namespace zwgk::store
