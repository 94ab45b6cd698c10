#pragma once
// 意见征集 over SQLite and PostgreSQL (migration 0016): the consultation and its notice, its
// attachments, the public's opinions (name and phone sealed), the 调查问卷 with its
// responses, the 反馈, and each site's settings.
//
// Invariants:
//  - Rows only: the minimum period, the phase, the 反馈's numbers and what an opinion needs
//    are the domain's (modules/yjzj/domain/) and the service's.
//  - Every write announces tag_consultation(id) and tag_consultations(site)
//    (consultation_cache_tags.hpp), so a cached public page drops at once on every node.
//  - The writer's name and phone live sealed in consultation_opinions.sealed_contact; only
//    writer_contact() opens them. No list reads them. The per-phone limit compares a keyed
//    digest of the phone's digits (PersonalDataKey::digest), never the phone.
//  - Dates are China dates ("2026-12-01"); instants Unix seconds here, UTC text in the rows.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/yjzj/domain/consultation.hpp"
#include "modules/yjzj/domain/opinion.hpp"
#include "modules/yjzj/domain/questionnaire.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::store {

// What staff did; the phase adds the clock (StoredConsultation::phase).
enum class ConsultationRecord { Draft, Published, Closed, Feedback };

struct StoredConsultation {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  domain::ConsultationDraft draft;  // kind, title, department, notice, draft body, dates, reason
  std::string department;           // its name
  ConsultationRecord record = ConsultationRecord::Draft;
  std::int64_t published_at = 0;
  std::int64_t closed_at = 0;
  domain::ConsultationFeedback feedback;
  std::int64_t feedback_at = 0;
  std::int64_t updated_at = 0;
  // Opinions taken by the site's form: all, waiting for moderation, published.
  int opinions = 0;
  int pending_opinions = 0;
  int published_opinions = 0;

  domain::ConsultationPhase phase(domain::Date today) const;
};

struct ConsultationAttachment {
  std::int64_t id = 0;
  std::string sha256;
  std::string file_name;
  std::string media_type;
};

struct StoredOpinion {
  std::int64_t id = 0;
  std::int64_t consultation_id = 0;
  std::string anchor;        // "" or "art-5"
  std::string anchor_label;  // "" or "第五条"
  std::string text;
  domain::OpinionState state = domain::OpinionState::Pending;
  std::int64_t created_at = 0;
};

struct WriterContact {
  std::string name;
  std::string phone;
};

class ConsultationRepository {
 public:
  ConsultationRepository(Database& db, const PersonalDataKey& key) : db_(db), key_(key) {}

  std::int64_t create(std::int64_t site_id, const domain::ConsultationDraft& d, std::int64_t now);
  void update(const StoredConsultation& c, const domain::ConsultationDraft& d, std::int64_t now);
  std::optional<StoredConsultation> find(std::int64_t id);
  // The site's consultations, latest end first; public_only: not drafts.
  std::vector<StoredConsultation> list(std::int64_t site_id, bool public_only);
  void set_record(const StoredConsultation& c, ConsultationRecord to, std::int64_t now);
  // Published consultations of every site whose end is before `today` and not yet recorded
  // closed (the daily job's work).
  std::vector<StoredConsultation> ended_unclosed(domain::Date today);
  void set_feedback(const StoredConsultation& c, const domain::ConsultationFeedback& f, std::int64_t now);

  std::int64_t add_attachment(const StoredConsultation& c, std::string_view bytes, const std::string& file_name,
                              const std::string& media_type, std::int64_t now);
  void delete_attachment(const StoredConsultation& c, std::int64_t attachment_id);
  std::vector<ConsultationAttachment> attachments(std::int64_t consultation_id);

  std::int64_t add_opinion(const StoredConsultation& c, const domain::OpinionInput& o, const std::string& anchor_label,
                           std::int64_t now);
  int opinions_by_phone(std::int64_t consultation_id, const std::string& phone);
  std::vector<StoredOpinion> opinions(std::int64_t consultation_id);
  std::optional<StoredOpinion> opinion(std::int64_t opinion_id);
  void set_opinion_state(const StoredConsultation& c, std::int64_t opinion_id, domain::OpinionState to, std::int64_t now);
  std::optional<WriterContact> writer_contact(std::int64_t opinion_id);

  // Replaces the questionnaire (the service allows it only before the first response).
  void set_questions(const StoredConsultation& c, const std::vector<domain::SurveyQuestion>& questions);
  std::vector<domain::SurveyQuestion> questions(std::int64_t consultation_id);
  int response_count(std::int64_t consultation_id);
  std::int64_t add_response(const StoredConsultation& c, const std::vector<domain::SurveyAnswer>& answers, std::int64_t now);
  std::vector<std::vector<domain::SurveyAnswer>> responses(std::int64_t consultation_id);

  domain::ConsultationSettings settings(std::int64_t site_id);
  void save_settings(std::int64_t site_id, const domain::ConsultationSettings& s);

 private:
  void changed(const StoredConsultation& c);
  Database& db_;
  const PersonalDataKey& key_;
};

// The digits of a phone number, the form the per-phone digest is taken of.
std::string phone_digits(std::string_view phone);

}  // namespace zwgk::store
