// What an application needs before it is registered (Art. 29, 31): one list of problems for
// the online form and the office's registration alike.
#include "modules/ysqgk/domain/registration.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace zwgk::domain;

Date d(const char* iso) { return *Date::parse(iso); }

Registration valid() {
  Registration r;
  r.channel = RequestChannel::Letter;
  r.receipt.signed_for = d("2024-09-27");
  r.applicant.kind = ApplicantKind::NaturalPerson;
  r.applicant.person.name = "张三";
  r.applicant.person.id_number = "11010519491231002X";
  r.applicant.person.address = "湖南省邵阳市大祥区宝庆路1号";
  r.applicant.person.phone = "13800138000";
  r.description = "2024年城区道路改造项目的批复文件";
  r.medium = MediumWanted::Paper;
  r.delivery = DeliveryMethod::Post;
  return r;
}

bool has(const std::vector<std::string>& list, const std::string& part) {
  return std::any_of(list.begin(), list.end(), [&](const auto& p) { return p.find(part) != std::string::npos; });
}

TEST(Registration, AValidOneHasNoProblemAndBecomesARequest) {
  const auto r = valid();
  EXPECT_TRUE(registration_problems(r, d("2024-09-30")).empty());
  const auto request = registered_request(r);
  EXPECT_EQ(request.received_on, d("2024-09-27")) << "Art. 31: a letter counts from the day it is signed for";
  EXPECT_EQ(request.medium, MediumWanted::Paper);
  EXPECT_EQ(request.state, RequestState::Received);
}

// The form says 2000 字; a Chinese character is three bytes in UTF-8, so counting bytes
// refused a 2000-character description (and accepted 6000 ASCII letters).
TEST(Registration, DescriptionLimitCountsCharactersNotBytes) {
  auto r = valid();
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "政";
  r.description = text;
  EXPECT_TRUE(registration_problems(r, d("2024-09-30")).empty()) << "2000 字 (6000 bytes) is within the limit";
  r.description = text + "务";
  const auto p = registration_problems(r, d("2024-09-30"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "所需政府信息的描述过长，请控制在2000字以内");
  r.description = std::string(2001, 'a');
  EXPECT_EQ(registration_problems(r, d("2024-09-30")).size(), 1u);
  // Characters outside the BMP (𠮷, common in names and places) are 4 bytes: 2000 of them are
  // 8000 bytes and still 2000 字.
  std::string rare;
  for (int i = 0; i < 2000; ++i) rare += "𠮷";
  r.description = rare;
  EXPECT_TRUE(registration_problems(r, d("2024-09-30")).empty());
}

TEST(Registration, EveryProblemInFormOrder) {
  Registration r;  // nothing chosen, nothing typed
  r.applicant.kind = ApplicantKind::NaturalPerson;
  const auto p = registration_problems(r, d("2024-09-30"));
  ASSERT_GE(p.size(), 4u);
  EXPECT_EQ(p.front(), "请选择申请方式（信函、当面、传真或网上）");
  EXPECT_TRUE(has(p, "请填写所需政府信息的名称或内容描述"));
  EXPECT_TRUE(has(p, "载体形式"));
  EXPECT_EQ(p.back(), "请选择获取信息的方式");
}

TEST(Registration, ReceiptDayOfTheChannelAndNotInTheFuture) {
  auto r = valid();
  r.receipt.signed_for.reset();
  EXPECT_TRUE(has(registration_problems(r, d("2024-09-30")), "签收之日"));
  r = valid();
  EXPECT_EQ(registration_problems(r, d("2024-09-26")), std::vector<std::string>{"收到申请的日期不能晚于今天"});
  r.description = " \n";
  EXPECT_EQ(registration_problems(r, d("2024-09-30")), std::vector<std::string>{"请填写所需政府信息的名称或内容描述"});
}

}  // namespace
