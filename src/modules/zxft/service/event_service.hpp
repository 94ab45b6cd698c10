#pragma once
// 在线访谈 / 新闻发布会 / 政策吹风会, the use cases. Each public function is one: it takes the
// caller, its input and the clock the service was made with; in one transaction
// (store::UnitOfWork) it asks the permission registry (zxft.* actions, zxft_permissions.cpp),
// applies the domain rule (modules/zxft/domain/event.hpp), writes the rows and its audit
// entry (zxft.<verb>, the event id, never personal data). Another site's event is absent
// (NotFound). Refusals are the error family (domain/errors.hpp): Invalid lists every problem,
// Forbidden, NotFound, Conflict (the state does not allow it); then nothing is written.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/caller.hpp"
#include "domain/clock.hpp"
#include "modules/zxft/domain/event.hpp"
#include "modules/zxft/store/event_repository.hpp"
#include "store/actor.hpp"
#include "store/database.hpp"
#include "store/personal_data_key.hpp"

namespace zwgk::modules::zxft {

struct FileInput {
  std::string file_name;
  std::string data;
  std::string media_type;  // what the caller's sniffing found
};

// 主要负责人解读 in a year (seed 六(三): each department's principal at least once a year).
struct PrincipalCount {
  std::int64_t department_id = 0;
  std::string department;
  int count = 0;
};

// What the public sees of one event (the public page and the API read it through
// EventService::public_event): the event, its organiser's name, the policies it interprets
// that are published (with their 政策解读 when that is published too), the transcript, the
// questions staff published or answered (never a pending or rejected one), the photos. No
// asker's name or phone: the store reads them only in asker_contact().
struct PublicPolicy {
  std::int64_t id = 0;
  std::string title;
  std::string doc_number;
  std::optional<std::int64_t> interpretation_id;  // published 政策解读 made from the event
  std::string interpretation_title;
};
struct PublicEvent {
  store::StoredEvent event;
  std::string department;  // 主办单位's name, "" if none
  std::vector<PublicPolicy> policies;
  std::vector<store::EventEntry> entries;
  std::vector<store::EventQuestion> questions;
  std::vector<store::EventPhoto> photos;
  // The cache tags of what it shows besides the event (the policies, their 政策解读).
  std::vector<std::int64_t> document_ids;
};

class EventService {
 public:
  EventService(store::Database& db, const store::PersonalDataKey& key, domain::UnixClock clock = domain::system_unix_seconds)
      : db_(db), key_(key), clock_(std::move(clock)) {}

  // zxft.manage. The department, the guests' departments and the policies must be the
  // caller's site's (a policy: a published document). Returns the id.
  std::int64_t create(const domain::Caller& caller, domain::EventDraft draft);
  void update(const domain::Caller& caller, std::int64_t id, domain::EventDraft draft);
  // 发布预告 / 开始直播 / 结束直播 / 取消活动 (zxft.manage; open and close also zxft.live).
  // A 预告 less than 3 days ahead needs `short_notice_reason` (Invalid names the lead time).
  store::StoredEvent step(const domain::Caller& caller, std::int64_t id, domain::EventStep step,
                          const std::string& short_notice_reason = {});
  void set_questions_open(const domain::Caller& caller, std::int64_t id, bool open);

  // 图文直播 (zxft.live): one entry, shown on the public page at once. An entry answering a
  // question marks it 已答复 (its text is the answer, the speaker who answered).
  std::int64_t add_entry(const domain::Caller& caller, std::int64_t id, domain::EntryInput entry,
                         const std::optional<FileInput>& image = std::nullopt);
  void delete_entry(const domain::Caller& caller, std::int64_t id, std::int64_t entry_id);

  // 网民提问 on the public page of an announced or live event of `site_id`; pending until
  // staff publish it. At most kQuestionsPerPhone per phone and event. Audited as "public".
  std::int64_t submit_question(std::int64_t site_id, std::int64_t id, const domain::QuestionInput& q);
  // zxft.live: publish (公开), reject (不予公开) or answer in writing (书面答复, `answer`).
  void moderate_question(const domain::Caller& caller, std::int64_t id, std::int64_t question_id,
                         domain::QuestionState to, const std::string& answer = {});
  // zxft.view_asker: the asker's name and phone (audited: zxft.view_asker).
  store::AskerContact asker_contact(const domain::Caller& caller, std::int64_t id, std::int64_t question_id);

  // 图片 and 视频 (zxft.manage): images (PNG, JPEG, GIF); the video MP4 or WebM.
  std::int64_t add_photo(const domain::Caller& caller, std::int64_t id, const FileInput& file, const std::string& caption);
  void set_video(const domain::Caller& caller, std::int64_t id, const FileInput& file);

  // After the event (ended): for each policy it interprets that has none yet, a 政策解读
  // draft (documents.kind interpretation, interprets_id the policy, form 在线访谈 / 新闻发布会,
  // in the site's 政策解读 column, the transcript as its body, linking to the event page
  // `event_url`), which then goes through 保密审查 and publication like any document. The
  // caller needs publishing.create_draft as well. Returns the new documents' ids.
  std::vector<std::int64_t> draft_interpretations(const domain::Caller& caller, const store::Actor& actor,
                                                  std::int64_t id, const std::string& event_url);

  // The public reads (no caller; the public pages and the API): the site's announced, live
  // and ended events, newest start first; one of them with what the public page shows
  // (nullopt: no such event on this site, or a draft or cancelled one).
  std::vector<store::StoredEvent> public_events(std::int64_t site_id);
  std::optional<PublicEvent> public_event(std::int64_t site_id, std::int64_t id);

  // Every department of the site with how many ended events of `year` had its 主要负责人
  // as a guest; those with none first.
  std::vector<PrincipalCount> principal_counts(std::int64_t site_id, int year);

 private:
  store::StoredEvent permitted(const domain::Caller& caller, std::int64_t id, const char* action);
  void check_references(std::int64_t site_id, domain::EventDraft& draft);

  store::Database& db_;
  const store::PersonalDataKey& key_;
  domain::UnixClock clock_;
};

}  // namespace zwgk::modules::zxft
