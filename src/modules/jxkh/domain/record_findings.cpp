// Findings from the records: see record_findings.hpp.
#include "modules/jxkh/domain/record_findings.hpp"

#include <chrono>

#include "domain/china_time.hpp"
#include "domain/statutory_deadlines.hpp"

namespace zwgk::domain {

namespace {

long long days_between(Date a, Date b) { return (b.days() - a.days()).count(); }

std::string quoted(const std::string& title) { return "《" + title + "》"; }

}  // namespace

std::optional<Date> publication_day(std::optional<Date> published_on, const std::string& first_published_at,
                                    bool through_workflow) {
  if (through_workflow && !first_published_at.empty()) {
    if (const auto t = unix_of_utc_iso(first_published_at); t != 0) return china_date_of_unix(t);
  }
  return published_on;
}

std::optional<Date> formed_day(std::optional<Date> written_on, std::optional<Date> workflow_created_on) {
  return written_on ? written_on : workflow_created_on;
}

SourceFacts publication_timeliness(const std::vector<PublishedRecord>& docs, const WorkingDayCalendar& calendar) {
  SourceFacts out;
  for (const auto& d : docs) {
    if (!d.formed_on) continue;
    ++out.checked;
    // Art. 26: day zero is the day it was formed; the 20th working day after it is the last.
    const auto due = calendar.add_working_days(*d.formed_on, kPublicationWorkingDays).date;
    if (d.published_on <= due) continue;
    const int late = calendar.working_days_between(due, d.published_on).days;
    out.findings.push_back({quoted(d.title),
                            "成文日期" + d.formed_on->iso() + "，发布日期" + d.published_on.iso() + "，应于" + due.iso() +
                                "前发布，超期" + std::to_string(late) + "个工作日（《条例》第二十六条）",
                            d.url});
  }
  if (out.checked == 0) out.note = "本年度没有本单位发布的主动公开文件";
  return out;
}

SourceFacts policy_interpretation(const std::vector<PolicyRecord>& policies) {
  SourceFacts out;
  for (const auto& p : policies) {
    if (p.exempted) continue;
    ++out.checked;
    if (!p.interpreted_on) {
      out.findings.push_back({quoted(p.title), p.published_on.iso() + "发布，没有政策解读", p.url});
    } else if (*p.interpreted_on > p.published_on) {
      out.findings.push_back({quoted(p.title),
                              p.published_on.iso() + "发布，解读晚" + std::to_string(days_between(p.published_on, *p.interpreted_on)) +
                                  "天（" + p.interpreted_on->iso() + "）发布，未同步",
                              p.url});
    }
  }
  if (out.checked == 0) out.note = "本年度没有本单位发布的需要解读的政策文件";
  return out;
}

SourceFacts principal_interpretation(const std::vector<InterpretationEvent>& events, int year,
                                     const std::string& events_url) {
  SourceFacts out;
  for (const auto& e : events)
    if (e.on.year() == year && e.principal) ++out.checked;
  if (out.checked > 0) return out;
  out.checked = 1;  // the year itself is what is checked
  std::string detail = std::to_string(year) + "年没有本单位主要负责人出席的在线访谈、新闻发布会或政策吹风会";
  int others = 0;
  for (const auto& e : events) others += e.on.year() == year ? 1 : 0;
  if (others > 0) detail += "（本单位举办" + std::to_string(others) + "场，嘉宾均非主要负责人）";
  out.findings.push_back({"主要负责人解读政策", detail, events_url});
  return out;
}

SourceFacts lists_current(const std::vector<ListRecord>& lists, Date on) {
  SourceFacts out;
  for (const auto& l : lists) {
    if (!l.in_force_since) continue;
    ++out.checked;
    const auto age = days_between(*l.in_force_since, on);
    if (age > kListReviewDays)
      out.findings.push_back({quoted(l.title),
                              "施行中的版本自" + l.in_force_since->iso() + "起施行，至" + on.iso() + "已" + std::to_string(age) +
                                  "天未更新",
                              l.url});
  }
  if (out.checked == 0) out.note = "本单位没有施行中的清单";
  return out;
}

SourceFacts annual_report_on_time(const ReportRecord& r, Date today) {
  SourceFacts out;
  if (!r.published_on && today <= r.due_on) {
    out.note = std::to_string(r.report_year) + "年度报告应于" + r.due_on.iso() + "前公布，尚未到期";
    return out;
  }
  out.checked = 1;
  if (!r.published_on)
    out.findings.push_back({r.title, "应于" + r.due_on.iso() + "前公布，至" + today.iso() + "尚未公布（《条例》第四十九条）", r.url});
  else if (*r.published_on > r.due_on)
    out.findings.push_back({r.title,
                            "应于" + r.due_on.iso() + "前公布，" + r.published_on->iso() + "公布，逾期" +
                                std::to_string(days_between(r.due_on, *r.published_on)) + "天（《条例》第四十九条）",
                            r.url});
  return out;
}

RequestRecord request_record(const DisclosureRequest& request, const WorkingDayCalendar& calendar, Date today,
                             std::string url) {
  RequestRecord r;
  r.tracking_number = request.tracking_number;
  r.received_on = request.received_on;
  r.url = std::move(url);
  if (request.state == RequestState::Replied) r.answered_on = request.closed_on;
  r.withdrawn = request.state == RequestState::Withdrawn || request.state == RequestState::ClosedNoCorrection;
  // Paused spans still open run until the day judged (reply_period).
  r.due_on = due_date(request, calendar, r.answered_on.value_or(today)).due_on;
  return r;
}

SourceFacts request_timeliness(const std::vector<RequestRecord>& requests, Date today) {
  SourceFacts out;
  for (const auto& r : requests) {
    if (r.withdrawn) continue;
    ++out.checked;
    const std::string subject = "申请 " + r.tracking_number;
    if (r.answered_on && *r.answered_on > r.due_on)
      out.findings.push_back({subject,
                              r.received_on.iso() + "收到，答复期限" + r.due_on.iso() + "，" + r.answered_on->iso() +
                                  "答复，逾期（《条例》第三十三条）",
                              r.url});
    else if (!r.answered_on && today > r.due_on)
      out.findings.push_back({subject,
                              r.received_on.iso() + "收到，答复期限" + r.due_on.iso() + "，至" + today.iso() +
                                  "尚未答复（《条例》第三十三条）",
                              r.url});
  }
  if (out.checked == 0) out.note = "本年度没有分办给本单位的政府信息公开申请";
  return out;
}

SourceFacts review_corrections(const std::vector<DecidedReview>& reviews) {
  SourceFacts out;
  for (const auto& r : reviews) {
    if (r.outcome == ReviewOutcome::Pending) continue;
    ++out.checked;
    if (r.outcome == ReviewOutcome::Corrected)
      out.findings.push_back({"申请 " + r.tracking_number, to_label(r.kind) + "于" + r.decided_on.iso() + "审结，结果纠正", r.url});
  }
  if (out.checked == 0) out.note = "本年度没有审结的行政复议、行政诉讼";
  return out;
}

LetterRecord letter_record(const Letter& letter, std::string title, const WorkingDayCalendar& calendar,
                           const LetterDeadlines& deadlines, Date today, std::string url) {
  LetterRecord r;
  r.number = letter.number;
  r.title = std::move(title);
  r.received_on = letter.received_on;
  r.due_on = letter_due_on(letter, calendar, deadlines);
  r.replied_on = letter.replied_on;
  r.open = letter.accepted_on && !is_terminal(letter.state) && !letter.replied_on;
  r.rating = effective_rating(letter, calendar, deadlines, today).rating;
  r.url = std::move(url);
  return r;
}

SourceFacts letter_timeliness(const std::vector<LetterRecord>& letters, Date today) {
  SourceFacts out;
  for (const auto& l : letters) {
    if (!l.due_on) continue;
    ++out.checked;
    const std::string subject = "信件 " + l.number + quoted(l.title);
    if (l.replied_on && *l.replied_on > *l.due_on)
      out.findings.push_back({subject,
                              l.received_on.iso() + "收到，办理时限" + l.due_on->iso() + "，" + l.replied_on->iso() + "答复，逾期",
                              l.url});
    else if (l.open && today > *l.due_on)
      out.findings.push_back({subject,
                              l.received_on.iso() + "收到，办理时限" + l.due_on->iso() + "，至" + today.iso() + "尚未答复",
                              l.url});
  }
  if (out.checked == 0) out.note = "本年度没有转办给本单位的来信";
  return out;
}

SourceFacts letter_satisfaction(const std::vector<LetterRecord>& letters) {
  SourceFacts out;
  for (const auto& l : letters) {
    if (!l.rating) continue;
    ++out.checked;
    if (*l.rating == Satisfaction::Dissatisfied)
      out.findings.push_back({"信件 " + l.number + quoted(l.title), "来信人评价为“不满意”", l.url});
  }
  if (out.checked == 0) out.note = "本年度没有已评价的来信";
  return out;
}

SourceFacts consultation_feedback(const std::vector<FeedbackRecord>& consultations, Date today) {
  SourceFacts out;
  for (const auto& c : consultations) {
    if (today <= c.feedback_due_on && !c.feedback_on) continue;  // not yet due
    ++out.checked;
    if (!c.feedback_on)
      out.findings.push_back({quoted(c.title),
                              c.ends_on.iso() + "结束，反馈应于" + c.feedback_due_on.iso() + "前公布，至" + today.iso() + "尚未公布",
                              c.url});
    else if (*c.feedback_on > c.feedback_due_on)
      out.findings.push_back({quoted(c.title),
                              c.ends_on.iso() + "结束，反馈应于" + c.feedback_due_on.iso() + "前公布，" + c.feedback_on->iso() +
                                  "公布，逾期",
                              c.url});
  }
  if (out.checked == 0) out.note = "本年度没有本单位结束的意见征集";
  return out;
}

SourceFacts work_plan_reports(const std::vector<TaskReportRecord>& tasks, Date today) {
  SourceFacts out;
  for (const auto& t : tasks) {
    const bool waiting = !t.reported_on || t.returned;  // nothing (or nothing accepted) reported
    if (today <= t.due_on && waiting) continue;         // not yet due
    ++out.checked;
    if (waiting)
      out.findings.push_back({t.task, "应于" + t.due_on.iso() + "前报送落实情况，至" + today.iso() +
                                          (t.returned ? "退回后未重新报送" : "未报送"),
                              t.url});
    else if (*t.reported_on > t.due_on)
      out.findings.push_back({t.task, "应于" + t.due_on.iso() + "前报送，" + t.reported_on->iso() + "报送，逾期", t.url});
  }
  if (out.checked == 0) out.note = "本年度工作要点没有到期的本单位任务";
  return out;
}

bool monitoring_counts(std::string_view check_code) { return check_code != "interpretation" && check_code != "interaction"; }

SourceFacts monitoring_findings(const std::vector<MonitoringFinding>& findings, int checks, Date run_on) {
  SourceFacts out;
  out.checked = checks;
  for (const auto& f : findings) {
    Evidence e = f.evidence;
    e.subject = f.check + "：" + e.subject;
    e.detail = (e.detail.empty() ? std::string() : e.detail + "（") + run_on.iso() + "自查" + (e.detail.empty() ? "" : "）");
    out.findings.push_back(std::move(e));
  }
  if (out.checked == 0) out.note = run_on.iso() + "自查没有可计入的检查项";
  return out;
}

}  // namespace zwgk::domain
