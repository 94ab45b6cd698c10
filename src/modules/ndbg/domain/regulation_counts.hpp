#pragma once
// Table 二, block 第二十条第（一）项 (规章 and 行政规范性文件: 本年制发件数, 本年废止件数, 现行有效件数),
// counted from the body's own published documents:
//  - 规章: a document whose 文号 is a government order (“…人民政府令第N号”, “…政府令”,
//    《规章制定程序条例》第三十一条: 规章由…首长签署命令予以公布);
//  - 行政规范性文件: any other document of a column the site counts as 规范性文件 (by default
//    行政法规、规章和规范性文件, code fgwj);
//  - 制发: first published (发文日期) within the year;
//  - 废止: 废止日期 within the year;
//  - 现行有效: published by 31 December and 有效 on that day (derive_validity: not repealed, expired,
//    amended or not yet in force).
// The documents behind each count are returned too, so the console shows the evidence.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/document.hpp"

namespace zwgk::domain {

enum class RegulationKind { None, Rule, Normative };  // — / 规章 / 行政规范性文件

struct RegulationDocument {
  Document doc;
  std::string catalogue_code;
};

RegulationKind regulation_kind(const Document& doc, const std::string& catalogue_code,
                               const std::vector<std::string>& normative_columns);

struct RegulationCount {
  long long made = 0, repealed = 0, valid = 0;
  std::vector<std::int64_t> made_ids, repealed_ids, valid_ids;
};

struct RegulationCounts {
  RegulationCount rules, normative;
};

RegulationCounts count_regulations(const std::vector<RegulationDocument>& docs, int year,
                                   const std::vector<std::string>& normative_columns = {"fgwj"});

}  // namespace zwgk::domain
