#pragma once
// The lines the national inspection draws (国办秘函〔2019〕19号, ../shared/domain/README.md §5)
// and the warning lines below them that the better monitoring products use (§13). Data, not
// code: a site may change them (InspectionSettings); these are the defaults.
#include <string>
#include <vector>

namespace zwgk::domain {

struct InspectionThresholds {
  // 首页不更新: veto after 2 weeks without anything new on the homepage; warn at 10 days.
  int homepage_warn_days = 10;
  int homepage_veto_days = 14;
  // 栏目不更新: veto at 5 stale 动态要闻 (2 weeks) / 通知公告、政策文件 (6 months) columns, or at
  // 10 stale columns that should be updated at all; warn at 3 and 6.
  int stale_core_warn = 3;
  int stale_core_veto = 5;
  int stale_any_warn = 6;
  int stale_any_veto = 10;
  // 空白栏目: veto at 5; warn above 2.
  int blank_warn_above = 2;
  int blank_veto = 5;
  // 互动回应差: a valid letter unanswered for more than 3 months within the past year is a veto;
  // warn after 2. Counted in days (a month as 30), as monitors do.
  int letter_warn_days = 60;
  int letter_veto_days = 90;
  // 留言办理 (扣分): the published replies (信件选登) not updated for 2 months.
  int reply_publication_days = 60;
  // 站点无法访问: over a week of probes, veto at 5% failed, warn at 3%; at least 20 probes a day.
  double unreachable_warn_ratio = 0.03;
  double unreachable_veto_ratio = 0.05;
  int probes_per_day = 20;
  int probe_timeout_seconds = 15;
  // 链接可用性 (2015 普查: 不可用链接): warn at this many broken links; 0 = never a veto.
  int broken_links_warn = 1;
  int broken_links_veto = 0;
  // 发布解读: policy documents first published within this many days are checked.
  int interpretation_window_days = 365;
};

// "name=value" lines (the keys are the field names above); unknown keys or bad numbers are
// listed in `problems` (Chinese) and leave the default.
InspectionThresholds parse_thresholds(const std::string& text, std::vector<std::string>& problems);
std::string format_thresholds(const InspectionThresholds& t);

}  // namespace zwgk::domain
