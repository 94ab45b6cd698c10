// 修改记录: revisions and workflow events in one list (see document_history.hpp).
#include "modules/publishing/service/document_history.hpp"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "domain/document.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "store/audit_log.hpp"

namespace zwgk::modules::publishing {

namespace {

std::string text_of(const nlohmann::json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) return {};
  const auto& v = j.at(key);
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  return {};
}

std::string with_prefix(const std::string& prefix, const std::string& text) {
  return text.empty() ? std::string() : prefix + text;
}

// The label and detail of a workflow step's audit entry; nullopt for entries that are not
// shown as events (saves are shown as their revision, settings are not history).
std::optional<std::pair<std::string, std::string>> event_of(const std::string& action, const nlohmann::json& j) {
  if (action == "publishing.submit") return std::pair{std::string("提交审查（送审）"), std::string()};
  if (action == "publishing.start_review") return std::pair{std::string("开始保密审查"), std::string()};
  if (action == "publishing.review_decide") {
    const auto form = domain::disclosure_form_from(text_of(j, "decision"));
    std::string label = "保密审查结论：" + (form ? domain::to_label(*form) : text_of(j, "decision"));
    if (auto g = text_of(j, "ground"); !g.empty()) label += "（" + g + "）";
    return std::pair{label, with_prefix("审查意见：", text_of(j, "opinion"))};
  }
  if (action == "publishing.return_for_changes")
    return std::pair{std::string("退回修改"), with_prefix("退回意见：", text_of(j, "reason"))};
  if (action == "publishing.approve") return std::pair{std::string("批准发布"), std::string()};
  if (action == "publishing.publish")
    return std::pair{"发布（第 " + text_of(j, "version") + " 版）", with_prefix("索引号：", text_of(j, "index_number"))};
  if (action == "publishing.amend")
    return std::pair{"发布修订版本（第 " + text_of(j, "version") + " 版）", with_prefix("修订说明：", text_of(j, "change_note"))};
  if (action == "publishing.schedule")
    return std::pair{std::string("定时发布"), with_prefix("发布时间（UTC）：", text_of(j, "at"))};
  if (action == "publishing.schedule_failed")
    return std::pair{std::string("定时发布未成功"), with_prefix("原因：", text_of(j, "reason"))};
  if (action == "publishing.withdraw") return std::pair{std::string("撤回"), with_prefix("撤回理由：", text_of(j, "reason"))};
  if (action == "publishing.exempt_interpretation")
    return std::pair{std::string("登记免于解读"), with_prefix("理由：", text_of(j, "reason"))};
  if (action == "publishing.override_privacy")
    return std::pair{"隐私检查：不遮盖“" + text_of(j, "masked") + "”", with_prefix("理由：", text_of(j, "reason"))};
  if (action == "publishing.correct_change_note")
    return std::pair{"更正第 " + text_of(j, "version") + " 版的修订说明", with_prefix("更正为：", text_of(j, "to"))};
  return std::nullopt;
}

// The label of a revision by the step that saved it.
std::string revision_label(const std::string& action, int number) {
  const std::string n = "第 " + std::to_string(number) + " 版";
  if (action == "publishing.create_draft") return "新建草稿（" + n + "）";
  if (action == "publishing.mask_privacy") return "一键遮盖个人信息（保存为" + n + "）";
  if (action == "publishing.mark_validity") return "标注失效 / 废止（保存为" + n + "）";
  return "保存" + n;
}

}  // namespace

DocumentHistory document_history(store::Database& db, std::int64_t document_id, domain::Stage stage) {
  DocumentHistory out;
  const auto revisions = store::WorkflowRepository(db).revisions(document_id);  // newest first
  std::map<int, std::size_t> by_number;
  for (std::size_t i = 0; i < revisions.size(); ++i) by_number[revisions[i].number] = i;

  auto revision_entry = [&](std::size_t i, const std::string& action) {
    const auto& r = revisions[i];
    HistoryEntry e;
    e.at = r.created_at;
    e.who = r.author.username;
    e.revision = r.number;
    e.label = revision_label(action, r.number);
    e.version = r.version;
    e.first = i + 1 == revisions.size();
    if (i + 1 < revisions.size()) e.changes = domain::diff_documents(revisions[i + 1].snapshot, r.snapshot);
    return e;
  };

  const auto entries = store::AuditLog(db).entries("document", std::to_string(document_id), 5000);
  auto saved_revision = [](const store::AuditEntry& a, const nlohmann::json& j) -> std::optional<int> {
    const bool saves = a.action == "publishing.create_draft" || a.action == "publishing.edit" ||
                       a.action == "publishing.mask_privacy" || a.action == "publishing.mark_validity";
    if (!saves || !j.is_object() || !j.contains("revision") || !j.at("revision").is_number_integer()) return std::nullopt;
    return j.at("revision").get<int>();
  };
  std::vector<nlohmann::json> parsed;
  std::vector<bool> placed(revisions.size(), false);  // true: shown, or shown later where its entry is
  for (const auto& a : entries) {
    parsed.push_back(nlohmann::json::parse(a.changes, nullptr, false));
    if (auto n = saved_revision(a, parsed.back()))
      if (auto it = by_number.find(*n); it != by_number.end()) placed[it->second] = true;
  }
  std::vector<bool> named = placed;

  std::vector<HistoryEntry> timeline;  // oldest first
  // Revisions no entry names, oldest first, placed by their time.
  auto place_unnamed_before = [&](const std::string& at) {
    for (std::size_t k = revisions.size(); k-- > 0;) {
      if (placed[k] || (!at.empty() && revisions[k].created_at > at)) continue;
      placed[k] = true;
      timeline.push_back(revision_entry(k, ""));
    }
  };
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& a = entries[i];
    const auto& j = parsed[i];
    if (a.action.rfind("publishing.", 0) != 0) continue;
    place_unnamed_before(a.at);
    if (auto n = saved_revision(a, j)) {
      const auto it = by_number.find(*n);
      if (it != by_number.end() && named[it->second]) {
        named[it->second] = false;  // once
        auto e = revision_entry(it->second, a.action);
        e.at = a.at;
        timeline.push_back(std::move(e));
      }
      continue;
    }
    auto ev = event_of(a.action, j);
    if (!ev) continue;
    HistoryEntry e;
    e.at = a.at;
    e.who = a.actor.username;
    e.label = ev->first;
    e.detail = ev->second;
    timeline.push_back(e);
    if (a.action == "publishing.return_for_changes") out.returned = ReturnNotice{text_of(j, "reason"), e.who, e.at};
  }
  place_unnamed_before("");
  if (stage != domain::Stage::Returned) out.returned.reset();
  std::reverse(timeline.begin(), timeline.end());
  out.entries = std::move(timeline);
  return out;
}

std::optional<ReturnNotice> return_notice(store::Database& db, std::int64_t document_id, domain::Stage stage) {
  if (stage != domain::Stage::Returned) return std::nullopt;
  std::optional<ReturnNotice> out;
  for (const auto& a : store::AuditLog(db).entries("document", std::to_string(document_id), 5000)) {
    if (a.action != "publishing.return_for_changes") continue;
    const auto j = nlohmann::json::parse(a.changes, nullptr, false);
    out = ReturnNotice{text_of(j, "reason"), a.actor.username, a.at};
  }
  return out;
}

}  // namespace zwgk::modules::publishing
