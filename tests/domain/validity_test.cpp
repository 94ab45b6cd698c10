#include <gtest/gtest.h>

#include "domain/document.hpp"

using namespace zwgk::domain;

namespace {
Date d(const char* iso) { return *Date::parse(iso); }
}  // namespace

TEST(Validity, NoDatesMeansValid) {
  Document doc;
  EXPECT_EQ(derive_validity(doc, d("2017-05-02")), Validity::Valid);
}

TEST(Validity, AmendedWinsOverEverything) {
  Document doc;
  doc.amended = true;
  doc.repealed_on = d("2010-01-01");
  doc.expires_on = d("2010-01-01");
  EXPECT_EQ(derive_validity(doc, d("2017-05-02")), Validity::Amended);
}

TEST(Validity, RepealedFromTheRepealDay) {
  Document doc;
  doc.repealed_on = d("2017-05-02");
  EXPECT_EQ(derive_validity(doc, d("2017-05-01")), Validity::Valid);
  EXPECT_EQ(derive_validity(doc, d("2017-05-02")), Validity::Repealed);
  EXPECT_EQ(derive_validity(doc, d("2018-01-01")), Validity::Repealed);
}

TEST(Validity, RepealedWinsOverExpired) {
  Document doc;
  doc.repealed_on = d("2017-01-01");
  doc.expires_on = d("2016-12-31");
  EXPECT_EQ(derive_validity(doc, d("2017-05-02")), Validity::Repealed);
}

TEST(Validity, ExpiresAfterTheLastValidDay) {
  Document doc;
  doc.expires_on = d("2017-12-31");  // last valid day
  EXPECT_EQ(derive_validity(doc, d("2017-12-31")), Validity::Valid);
  EXPECT_EQ(derive_validity(doc, d("2018-01-01")), Validity::Expired);
}

TEST(Validity, NotYetEffectiveBeforeTheEffectiveDay) {
  Document doc;
  doc.effective_on = d("2017-06-01");
  doc.expires_on = d("2022-05-31");
  EXPECT_EQ(derive_validity(doc, d("2017-05-31")), Validity::NotYetEffective);
  EXPECT_EQ(derive_validity(doc, d("2017-06-01")), Validity::Valid);
  EXPECT_EQ(derive_validity(doc, d("2022-05-31")), Validity::Valid);
  EXPECT_EQ(derive_validity(doc, d("2022-06-01")), Validity::Expired);
}
