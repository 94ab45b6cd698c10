// `zwgk proposals import --site CODE FILE`: the year's 建议提案 交办清单 (.xlsx) into a site, all
// rows or none (modules/jyta/service/proposal_service.hpp), with a progress line on stderr.
// Problems are printed one per line, by row and column; the exit code is then 1.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/cli.hpp"
#include "app/cli_audit.hpp"
#include "app/commands.hpp"
#include "app/progress.hpp"
#include "domain/errors.hpp"
#include "modules/jyta/service/proposal_service.hpp"
#include "store/audit_log.hpp"
#include "store/site_repository.hpp"

namespace zwgk::app {

int proposals_command(const Config& config, const ProposalsArgs& args) {
  std::ifstream in(args.file, std::ios::binary);
  if (!in) throw CommandError{kExitUsage, "无法读取文件: " + args.file};
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto db = open_audited_database(config);
  auto site = store::SiteRepository(*db).by_code(args.site);
  if (!site) throw CommandError{kExitUsage, "网站不存在: " + args.site};
  // The operator acts as the site's administrator; the entry names the operating-system user.
  domain::Caller caller;
  caller.account.role = domain::Role::SiteAdmin;
  caller.account.site_id = site->id;
  caller.name = cli_actor().username;
  caller.audit = [&](const domain::AuditNote& n) {
    store::AuditLog(*db).append(cli_entry(n.action, n.object_type, n.object_id, {{"detail", n.detail}}, site->id));
  };
  try {
    std::unique_ptr<Progress> progress;
    auto r = modules::jyta::ProposalService(*db, command_today(args.today))
                 .import_xlsx(caller, bytes.str(), [&](int done, int total) {
                   if (!args.progress) return;
                   if (!progress) progress = std::make_unique<Progress>("导入建议提案", total);
                   progress->advance();
                   if (done == total) progress->finish();
                 });
    std::printf("已导入 %d 件（人大代表建议 %d 件，政协委员提案 %d 件）到网站 %s\n", r.imported, r.suggestions, r.proposals,
                site->code.c_str());
    return kExitOk;
  } catch (const domain::DomainError& e) {
    std::fflush(stdout);
    for (const auto& p : e.problems()) std::fprintf(stderr, "%s\n", p.c_str());
    std::fprintf(stderr, "未导入任何建议提案。\n");
    return 1;
  }
}

}  // namespace zwgk::app
