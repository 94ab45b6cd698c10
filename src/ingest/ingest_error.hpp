#pragma once
// An uploaded file could not be turned into what was asked (not a .docx, a damaged PDF,
// a type that is not accepted). The message is Chinese and shown to the user as-is.
// One of the error family (domain/errors.hpp): a domain::Invalid (400), code "ingest".
#include <string>

#include "domain/errors.hpp"

namespace zwgk::ingest {

class IngestError : public domain::Invalid {
 public:
  explicit IngestError(const std::string& message) : domain::Invalid({message}, "ingest") {}
};

}  // namespace zwgk::ingest
