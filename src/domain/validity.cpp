// 有效性 of a document. 《政府网站发展指引》(国办发〔2017〕47号): when a document is amended,
// repealed or expires, its page must say so clearly.
#include "domain/document.hpp"

namespace zwgk::domain {

Validity derive_validity(const Document& doc, Date today) {
  if (doc.amended) return Validity::Amended;
  if (doc.repealed_on && *doc.repealed_on <= today) return Validity::Repealed;
  // expires_on is the last day the document is valid.
  if (doc.expires_on && *doc.expires_on < today) return Validity::Expired;
  if (doc.effective_on && *doc.effective_on > today) return Validity::NotYetEffective;
  return Validity::Valid;
}

}  // namespace zwgk::domain
