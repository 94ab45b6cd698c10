#pragma once
// package_search of the CKAN Action API (docs.ckan.org, "ckan.logic.action.get.package_search"),
// the subset a harvester or a client sends, over the published datasets:
//   q      words, each in the title, 摘要, 关键字, organization or a file's name (all of them);
//          empty or "*:*" matches every dataset
//   fq     field:value terms, all of which must hold: organization, groups, tags, res_format,
//          license_id, name, open_condition; a value may be quoted ("道路 交通")
//   sort   "score desc" (the default), "metadata_modified desc|asc", "metadata_created desc|asc",
//          "title_string asc|desc", "name asc|desc"
//   rows   1..1000 (default 10), start (default 0)
//   facet.field  the fields to count (organization, groups, tags, res_format, license_id,
//          open_condition); facet.limit (default 50; negative for all), facet.mincount (1)
// The parameters are checked before anything is searched; a bad one is a problem naming it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace zwgk::domain {

// One published dataset as the search sees it.
struct DatasetRecord {
  std::string name, title, notes;
  std::string organization, organization_title;  // dept-<id>, its name
  std::string group, group_title;                // data field code, label
  std::vector<std::string> tags;
  std::vector<std::string> formats;  // CSV XLSX JSON, one per file
  std::vector<std::string> file_names;
  std::string license_id;
  std::string open_condition;  // unconditional conditional
  std::string created, modified;  // ISO instants: they sort as text
};

struct FacetItem {
  std::string name, display_name;
  std::int64_t count = 0;
};

struct DatasetQuery {
  std::string q;
  std::vector<std::pair<std::string, std::string>> filters;  // from fq
  std::string sort = "score desc";
  int rows = 10;
  int start = 0;
  std::vector<std::string> facet_fields;
  int facet_limit = 50;
  int facet_mincount = 1;
};

struct DatasetMatches {
  std::int64_t count = 0;
  std::vector<std::size_t> results;                        // indices into the records, this page
  std::map<std::string, std::vector<FacetItem>> facets;    // field -> items, count desc
};

// The raw parameters as a request gives them (absent ones nullopt). Problems name the
// parameter: {"rows", "应为 0 至 1000 的整数"}.
struct DatasetQueryText {
  std::optional<std::string> q, fq, sort, rows, start, facet_field, facet_limit, facet_mincount;
};
struct ParsedDatasetQuery {
  DatasetQuery query;
  std::vector<std::pair<std::string, std::string>> problems;
};
ParsedDatasetQuery parse_dataset_query(const DatasetQueryText& text);

DatasetMatches search_datasets(const std::vector<DatasetRecord>& records, const DatasetQuery& query);

}  // namespace zwgk::domain
