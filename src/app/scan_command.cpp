// zwgk scan [--site CODE]: the privacy guard over already-published documents (ADR 0009).
// Prints each finding masked — never a full ID, phone or card number — with its context
// masked too. Exit code 1 when something was found that has no recorded override.
#include <cstdio>
#include <string>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/database_url.hpp"
#include "modules/publishing/domain/workflow.hpp"
#include "store/document_repository.hpp"
#include "store/site_repository.hpp"
#include "modules/publishing/store/workflow_repository.hpp"

namespace zwgk::app {
namespace {

std::string field_label(const std::string& field) {
  if (field == "title") return "标题";
  if (field == "summary") return "内容概述";
  if (field == "body") return "正文";
  if (field.rfind("attachment:", 0) == 0) return "附件 " + field.substr(11);
  return field;
}

// The context with every detectable item masked, and any remaining run of 7+ digits (a
// number cut off at the edge of the context) starred but for its first 3 and last 2.
std::string safe_context(const domain::PrivacyFinding& f, const domain::PrivacyScanOptions& options) {
  std::string ctx = domain::mask_all(f.context, domain::scan_privacy(f.context, options));
  for (std::size_t pos = 0; (pos = ctx.find(f.text, pos)) != std::string::npos;) ctx.replace(pos, f.text.size(), f.masked);
  std::string out;
  std::size_t i = 0;
  while (i < ctx.size()) {
    if (ctx[i] >= '0' && ctx[i] <= '9') {
      std::size_t j = i;
      while (j < ctx.size() && ctx[j] >= '0' && ctx[j] <= '9') ++j;
      const std::size_t n = j - i;
      if (n >= 7)
        out += ctx.substr(i, 3) + std::string(n - 5, '*') + ctx.substr(j - 2, 2);
      else
        out += ctx.substr(i, n);
      i = j;
    } else {
      out += ctx[i++];
    }
  }
  return out;
}

}  // namespace

int scan_command(const Config& config, const ScanArgs& args) {
  auto db = open_database(config.database);
  db->migrate();
  store::DocumentScan scan;
  scan.published_only = true;
  if (!args.site.empty()) {
    auto site = store::SiteRepository(*db).by_code(args.site);
    if (!site) throw CommandError{kExitFailure, "未知网站: " + args.site};
    scan.site_id = site->id;
  }
  store::WorkflowRepository wf(*db);
  long long documents = 0, open = 0, overridden = 0;
  store::DocumentRepository(*db).for_each(scan, [&](const domain::Document& doc) {
    ++documents;
    domain::PrivacyScanOptions options;
    options.sensitive_words = wf.sensitive_words(doc.site_id);
    for (const auto& g : wf.scan_document(doc)) {
      if (g.overridden) {
        ++overridden;
        continue;
      }
      ++open;
      std::printf("文件 %lld《%s》 %s %s（%s） …%s…\n", static_cast<long long>(doc.id), doc.title.c_str(),
                  domain::to_label(g.finding.kind).c_str(), g.finding.masked.c_str(), field_label(g.field).c_str(),
                  safe_context(g.finding, options).c_str());
    }
  });
  std::printf("已检查 %lld 篇已发布文件：发现 %lld 处个人信息%s。\n", documents, open,
              overridden ? ("（另有 " + std::to_string(overridden) + " 处已登记不遮盖的理由）").c_str() : "");
  std::fflush(stdout);
  return open > 0 ? kExitFailure : kExitOk;
}

}  // namespace zwgk::app
