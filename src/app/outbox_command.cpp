// `zwgk outbox status | send | retry`: the operator's view of the e-mail outbox
// (outbox_sender.hpp, docs/operations.md "E-mail"). Recipients are shown masked; subjects
// and bodies are never shown.
#include <cstdio>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/database_url.hpp"
#include "app/outbox_sender.hpp"
#include "domain/clock.hpp"
#include "store/database.hpp"
#include "store/outbox_repository.hpp"
#include "store/personal_data_key.hpp"
#include "store/site_repository.hpp"

namespace zwgk::app {

namespace {

const char* state_label(const std::string& state) {
  if (state == store::kOutboxPending) return "待发送";
  if (state == store::kOutboxSending) return "发送中";
  if (state == store::kOutboxSent) return "已发送";
  if (state == store::kOutboxFailed) return "发送失败";
  return "?";
}

int status(store::Database& db, const OutboxArgs& args) {
  std::optional<std::int64_t> site_id;
  if (!args.site.empty()) {
    auto site = store::SiteRepository(db).by_code(args.site);
    if (!site) throw CommandError{kExitUsage, "网站不存在: " + args.site};
    site_id = site->id;
  }
  // Counting and listing read no sealed field: the key is not needed here.
  const auto key = store::PersonalDataKey::derive_from(std::string(32, '\0'));
  store::OutboxRepository outbox(db, key);
  const auto c = outbox.counts(site_id);
  std::printf("待发送 %lld，发送中 %lld，已发送 %lld，发送失败 %lld\n", static_cast<long long>(c.pending),
              static_cast<long long>(c.sending), static_cast<long long>(c.sent), static_cast<long long>(c.failed));
  const auto failed = outbox.list({site_id, store::kOutboxFailed, 1000});
  if (!failed.empty()) {
    std::printf("编号\t状态\t类别\t对象\t收件人\t尝试次数\t最后错误\n");
    for (const auto& e : failed)
      std::printf("%lld\t%s\t%s\t%s %s\t%s\t%d\t%s\n", static_cast<long long>(e.id), state_label(e.state), e.kind.c_str(),
                  e.object_type.c_str(), e.object_id.c_str(), e.recipient_hint.c_str(), e.attempts, e.last_error.c_str());
  }
  return kExitOk;
}

int send(store::Database& db, const Config& config) {
  const auto settings = outbox_sender_settings(config.smtp);
  OutboxSender sender(db, store::PersonalDataKey::derive_from(installation_secret(config)), settings);
  OutboxPass total;
  while (true) {
    const auto pass = sender.run_once(domain::system_unix_seconds());
    if (pass.locked_out) {
      std::printf("另一个节点正在发送，本次未发送\n");
      return kExitOk;
    }
    total.sent += pass.sent;
    total.retried += pass.retried;
    total.failed += pass.failed;
    if (pass.server_unavailable || pass.handled() < settings.batch_limit) {
      total.server_unavailable = pass.server_unavailable;
      break;
    }
  }
  std::printf("已发送 %d，稍后重试 %d，放弃 %d%s\n", total.sent, total.retried, total.failed,
              total.server_unavailable ? "（发信服务器不可用，其余邮件留待下次）" : "");
  return total.retried + total.failed > 0 ? kExitFailure : kExitOk;
}

}  // namespace

int outbox_command(const Config& config, const OutboxArgs& args) {
  auto db = open_database(config.database);
  db->migrate();
  if (args.action == "status") return status(*db, args);
  if (args.action == "send") return send(*db, config);
  if (args.action == "retry") {
    const auto key = store::PersonalDataKey::derive_from(std::string(32, '\0'));
    const int n = store::OutboxRepository(*db, key).requeue_failed(args.id, store::outbox_time(domain::system_unix_seconds()));
    if (args.id && n == 0) throw CommandError{kExitUsage, "没有编号为 " + std::to_string(*args.id) + " 的发送失败邮件"};
    std::printf("已重新排队 %d 封发送失败的邮件\n", n);
    return kExitOk;
  }
  throw CommandError{kExitUsage, "未知的 outbox 子命令: " + args.action};
}

}  // namespace zwgk::app
