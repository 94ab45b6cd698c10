#pragma once
// `zwgk demo --with-accounts`: something to explore in the console after `make run`.
// For the demo city site (after load_demo): one account per role, each with a fresh random
// password that is returned here once (the caller prints it once; only its argon2id hash is
// stored) — never a fixed default password; documents in several workflow stages (草稿,
// 待审查 with an ID number for the privacy guard, 待发布, 已退回); and two 依申请公开
// applications, one of them overdue. Idempotent: an existing account is left alone (its
// password is not reset and not shown), documents are keyed by external id and
// applications by their description.
#include <string>
#include <vector>

#include "domain/working_day_calendar.hpp"

namespace zwgk::store { class Database; }

namespace zwgk::app {

struct DemoAccount {
  std::string username;
  std::string role;      // 中文角色名
  std::string password;  // "" when the account already existed
};

struct DemoConsoleStats {
  std::vector<DemoAccount> accounts;
  int documents_created = 0;
  int requests_created = 0;
};

// `secret`: the installation secret (seals applicants' ID numbers). `today`: the day the
// demo is dated by (documents published, applications received N days before it).
DemoConsoleStats load_demo_console(store::Database& db, const std::string& secret,
                                   const domain::WorkingDayCalendar& calendar, domain::Date today);

}  // namespace zwgk::app
