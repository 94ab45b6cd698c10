#include <gtest/gtest.h>

#include "domain/document.hpp"

using namespace zwgk::domain;

TEST(PublicationRequirements, EmptyDocumentMissesEverythingInOrder) {
  Document doc;
  EXPECT_EQ(missing_publication_metadata(doc),
            (std::vector<std::string>{"标题", "公开目录", "公开责任部门", "发文日期", "公开形式"}));
}

TEST(PublicationRequirements, CompleteDocumentMissesNothing) {
  Document doc;
  doc.title = "2017年邵阳市政务公开工作要点";
  doc.catalogue_id = 3;
  doc.department_id = 1;
  doc.published_on = Date::parse("2017-05-02");
  doc.disclosure = DisclosureForm::Proactive;
  EXPECT_TRUE(missing_publication_metadata(doc).empty());

  doc.disclosure.reset();
  doc.title = "  \t";  // blank is missing
  EXPECT_EQ(missing_publication_metadata(doc), (std::vector<std::string>{"标题", "公开形式"}));
}

TEST(PublicationRequirements, OptionalFieldsAreNotRequired) {
  Document doc;
  doc.title = "标题";
  doc.catalogue_id = 1;
  doc.department_id = 1;
  doc.published_on = Date::parse("2017-05-02");
  doc.disclosure = DisclosureForm::OnRequest;
  // 文号, 成文日期, 索引号 are not required here (index numbers are made at publication).
  EXPECT_TRUE(missing_publication_metadata(doc).empty());
}
