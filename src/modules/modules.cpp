// The list of capabilities of this build. Adding one: its folder under src/modules/ and one
// line here.
#include "modules/module.hpp"

#include <mutex>

#include "domain/permission_registry.hpp"

#include "modules/publishing/module.hpp"
#include "modules/ysqgk/module.hpp"
#include "modules/zmhd/module.hpp"
#include "modules/zxft/module.hpp"
#include "modules/hygq/module.hpp"  // 回应关切 (issue 13)
// 建议提案办理 (issue 13)
#include "modules/jyta/module.hpp"
#include "modules/yjzj/module.hpp"  // 意见征集 (issue 13)
#include "modules/yjs/module.hpp"   // 预决算公开 (issue 14)
#include "modules/qd/module.hpp"    // 清单 (issue 14)
#include "modules/sjkf/module.hpp"  // 数据开放 (issue 14)
#include "modules/bzml/module.hpp"  // 基层政务公开标准目录 (issue 14)
#include "modules/zcjc/module.hpp"  // 自查监测 (issue 15)
#include "modules/ndbg/module.hpp"  // 政府信息公开工作年度报告 (issue 16)
#include "modules/gzyd/module.hpp"  // 工作要点和任务督办 (issue 16)
#include "modules/jxkh/module.hpp"  // 政务公开绩效考核 (issue 16)

namespace zwgk::modules {

namespace {

void register_into(domain::PermissionRegistry& registry, const std::vector<std::unique_ptr<Module>>& list) {
  for (const auto& m : list) {
    registry.add_module(m->name());
    m->register_permissions(registry);
  }
}

std::once_flag installed;

}  // namespace

const std::vector<std::unique_ptr<Module>>& all() {
  static const std::vector<std::unique_ptr<Module>> list = [] {
    std::vector<std::unique_ptr<Module>> v;
    v.push_back(publishing::make_module());  // 主动公开: drafts, review, publication, the document page
    v.push_back(ysqgk::make_module());       // 依申请公开
    v.push_back(zmhd::make_module());        // 政民互动: 信箱, 咨询投诉, 找错, 12345
    v.push_back(zxft::make_module());        // 在线访谈, 新闻发布会, 政策吹风会
    v.push_back(hygq::make_module());        // 回应关切: 突发事件 and 政务舆情 clocks (issue 13)
    v.push_back(jyta::make_module());        // 建议提案办理 (issue 13)
    v.push_back(yjzj::make_module());        // 意见征集 (issue 13)
    v.push_back(yjs::make_module());         // 预决算公开统一专栏 (issue 14)
    v.push_back(qd::make_module());          // 清单 (issue 14)
    v.push_back(sjkf::make_module());        // 数据开放 (issue 14)
    v.push_back(bzml::make_module());        // 基层政务公开标准目录 (issue 14)
    v.push_back(zcjc::make_module());        // 自查监测: the national inspection's checks, warned before the veto line (issue 15)
    v.push_back(ndbg::make_module());        // 政府信息公开工作年度报告 (issue 16)
    v.push_back(gzyd::make_module());        // 工作要点和任务督办 (issue 16)
    v.push_back(jxkh::make_module());        // 政务公开绩效考核: scores per department, published on the portal (issue 16)
    return v;
  }();
  std::call_once(installed, [] { register_into(domain::permission_registry(), list); });
  return list;
}

void register_permissions(domain::PermissionRegistry& registry) { register_into(registry, all()); }

void install_permissions() { all(); }

void register_public(PublicContext ctx) {
  for (const auto& m : all()) m->register_public(ctx);
}

void register_console(ConsoleContext ctx) {
  for (const auto& m : all()) m->register_console(ctx);
}

std::vector<std::unique_ptr<Job>> start_jobs(JobContext ctx) {
  std::vector<std::unique_ptr<Job>> jobs;
  for (const auto& m : all())
    for (auto& j : m->start_jobs(ctx)) jobs.push_back(std::move(j));
  return jobs;
}

}  // namespace zwgk::modules
