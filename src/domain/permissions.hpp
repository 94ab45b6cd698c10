#pragma once
// 权限: the legacy names of the registered actions (ADR 0009, 0014, 0020). The grants live in
// the permission registry (domain/permission_registry.hpp), registered by the module that
// owns each action; every Action below names one registered entry (to_code). The workflow
// (src/modules/publishing/domain/workflow.hpp) asks here first, then checks the stage.
//
// Matrix as registered (an empty cell = refused):
//
//   action                     编辑  审查员  公开工作机构  网站管理员  审计员
//   CreateDraft 新建草稿        D
//   Edit 修改                   D
//   Submit 提交审查             D
//   MaskPrivacy 遮盖个人信息    D      D        S
//   StartReview 开始保密审查           D
//   ReviewDecide 保密审查结论          D
//   ReturnForChanges 退回修改          D        S
//   OverridePrivacy 忽略检查结果       D        S
//   Approve 批准发布                            S
//   Publish 发布                                S
//   Schedule 定时发布                           S
//   Amend 发布修订版本                          S
//   Withdraw 撤回                               S
//   MarkValidity 标注失效/废止                  S
//   ExemptInterpretation 免于解读               S
//   CorrectChangeNote 更正修订说明              S
//   View 查看                   D      D        S             S           S
//   ManageCatalogue/Departments/Sites/Users 管理                S
//   ViewAudit 查看审计日志                                    S           S
//
//   依申请公开 (ADR 0010; the target is the application: its site and the department it is
//   assigned to, by id; an unassigned application has no department):
//   ViewRequest 查看政府信息公开申请       D                S             S           S
//   ViewApplicantIdentity 查看申请人身份证件号码             S
//   HandleRequest 办理政府信息公开申请                        S
//     (register, 补正, assign, third-party consultation, extension, reply, disclosed files,
//      reconsideration / litigation records: the 公开工作机构 of the site answers, Art. 4)
//   DraftReply 起草答复意见                D                S
//     (the department the application is assigned to drafts; the office approves by
//      recording the reply under HandleRequest)
//
//   ManageHotQueries 管理热门搜索                              S             S
//     (the list on the public search page is the office's: 公开工作机构 and 网站管理员)
//
//   D = the account's own department of its own site; S = anything of its own site.
// A disabled account may do nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "domain/permission_registry.hpp"

namespace zwgk::domain {

enum class Action {
  CreateDraft, Edit, Submit, MaskPrivacy, StartReview, ReviewDecide, ReturnForChanges,
  OverridePrivacy, Approve, Publish, Schedule, Amend, Withdraw, MarkValidity,
  ExemptInterpretation, CorrectChangeNote, View,
  ManageCatalogue, ManageDepartments, ManageSites, ManageUsers, ViewAudit,
  // 依申请公开 (appended: codes of the actions above keep their order).
  ViewRequest, ViewApplicantIdentity, HandleRequest, DraftReply,
  // 本周热门搜索 (ADR 0015): pin, hide, turn the site's public hot-query list on or off.
  ManageHotQueries,
};

std::string to_code(Action);   // the registered code: publishing.create_draft, ..., kernel.view_audit
std::string to_label(Action);  // the registered label: 新建草稿, 修改文件, 提交审查, ...
const std::vector<Action>& all_actions();
bool is_management_action(Action);  // Manage* and ViewAudit: the target is the site itself
bool is_request_action(Action);     // the 依申请公开 actions: refusals speak of 申请, not 文件

// permission_registry().refusal(who, to_code(action), target): nullopt = allowed; otherwise
// the Chinese refusal, e.g. "部门编辑无权发布", "只能处理本部门的文件", "只能处理分办给本部门的申请".
std::optional<std::string> permission_refusal(const Account& who, Action action, const Target& target);

}  // namespace zwgk::domain
