// See registration.hpp.
#include "modules/ysqgk/domain/registration.hpp"

#include "domain/errors.hpp"
#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

std::size_t characters(std::string_view s) { return domain::count_characters(s); }

}  // namespace

std::vector<FieldProblem> registration_field_problems(const Registration& r, Date today) {
  std::vector<FieldProblem> p;
  if (!r.channel) {
    p.push_back({"channel", "请选择申请方式（信函、当面、传真或网上）"});
  } else {
    try {
      if (received_on(*r.channel, r.receipt) > today) p.push_back({"signed_for", "收到申请的日期不能晚于今天"});
    } catch (const ValidationError& e) {  // Art. 31: the channel's receipt day is missing
      for (const auto& m : e.problems()) p.push_back({"", m});
    }
  }
  for (auto& m : applicant_problems(r.applicant, today)) p.push_back(std::move(m));
  if (r.description.find_first_not_of(" \t\r\n") == std::string::npos)
    p.push_back({"description", "请填写所需政府信息的名称或内容描述"});
  else if (characters(r.description) > kDescriptionMaxChars)
    p.push_back({"description",
                 "所需政府信息的描述过长，请控制在" + std::to_string(kDescriptionMaxChars) + "字以内"});
  if (!r.medium) p.push_back({"medium", "请选择获取信息的载体形式（纸质或电子）"});
  if (!r.delivery) p.push_back({"delivery", "请选择获取信息的方式"});
  return p;
}

std::vector<std::string> registration_problems(const Registration& r, Date today) {
  return messages_of(registration_field_problems(r, today));
}

Registration online_registration(Registration r, Date today) {
  r.channel = RequestChannel::Online;
  r.receipt = {};
  r.receipt.both_sides_confirmed = today;
  return r;
}

DisclosureRequest registered_request(const Registration& r) {
  auto out = new_disclosure_request(r.channel.value_or(RequestChannel::Online), r.receipt, r.applicant, r.description);
  out.doc_number = r.doc_number;
  out.medium = r.medium.value_or(MediumWanted::Electronic);
  out.delivery = r.delivery.value_or(DeliveryMethod::Online);
  return out;
}

}  // namespace zwgk::domain
