#pragma once
// A broken rule about one input, so a form can put the message beside its field and link
// the error summary to it. `field` names the input as the forms do ("name", "id_number",
// "org_name" ...; empty for a problem of the whole submission).
#include <string>
#include <vector>

namespace zwgk::domain {

struct FieldProblem {
  std::string field;
  std::string message;
};

inline std::vector<std::string> messages_of(const std::vector<FieldProblem>& problems) {
  std::vector<std::string> out;
  out.reserve(problems.size());
  for (const auto& p : problems) out.push_back(p.message);
  return out;
}

}  // namespace zwgk::domain
