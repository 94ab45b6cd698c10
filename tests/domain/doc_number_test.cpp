#include <gtest/gtest.h>

#include "domain/doc_number.hpp"

using zwgk::domain::normalize_doc_number;

TEST(DocNumber, CanonicalFormIsUnchanged) {
  EXPECT_EQ(normalize_doc_number("邵政办发〔2017〕12号"), "邵政办发〔2017〕12号");
  EXPECT_EQ(normalize_doc_number("国办发〔2017〕47号"), "国办发〔2017〕47号");
}

TEST(DocNumber, BracketVariantsBecomeHexagonalBrackets) {
  EXPECT_EQ(normalize_doc_number("湘办发(2016)41号"), "湘办发〔2016〕41号");
  EXPECT_EQ(normalize_doc_number("湘办发（2016）41号"), "湘办发〔2016〕41号");
  EXPECT_EQ(normalize_doc_number("湘办发[2016]41号"), "湘办发〔2016〕41号");
  EXPECT_EQ(normalize_doc_number("湘办发［2016］41号"), "湘办发〔2016〕41号");
  EXPECT_EQ(normalize_doc_number("湘办发【2016】41号"), "湘办发〔2016〕41号");
  EXPECT_EQ(normalize_doc_number("湘办发﹝2016﹞41号"), "湘办发〔2016〕41号");
  EXPECT_EQ(normalize_doc_number("湘办发(2016）41号"), "湘办发〔2016〕41号");  // mixed widths
}

TEST(DocNumber, TrimsAndDropsSpaces) {
  EXPECT_EQ(normalize_doc_number("  邵政办发〔2017〕12号 "), "邵政办发〔2017〕12号");
  EXPECT_EQ(normalize_doc_number("\u3000邵政办发 (2017) 12号\u3000"), "邵政办发〔2017〕12号");
  EXPECT_EQ(normalize_doc_number(""), "");
  EXPECT_EQ(normalize_doc_number("   "), "");
}

TEST(DocNumber, FullWidthDigits) {
  EXPECT_EQ(normalize_doc_number("邵政办发（２０１７）１２号"), "邵政办发〔2017〕12号");
}

TEST(DocNumber, OnlyFourDigitYearsAreBracketed) {
  // A parenthesis that does not hold a year is left alone.
  EXPECT_EQ(normalize_doc_number("国函(2017)号(试行)"), "国函〔2017〕号(试行)");
  EXPECT_EQ(normalize_doc_number("第(12)号"), "第(12)号");
  EXPECT_EQ(normalize_doc_number("令第711号"), "令第711号");
}
