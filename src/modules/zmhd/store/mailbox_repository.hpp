#pragma once
// A site's 信箱 (letter_mailboxes), its local rules (letter_settings), the departments'
// reply templates (letter_reply_templates) and the systems allowed to push 工单 through the
// API (integration_clients). Rows only; the rules are in modules/zmhd/domain/.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/zmhd/domain/letter_settings.hpp"
#include "modules/zmhd/domain/mailbox.hpp"
#include "store/database.hpp"

namespace zwgk::store {

struct ReplyTemplate {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::optional<std::int64_t> department_id;  // nullopt: the whole site's
  std::string title;
  std::string body;
};

struct IntegrationClient {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::string name;  // 市12345政务服务便民热线平台
  bool revoked = false;
};

// Where a department's staff notices go (department_id 0: the screening office).
struct LetterContact {
  std::int64_t department_id = 0;
  std::string staff_email;  // 承办人
  std::string head_email;   // 负责人: 督办
};

class MailboxRepository {
 public:
  explicit MailboxRepository(Database& db) : db_(db) {}

  // The site's mailboxes in position order (enabled_only: what the public sees).
  std::vector<domain::Mailbox> mailboxes(std::int64_t site_id, bool enabled_only = true);
  std::optional<domain::Mailbox> mailbox(std::int64_t site_id, const std::string& code);
  std::optional<domain::Mailbox> mailbox_by_id(std::int64_t id);
  // Inserts, or updates the mailbox with the same (site, code). Returns its id.
  std::int64_t save_mailbox(const domain::Mailbox& m);
  // A new site gets 领导信箱, 咨询投诉 and 我为政府网站找错 (what migration 0013 gave every
  // existing site) unless it has a mailbox already. `leader_name`: e.g. 市长信箱.
  void ensure_default_mailboxes(std::int64_t site_id, const std::string& leader_name = "领导信箱");

  domain::LetterSettings settings(std::int64_t site_id);
  void save_settings(std::int64_t site_id, const domain::LetterSettings& s);

  // The department's contact, else an empty one.
  LetterContact contact(std::int64_t site_id, std::int64_t department_id);
  void save_contact(std::int64_t site_id, const LetterContact& c);

  std::vector<ReplyTemplate> reply_templates(std::int64_t site_id, std::optional<std::int64_t> department_id);
  std::int64_t add_reply_template(const ReplyTemplate& t);

  // A new client with a fresh token (shown once; only its SHA-256 is kept).
  std::pair<IntegrationClient, std::string> add_client(std::int64_t site_id, const std::string& name);
  // The client holding this token, unless revoked; nullopt for any other token.
  std::optional<IntegrationClient> client_by_token(const std::string& token);
  void revoke_client(std::int64_t id);
  std::vector<IntegrationClient> clients(std::int64_t site_id);

 private:
  Database& db_;
};

}  // namespace zwgk::store
