#pragma once
// Whether a 标准目录 item is published within its 公开时限 (国办发〔2019〕54号: "按照标准目录
// 公开"; the time limit as disclosure_time_limit.hpp reads it), from what is filed in the
// 公开目录 column (and the 清单) the item is mapped to. A record is a document of the column
// (drafts included: a 成文日期 starts the clock before anything is published) or a published
// list version.
//   WithinDays      the latest published record, and every unpublished one: an unpublished
//                   record past its due date is 逾期未公开, one before it 待公开; a published
//                   one after its due date 逾期公开, else 按时公开. The worst of these counts.
//   ByDateEachYear  published in (last year's date, this year's date] → 按时公开; nothing
//                   yet and the date is ahead → 待公开; the date passed with nothing → 逾期未公开;
//                   published only after the date → 逾期公开.
//   Periodic        published in the current period (月, 季度, 半年, 年) → 按时公开; in the
//                   previous one → 待公开 (due at the end of this one); else 逾期未公开.
//   Promptly, Unparsed  no countable deadline: 已公开 or 尚无信息.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/working_day_calendar.hpp"
#include "modules/bzml/domain/disclosure_time_limit.hpp"

namespace zwgk::domain {

enum class CatalogueItemState { Unmapped, NoRecords, OnTime, Late, Pending, Overdue, Untimed };
std::string to_code(CatalogueItemState);   // unmapped no_records on_time late pending overdue untimed
std::string to_label(CatalogueItemState);  // 未关联栏目 尚无信息 按时公开 逾期公开 待公开 逾期未公开 已公开

struct PublicationRecord {
  std::optional<Date> event;         // 信息形成或者变更: the 成文日期 (or the list version's 施行日期)
  std::optional<Date> published_on;  // nullopt: not published yet
};

struct CatalogueItemStatus {
  CatalogueItemState state = CatalogueItemState::Unmapped;
  std::optional<Date> due;           // the deadline the state is about, where there is one
  std::optional<Date> last_published;
  bool missing() const { return state == CatalogueItemState::Overdue; }
  // "逾期未公开（应于2026-11-30前公开）", "待公开（2026-12-20前）", "按时公开（2026-11-02）" ...
  std::string text() const;
};

CatalogueItemStatus catalogue_item_status(const DisclosureTimeLimit& limit, bool mapped,
                                          const std::vector<PublicationRecord>& records, Date today,
                                          const WorkingDayCalendar& calendar);

}  // namespace zwgk::domain
