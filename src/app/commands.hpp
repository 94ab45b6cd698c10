#pragma once
// One function per subcommand; cli.cpp parses the command line into a Config and the
// command's own arguments, then calls one of these. Each returns the exit code or throws
// CommandError (cli.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "domain/date.hpp"
#include "domain/working_day_calendar.hpp"

namespace zwgk::store {
class Database;
class PersonalDataKey;
}  // namespace zwgk::store

namespace zwgk::app {

int serve_command(const Config& config);
int migrate_command(const Config& config);

struct DemoArgs {
  std::string data_dir;     // "" = config.demo_dir, else <source>/data/demo
  int per_column = 3;
  bool with_accounts = false;  // also demo_console.hpp: one account per role, printed once
};
int demo_command(const Config& config, const DemoArgs& args);

struct ImportArgs {
  std::string file;
  bool progress = true;
  // A reason: publish lines the privacy guard flags anyway (audited); "" = keep them drafts.
  std::string allow_privacy_findings;
};
int import_command(const Config& config, const ImportArgs& args);

struct ExportArgs {
  std::string output;        // "" or "-" = stdout
  std::string attachments;   // "" = <output's directory>/attachments
  bool progress = true;
};
int export_command(const Config& config, const ExportArgs& args);

struct CatalogueArgs {
  std::string action;       // list | add | rename | move
  std::string site = "shaoyang";
  std::string code;
  std::string name;
  std::string parent;       // code of the new parent; "" = top level
  std::string description;
  int position = -1;        // 0-based among siblings; -1 = at the end (add) / first (move)
};
int catalogue_command(const Config& config, const CatalogueArgs& args);

struct CalendarArgs {
  std::string action;               // due
  std::string date;                 // day of receipt, YYYY-MM-DD (day zero)
  std::string working_days;         // N, 0..200 (kept as text for a clear message)
  std::vector<std::string> pauses;  // FROM:TO, both days not counted
  std::string extension;            // "" = none; 0..20
  bool explain = false;
};
int calendar_command(const Config& config, const CalendarArgs& args);

struct AuditArgs {
  std::string action;  // verify | head | security
  std::string head;    // verify --head: "id:hash" (or the hash) printed by `zwgk audit head`
};
// Exit 0 when the chain holds, 1 with the first broken link.
int audit_command(const Config& config, const AuditArgs& args);

// zwgk reindex: rebuilds the search index with a progress bar on stderr.
struct ReindexArgs {
  bool progress = true;
};
int reindex_command(const Config& config, const ReindexArgs& args);

// zwgk blobs sweep: deletes stored file bytes no row references, older than the threshold.
struct BlobsArgs {
  int min_age_hours = 24;  // store::kBlobSweepMinAge
};
int blobs_command(const Config& config, const BlobsArgs& args);

struct ScanArgs {
  std::string site;  // site code; "" = every site
};
// Exit 0 when nothing is found, 1 when published documents contain personal data.
int scan_command(const Config& config, const ScanArgs& args);
// zwgk inspect: 自查监测 (modules/zcjc/). Exit 0 without a 单项否决 finding, 1 with one.
struct InspectArgs {
  std::string site;      // site code; "" = every site
  std::string today;     // "" = today (the clock)
  bool crawl = false;    // walk the pages of the server at base_url first
  std::string base_url;  // --crawl: "http://127.0.0.1:8080"
  bool external = false;  // --crawl: external links too
  int max_pages = 300;
  bool mail = false;     // enqueue the warning mail
};
int inspect_command(const Config& config, const InspectArgs& args);

struct UserArgs {
  std::string action;           // add | passwd | disable | enable | totp
  std::string username;
  std::string site = "shaoyang";  // add: site code
  std::string role = "editor";    // add: site_admin | editor | reviewer | publisher | auditor (or the label)
  std::string name;             // add: display name (姓名)
  std::string department;       // add: department name (required for editor and reviewer)
  bool password_stdin = false;  // read the password from the first line of stdin
  bool remove_totp = false;     // totp --remove
};
int user_command(const Config& config, const UserArgs& args);
struct RequestsArgs {
  std::string action;        // overdue
  std::string site;          // site code; "" = every site
  std::string today;         // "" = today (China Standard Time)
};
// For the commands that count deadlines: --today (YYYY-MM-DD) or the real day, and the
// holiday calendar of the configuration (CommandError when either is unusable).
domain::Date command_today(const std::string& given);
domain::WorkingDayCalendar command_calendar(const Config& config);

// `zwgk requests overdue`: open applications past due or due within 3 working days.
int requests_command(const Config& config, const RequestsArgs& args);

struct LettersArgs {
  std::string action;  // overdue | client-add | client-list | client-revoke | contact
  std::string site;    // site code
  std::string today;   // overdue: "" = today
  std::string name;    // client-add: the integrating system
  long long id = 0;    // client-revoke
  std::string department, staff_email, head_email;  // contact ("" department = the office)
};
// `zwgk letters ...`: 12345 integrations, staff notice addresses, overdue letters.
int letters_command(const Config& config, const LettersArgs& args);
struct OutboxArgs {
  std::string action;              // status | send | retry
  std::string site;                // status: site code; "" = every site
  std::optional<std::int64_t> id;  // retry: this failed row only; nullopt = every failed row
};
// `zwgk outbox status`: counts by state and the failed rows (recipient masked).
// `zwgk outbox send`: one sending pass now ([smtp] required; exit 1 if any row failed or was
// retried). `zwgk outbox retry [--id N]`: failed rows back to pending, due now.
int outbox_command(const Config& config, const OutboxArgs& args);

// 建议提案办理 (jyta, issue 13): `zwgk proposals import --site CODE FILE`.
struct ProposalsArgs {
  std::string site;
  std::string file;
  std::string today;     // "" = today (the day 答复期限 and "not later than today" count from)
  bool progress = true;
};
int proposals_command(const Config& config, const ProposalsArgs& args);

// The installation secret: config.secret_key (64 hex digits), else var/secret.key next to
// the working directory, created on first use (mode 0600). Throws CommandError if malformed.
std::string installation_secret(const Config& config);

// The installation secret as the console needs it: the secret itself (ConsoleOptions::secret)
// and, once per start, the TOTP keys still stored in clear (before ADR 0018) sealed with it.
// totp_sealing.cpp; `zwgk serve`, `zwgk migrate` and `zwgk user totp` call these.
store::PersonalDataKey totp_sealing_key(const Config& config);
// Returns how many keys were sealed; reads the secret only if there is any clear key.
int seal_clear_totp_keys(const Config& config, store::Database& db);

// <source tree>/<relative> (ZWGK_SOURCE_DIR), for the default templates, static and demo dirs.
std::string source_path(const std::string& relative);

}  // namespace zwgk::app
