// zwgk audit verify: walks the hash chain of the audit log (store/audit_log.hpp) and reports
// the first broken link; exit code 1 when the log was altered or rows were removed.
#include <cstdio>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/database_url.hpp"
#include "store/audit_log.hpp"

namespace zwgk::app {

int audit_command(const Config& config, const AuditArgs& args) {
  auto db = open_database(config.database);
  db->migrate();
  store::AuditLog log(*db);
  const auto count = log.count();
  if (auto broken = log.verify()) {
    std::printf("审计日志校验失败：第一处断链在第 %lld 条。%s\n", static_cast<long long>(broken->entry_id),
                broken->problem.c_str());
    std::fflush(stdout);
    return kExitFailure;
  }
  std::printf("审计日志完整：共 %lld 条记录，哈希链校验通过。\n", static_cast<long long>(count));
  (void)args;
  return kExitOk;
}

}  // namespace zwgk::app
