// Official labels (domain/README §1-2) and stable codes of the document enums.
#include "domain/document.hpp"

namespace zwgk::domain {

std::string to_label(DisclosureForm f) {
  switch (f) {
    case DisclosureForm::Proactive: return "主动公开";
    case DisclosureForm::OnRequest: return "依申请公开";
    case DisclosureForm::NotDisclosed: return "不予公开";
  }
  return "";
}

std::string to_label(Validity v) {
  switch (v) {
    case Validity::Valid: return "有效";
    case Validity::Expired: return "失效";
    case Validity::Repealed: return "废止";
    case Validity::Amended: return "已修订";
    case Validity::NotYetEffective: return "尚未生效";
  }
  return "";
}

std::string to_label(DocumentKind k) {
  switch (k) {
    case DocumentKind::Document: return "文件";
    case DocumentKind::Interpretation: return "政策解读";
  }
  return "";
}

std::string to_label(DocumentState s) {
  switch (s) {
    case DocumentState::Draft: return "草稿";
    case DocumentState::Published: return "已发布";
    case DocumentState::Withdrawn: return "已撤回";
  }
  return "";
}

std::string to_code(DocumentState s) {
  switch (s) {
    case DocumentState::Draft: return "draft";
    case DocumentState::Published: return "published";
    case DocumentState::Withdrawn: return "withdrawn";
  }
  return "";
}

std::string to_code(DocumentKind k) {
  switch (k) {
    case DocumentKind::Document: return "document";
    case DocumentKind::Interpretation: return "interpretation";
  }
  return "";
}

std::string to_code(DisclosureForm f) {
  switch (f) {
    case DisclosureForm::Proactive: return "proactive";
    case DisclosureForm::OnRequest: return "on_request";
    case DisclosureForm::NotDisclosed: return "not_disclosed";
  }
  return "";
}

std::string to_code(Validity v) {
  switch (v) {
    case Validity::Valid: return "valid";
    case Validity::Expired: return "expired";
    case Validity::Repealed: return "repealed";
    case Validity::Amended: return "amended";
    case Validity::NotYetEffective: return "not_yet_effective";
  }
  return "";
}

namespace {
std::string_view trim(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}
}  // namespace

std::optional<DisclosureForm> disclosure_form_from(std::string_view in) {
  const auto s = trim(in);
  // Labels, the short forms used in listings (the seed page prints "主动"), and codes.
  if (s == "主动公开" || s == "主动" || s == "proactive") return DisclosureForm::Proactive;
  if (s == "依申请公开" || s == "依申请" || s == "on_request") return DisclosureForm::OnRequest;
  if (s == "不予公开" || s == "不公开" || s == "not_disclosed") return DisclosureForm::NotDisclosed;
  return std::nullopt;
}

std::optional<DocumentState> document_state_from(std::string_view in) {
  const auto s = trim(in);
  if (s == "draft" || s == "草稿") return DocumentState::Draft;
  if (s == "published" || s == "已发布") return DocumentState::Published;
  if (s == "withdrawn" || s == "已撤回") return DocumentState::Withdrawn;
  return std::nullopt;
}

std::optional<DocumentKind> document_kind_from(std::string_view in) {
  const auto s = trim(in);
  if (s == "document" || s == "文件") return DocumentKind::Document;
  if (s == "interpretation" || s == "政策解读" || s == "解读") return DocumentKind::Interpretation;
  return std::nullopt;
}

std::optional<Validity> validity_from(std::string_view in) {
  const auto s = trim(in);
  if (s == "有效" || s == "现行有效" || s == "valid") return Validity::Valid;
  if (s == "失效" || s == "已失效" || s == "expired") return Validity::Expired;
  if (s == "废止" || s == "已废止" || s == "repealed") return Validity::Repealed;
  if (s == "已修订" || s == "修订" || s == "amended") return Validity::Amended;
  if (s == "尚未生效" || s == "未生效" || s == "not_yet_effective") return Validity::NotYetEffective;
  return std::nullopt;
}

}  // namespace zwgk::domain
