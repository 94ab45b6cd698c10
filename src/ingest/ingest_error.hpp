#pragma once
// An uploaded file could not be turned into what was asked (not a .docx, a damaged PDF,
// a type that is not accepted). The message is Chinese and shown to the user as-is.
#include <stdexcept>
#include <string>

namespace zwgk::ingest {

class IngestError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace zwgk::ingest
