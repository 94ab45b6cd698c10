#pragma once
// 依申请公开: applications, their events, reply letters, disclosed files and
// reconsideration / litigation records, over SQLite and PostgreSQL (migration 0006).
//
// Invariants:
//  - Rows only: the rules (what a registration needs, which event the state allows, the
//    default legal basis, what a review record needs) are the service's and the domain's
//    (modules/ysqgk/service/disclosure_request_service.hpp). An event is read under lock()
//    and written with append_event() in the service's one transaction.
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

  // Stores a new request (already validated by the service: registration.hpp) in state 已收到
  // with the next tracking number of its receipt year and a fresh query code.
  RegisteredRequest insert(std::int64_t site_id, const domain::DisclosureRequest& request);

  // Public-safe: no personal data.
  std::optional<StoredRequest> find(const std::string& tracking_number);
  // The applicant's status page: nullopt for an unknown number AND for a wrong code.
  std::optional<StoredRequest> find_public(const std::string& tracking_number, const std::string& query_code);
  // Office only: with the applicant, ID number opened.
  std::optional<StoredRequest> find_with_applicant(const std::string& tracking_number);

  // Inside a store::UnitOfWork: the request, locked until the unit ends (PostgreSQL: FOR
  // UPDATE; SQLite: the unit's BEGIN IMMEDIATE already serialises writers). Public-safe.
  std::optional<StoredRequest> lock(const std::string& tracking_number);
  // Writes one applied event: its row (number `seq`, i.e. the history's length before it),
  // the request's new state from `after`, and the reply letter when given.
  void append_event(std::int64_t request_id, int seq, const domain::RequestEvent& event,
                    const domain::DisclosureRequest& after, const std::optional<ReplyLetter>& letter = std::nullopt);

  // A fresh 查询码 for the request (the old one stops working); returns the new code, the
  // only time it exists outside its hash (找回查询码: the service proves the applicant first).
  std::string replace_query_code(std::int64_t request_id);

  std::optional<ReplyLetter> reply_letter(const std::string& tracking_number);

  // Disclosed files: bytes in the blob store, reachable only through a random token.
  DisclosedFile insert_disclosed_file(std::int64_t request_id, const std::string& file_name, std::string_view data,
                                      const std::string& media_type);
  std::vector<DisclosedFile> disclosed_files(const std::string& tracking_number);
  std::optional<DisclosedFile> file_by_token(const std::string& token);

  // 行政复议 / 行政诉讼 records (checked by the service: request_review.hpp).
  domain::RequestReview insert_review(std::int64_t request_id, domain::RequestReview review);
  void update_review(std::int64_t review_id, domain::ReviewOutcome outcome, std::optional<domain::Date> decided_on);
  std::vector<domain::RequestReview> reviews(const std::string& tracking_number);

  // The console's list: one site's requests (public-safe, no applicant), newest received
  // first, optionally one state and one department; paged in SQL (per_page 1..200).
  RequestPage list(const RequestListQuery& query);
  // The first page of up to `limit` (1..200) of the above.
  std::vector<StoredRequest> list(std::int64_t site_id, std::optional<domain::RequestState> state, int limit = 200);

  // The open applications of one site (public-safe, no applicant), with their history, in
  // the order received (我的工作 classifies them: modules/ysqgk/domain/request_work.hpp).
  std::vector<StoredRequest> open_of_site(std::int64_t site_id);
  // Office only (the console's lists): the applicant's name (a person's or an
  // organisation's; nothing else of request_applicants) by StoredRequest::id.
  std::map<std::int64_t, std::string> applicant_names(const std::vector<std::int64_t>& request_ids);

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
