#pragma once
// Choosing the policy a 政策解读 explains (《政府信息公开条例》第二十条 lists 政策解读 beside
// the policy; the document page links them both ways): the editor searches by a fragment of
// the title or the 文号 and picks one; the stored value stays the document's id, shown by its
// title and 文号. Offered: the site's documents of kind 文件, published, or not yet published
// (an interpretation is drafted with its policy) when the user may view the draft; never a
// withdrawn one.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "store/database.hpp"

namespace zwgk::modules::publishing {

struct PolicyChoice {
  std::int64_t id = 0;
  std::string title;
  std::string doc_number;  // 文号, "" if none
  bool published = false;
  std::string label() const;  // 《title》（文号）, "（未发布）" appended for a draft
};

inline constexpr int kPolicySearchLimit = 20;

// At most kPolicySearchLimit matches for `query` (trimmed; "" finds nothing).
std::vector<PolicyChoice> find_policies(store::Database& db, const domain::Account& who, std::int64_t site_id,
                                        const std::string& query);
// The chosen policy as the editor shows it; nullopt when it is not one the user may choose.
std::optional<PolicyChoice> policy_choice(store::Database& db, const domain::Account& who, std::int64_t site_id,
                                          std::int64_t id);

}  // namespace zwgk::modules::publishing
