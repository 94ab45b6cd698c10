#include "http/form.hpp"

#include <gtest/gtest.h>

namespace zwgk::http {
namespace {

Request with_body(std::string type, std::string body) {
  Request r;
  r.method = Method::Post;
  if (!type.empty()) r.headers.emplace_back("content-type", std::move(type));
  r.body = std::move(body);
  return r;
}

TEST(Form, UrlencodedDecodesPlusPercentAndChinese) {
  auto f = parse_urlencoded("name=%E5%BC%A0+%E4%B8%89&a=1&a=2&empty=&flag");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->value("name"), "张 三");
  EXPECT_EQ(f->all("a"), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(f->count("a"), 2u);
  EXPECT_EQ(f->get("empty"), std::string());
  EXPECT_EQ(f->get("flag"), std::string());
  EXPECT_FALSE(f->get("missing"));
}

TEST(Form, UrlencodedRejectsBadEscapesAndNul) {
  EXPECT_FALSE(parse_urlencoded("a=%zz"));
  EXPECT_FALSE(parse_urlencoded("a=%00"));
}

TEST(Form, MultipartFieldsAndFiles) {
  using namespace std::string_literals;
  std::string body =
      "--XyZ\r\n"s +
      "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
      "关于印发\r\n规划的通知\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\fakepath\\\\附件1.pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\n"
      "%PDF-1.4\r\n\0\x01" "binary"s +
      "\r\n--XyZ\r\n"
      "Content-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n"
      "\r\n--XyZ--\r\n";
  auto f = parse_form(with_body("multipart/form-data; boundary=XyZ", body));
  ASSERT_TRUE(f);
  EXPECT_EQ(f->value("title"), "关于印发\r\n规划的通知");
  ASSERT_EQ(f->files.size(), 1u);  // the empty file input is skipped
  EXPECT_EQ(f->files[0].field, "file");
  EXPECT_EQ(f->files[0].file_name, "附件1.pdf");
  EXPECT_EQ(f->files[0].content_type, "application/pdf");
  EXPECT_EQ(f->files[0].data, std::string("%PDF-1.4\r\n\0\x01" "binary", 18));
  EXPECT_NE(f->file("file"), nullptr);
}

TEST(Form, MalformedMultipartIsRejectedNotCrashed) {
  const std::string type = "multipart/form-data; boundary=b";
  EXPECT_FALSE(parse_form(with_body(type, "garbage")));
  EXPECT_FALSE(parse_form(with_body(type, "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end")));
  EXPECT_FALSE(parse_form(with_body(type, "--b\r\nX: y\r\n\r\nv\r\n--b--")));  // no disposition
  EXPECT_FALSE(parse_form(with_body(type, "--b\r\nContent-Disposition: form-data; name=\"a\r\n\r\nv\r\n--b--")));
  EXPECT_FALSE(parse_form(with_body("multipart/form-data", "--b--")));  // no boundary
  EXPECT_FALSE(parse_form(with_body("application/json", "{}")));
  EXPECT_FALSE(parse_form(with_body("", "a=1")));  // body without a type
  auto empty = parse_form(with_body("", ""));
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->fields.empty());
}

TEST(Form, CookiesAreFoundAcrossHeaders) {
  Request r;
  r.headers.emplace_back("cookie", "a=1; zwgk_session=abc.def ; b=\"q\"");
  r.headers.emplace_back("cookie", "c=3");
  EXPECT_EQ(cookie(r, "zwgk_session"), "abc.def");
  EXPECT_EQ(cookie(r, "b"), "q");
  EXPECT_EQ(cookie(r, "c"), "3");
  EXPECT_FALSE(cookie(r, "zwgk"));
}

TEST(Form, SetCookieCarriesSecurityAttributes) {
  CookieOptions o;
  o.secure = true;
  EXPECT_EQ(set_cookie_value("s", "v", o), "s=v; Path=/; HttpOnly; Secure; SameSite=Strict");
  o.max_age_seconds = 0;
  o.secure = false;
  EXPECT_EQ(set_cookie_value("s", "", o), "s=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
}

}  // namespace
}  // namespace zwgk::http
