#pragma once
// Demo content: the city site `shaoyang`, two county sites, departments, the default
// catalogue, the seed document 《2017年邵阳市政务公开工作要点》 with full metadata in 规划计划,
// and enough generated documents that every page has content. Idempotent: sites and
// departments are saved only when they differ, documents go through the importer.
// data/demo/README.md describes the files.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace zwgk::store { class Database; }

namespace zwgk::app {

struct DemoStats {
  int sites = 0;
  int documents = 0;          // documents in the demo (created + updated + unchanged)
  int departments = 0;
  std::int64_t created = 0;   // documents
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  bool corpus_used = false;   // bodies drawn from ../shared/data/corpus/docs.jsonl
  std::vector<std::string> errors;  // "第 N 行: ..." from the importer; empty when all went in
};

// data_dir: the demo files (data/demo). Generated bodies come from the corpus at
// `corpus_file` when it exists; default: ZWGK_DEMO_CORPUS, else
// <data_dir>/../../../shared/data/corpus/docs.jsonl.
DemoStats load_demo(store::Database& db, const std::filesystem::path& data_dir, int generated_per_column = 3);
DemoStats load_demo(store::Database& db, const std::filesystem::path& data_dir, int generated_per_column,
                    const std::filesystem::path& corpus_file);

// The seed's site and external id, for tests and tools.
inline constexpr const char* kDemoCitySite = "shaoyang";
inline constexpr const char* kSeedExternalId = "demo-shaoyang-2017-zwgk-gongzuo-yaodian";
inline constexpr const char* kSeedInterpretationExternalId = "demo-shaoyang-2017-zwgk-gongzuo-yaodian-jiedu";
// The year the demo's 政务公开绩效考核 records are dated in (modules/jxkh): a 2023 annual
// report on time and one late, a notice published after its 20 working days, an interview
// with a department's 主要负责人.
inline constexpr int kDemoAssessmentYear = 2024;

// 统一社会信用代码 (GB 32100-2015) for a 机关: "11" + 6-digit division code + the 9-character
// 组织机构代码 (GB 11714: 8 characters + check) + the final check character.
std::string make_credit_code(const std::string& division, const std::string& org_base8);

// The seed body (plain text, blank-line separated paragraphs) as HTML: "一、…" headings
// become <h2>, the lead sentence of "(一)…" items <strong>, the rest <p>.
std::string seed_text_to_html(const std::string& text);

}  // namespace zwgk::app
