#pragma once
// 在线访谈 / 新闻发布会 / 政策吹风会 over SQLite and PostgreSQL (migration 0015): the event,
// its guests and policies, the live transcript, the public's questions (name and phone
// sealed), photos and the video.
//
// Invariants:
//  - Rows only: which step the state allows, what an entry or a question needs and the 预告
//    rule are the domain's (modules/zxft/domain/event.hpp) and the service's.
//  - Every write announces tag_event(id) and tag_events(site) (event_cache_tags.hpp), so a
//    cached public page and its live JSON drop at once (on every node: Database's feed).
//  - The asker's name and phone live sealed in event_questions.sealed_contact; only
//    asker_contact() opens them (staff with zxft.view_asker). No list reads them.
//  - Times are Unix seconds here and UTC ISO text in the rows.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/zxft/domain/event.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::store {

struct EventPolicy {
  std::int64_t document_id = 0;
  std::optional<std::int64_t> interpretation_document_id;  // the 政策解读 made from the event
};

struct EventFile {
  std::string sha256;
  std::string file_name;
  std::string media_type;
};

struct StoredEvent {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  domain::EventDraft draft;  // kind, title, summary, place, department, times, guests, policy ids
  domain::EventState state = domain::EventState::Draft;
  std::int64_t announced_at = 0;  // 0: not yet
  std::int64_t opened_at = 0;
  std::int64_t closed_at = 0;
  std::string short_notice;  // why the 预告 came less than 3 days ahead
  bool questions_open = true;
  std::optional<EventFile> video;
  std::vector<EventPolicy> policies;  // as draft.policy_ids, with their 政策解读
  std::int64_t updated_at = 0;
};

struct EventEntry {
  std::int64_t id = 0;
  std::string speaker;
  std::string text;
  std::optional<std::int64_t> question_id;
  std::string question_text;      // the question it answers (public text), "" if none
  std::string question_nickname;  // its asker's public name
  std::optional<EventFile> image;
  std::int64_t created_at = 0;
};

struct EventQuestion {
  std::int64_t id = 0;
  std::int64_t event_id = 0;
  std::string nickname;
  std::string text;
  domain::QuestionState state = domain::QuestionState::Pending;
  std::string answer;
  std::string answered_by;
  std::int64_t created_at = 0;
};

struct EventPhoto {
  std::int64_t id = 0;
  EventFile file;
  std::string caption;
};

struct AskerContact {
  std::string name;
  std::string phone;
};

class EventRepository {
 public:
  EventRepository(Database& db, const PersonalDataKey& key) : db_(db), key_(key) {}

  std::int64_t create(std::int64_t site_id, const domain::EventDraft& d, std::int64_t now);
  // Replaces the fields, guests and policies (a policy keeps its 政策解读 link).
  void update(std::int64_t id, const domain::EventDraft& d, std::int64_t now);
  std::optional<StoredEvent> find(std::int64_t id);
  // The site's events, newest start first; public_only: announced, live, ended.
  std::vector<StoredEvent> list(std::int64_t site_id, bool public_only);
  // The state after a step, with the time of the step in its column (announced_at,
  // opened_at, closed_at) and, for a short 预告, the reason.
  void set_state(const StoredEvent& e, domain::EventState state, std::int64_t now, const std::string& short_notice = {});
  void set_questions_open(const StoredEvent& e, bool open, std::int64_t now);

  std::int64_t add_entry(const StoredEvent& e, const domain::EntryInput& in, const std::optional<EventFile>& image,
                         std::string_view image_bytes, const std::string& created_by, std::int64_t now);
  void delete_entry(const StoredEvent& e, std::int64_t entry_id);
  // In order; after_id > 0: only the entries added after it (the live JSON).
  std::vector<EventEntry> entries(std::int64_t event_id, std::int64_t after_id = 0);

  std::int64_t add_question(const StoredEvent& e, const domain::QuestionInput& q, std::int64_t now);
  int questions_by_phone(std::int64_t event_id, const std::string& phone);
  std::vector<EventQuestion> questions(std::int64_t event_id);
  std::optional<EventQuestion> question(std::int64_t question_id);
  void set_question(const StoredEvent& e, std::int64_t question_id, domain::QuestionState state,
                    const std::string& answer, const std::string& answered_by, std::int64_t now);
  std::optional<AskerContact> asker_contact(std::int64_t question_id);

  std::int64_t add_photo(const StoredEvent& e, std::string_view bytes, const std::string& file_name,
                         const std::string& media_type, const std::string& caption, std::int64_t now);
  std::vector<EventPhoto> photos(std::int64_t event_id);
  void set_video(const StoredEvent& e, std::string_view bytes, const std::string& file_name,
                 const std::string& media_type, std::int64_t now);

  void set_interpretation(const StoredEvent& e, std::int64_t policy_id, std::int64_t interpretation_id);
  // The events whose 政策解读 `document_id` is (the interpretation's page links back).
  std::optional<std::int64_t> event_of_interpretation(std::int64_t document_id);

  // Every ended event's principal guests on the site (for the 主要负责人解读 count).
  std::vector<domain::PrincipalAppearance> principal_appearances(std::int64_t site_id);

 private:
  void changed(const StoredEvent& e);
  Database& db_;
  const PersonalDataKey& key_;
};

}  // namespace zwgk::store
