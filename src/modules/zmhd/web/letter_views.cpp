// See letter_views.hpp.
#include "modules/zmhd/web/letter_views.hpp"

#include "domain/date.hpp"

namespace zwgk::web {

namespace {

View paragraphs(const std::string& text) {
  View out{View::type::list};
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) out.push_back(View(line));
    start = nl + 1;
  }
  return out;
}

}  // namespace

View letter_status_view(const store::StoredLetter& s, const store::StoredLetter* main,
                        const domain::WorkingDayCalendar& cal, const domain::LetterSettings& settings,
                        domain::Date today) {
  const auto& l = s.letter;
  View v{View::type::object};
  v.set("number", l.number);
  v.set("title", s.title);
  v.set("category", domain::to_label(l.category));
  v.set("channel", domain::to_label(l.channel));
  v.set("state", domain::to_label(l.state));
  v.set("state_code", domain::to_code(l.state));
  v.set("received_on", domain::chinese_date_with_weekday(l.received_on));
  v.set("accepted_on", l.accepted_on ? View(l.accepted_on->chinese()) : View(false));
  v.set("department", l.department.empty() ? View(false) : View(l.department));
  v.set("co_departments", s.co_departments.empty() ? View(false) : View(s.co_departments));
  const auto due = domain::letter_due_on(l, cal, settings.deadlines);
  const bool answered = l.state == domain::LetterState::Replied || l.state == domain::LetterState::Closed;
  v.set("due_on", due && !answered && !domain::is_terminal(l.state) ? View(domain::chinese_date_with_weekday(*due)) : View(false));
  v.set("second_round", l.round == 2);
  if (l.rejection && l.state == domain::LetterState::Rejected) {
    std::string notice = domain::rejection_notice(*l.rejection);
    if (*l.rejection == domain::RejectionReason::Petition && !settings.petition_channel.empty())
      notice += settings.petition_channel;
    View r{View::type::object};
    r.set("reason", domain::to_label(*l.rejection));
    r.set("notice", notice);
    v.set("rejection", r);
  } else {
    v.set("rejection", false);
  }
  v.set("merged_into", l.state == domain::LetterState::Merged ? View(l.merged_into) : View(false));
  const store::StoredLetter& answer_of = main ? *main : s;
  const auto& al = answer_of.letter;
  const bool has_reply = al.replied_on || (al.state == domain::LetterState::Closed && !al.reply.empty());
  if (has_reply && !al.reply.empty()) {
    View r{View::type::object};
    r.set("paragraphs", paragraphs(al.reply));
    r.set("department", al.department.empty() ? View(false) : View(al.department));
    r.set("replied_on", al.replied_on ? View(al.replied_on->chinese()) : View(false));
    v.set("reply", r);
  } else {
    v.set("reply", false);
  }
  // The rating: the form while the period runs; the writer's or 默认满意 after.
  const auto eff = domain::effective_rating(l, cal, settings.deadlines, today);
  const auto rating_due = domain::rating_due_on(l, cal, settings.deadlines);
  const bool can_rate = !main && l.state == domain::LetterState::Replied && rating_due && today <= *rating_due;
  v.set("can_rate", can_rate);
  v.set("rating_due_on", can_rate ? View(domain::chinese_date_with_weekday(*rating_due)) : View(false));
  v.set("first_round", l.round == 1);
  if (eff.rating)
    v.set("rating", eff.by_default ? std::string("默认满意") : domain::to_label(*eff.rating));
  else if (l.rating)
    v.set("rating", domain::to_label(*l.rating));
  else
    v.set("rating", false);
  View steps{View::type::list};
  for (const auto& e : l.history) {
    if (e.kind == domain::LetterEventKind::DraftReply || e.kind == domain::LetterEventKind::ReturnReply ||
        e.kind == domain::LetterEventKind::Supervise)
      continue;  // internal: the writer sees the outcome, not the drafts
    View sv{View::type::object};
    sv.set("on", e.on.chinese());
    sv.set("label", domain::to_label(e.kind));
    steps.push_back(sv);
  }
  v.set("steps", steps);
  return v;
}

View publication_view(const store::LetterPublication& p, const std::string& base) {
  View v{View::type::object};
  v.set("number", p.number);
  v.set("title", p.title);
  v.set("category", domain::to_label(p.category));
  v.set("question", paragraphs(p.question));
  v.set("answer", paragraphs(p.answer));
  v.set("department", p.department);
  v.set("accepted_on", p.accepted_on.iso());
  v.set("replied_on", p.replied_on.iso());
  v.set("url", base + "letters/" + p.number + "/");
  return v;
}

}  // namespace zwgk::web
