// zwgk audit verify [--head ID:HASH] | head | security: the audit log's chain
// (store/audit_log.hpp, ADR 0017). verify walks the chain with the installation's audit key
// and reports the first broken link (exit 1); --head also proves that the entry an operator
// wrote down earlier is still there unchanged. head prints the newest entry as ID:HASH, to
// be kept outside the database. security prints the security log's recent counters.
#include <cstdio>

#include "app/cli.hpp"
#include "app/cli_audit.hpp"
#include "app/commands.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"
#include "store/security_log.hpp"

namespace zwgk::app {

int audit_command(const Config& config, const AuditArgs& args) {
  std::optional<store::AuditHead> anchor;
  if (!args.head.empty()) {
    anchor = store::parse_audit_head(args.head);
    if (!anchor) throw CommandError{kExitUsage, "--head 应为 zwgk audit head 打印的“编号:哈希”（哈希为64位小写十六进制）"};
  }
  auto db = open_audited_database(config, 0, /*seal=*/false);  // reading writes nothing
  store::AuditLog log(*db);
  if (args.action == "head") {
    std::printf("%s\n", log.head().text().c_str());
    return kExitOk;
  }
  if (args.action == "security") {
    const auto rows = store::SecurityLog(*db).recent(200);
    if (rows.empty()) std::printf("没有安全事件记录。\n");
    for (const auto& r : rows)
      std::printf("%s\t%s\t账号%lld\t%s\t%lld 次\n", r.minute.c_str(), r.kind.c_str(),
                  static_cast<long long>(r.account_id), r.place.c_str(), static_cast<long long>(r.count));
    return kExitOk;
  }
  const auto count = log.count();
  if (auto broken = log.verify(anchor)) {
    std::printf("审计日志校验失败：第一处断链在第 %lld 条。%s\n", static_cast<long long>(broken->entry_id),
                broken->problem.c_str());
    std::fflush(stdout);
    return kExitFailure;
  }
  if (anchor)
    std::printf("审计日志完整：共 %lld 条记录，哈希链校验通过，链头 %s 及之前的记录未被修改或删除。\n",
                static_cast<long long>(count), anchor->text().c_str());
  else
    std::printf("审计日志完整：共 %lld 条记录，哈希链校验通过。\n", static_cast<long long>(count));
  return kExitOk;
}

}  // namespace zwgk::app
