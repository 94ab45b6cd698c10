// See dataset_search.hpp.
#include "modules/sjkf/domain/dataset_search.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "domain/sheet_rows.hpp"

namespace zwgk::domain {

namespace {

const std::vector<std::string> kFilterFields = {"organization", "groups", "tags", "res_format",
                                                "license_id", "name", "open_condition"};
const std::vector<std::string> kSorts = {"score desc", "metadata_modified desc", "metadata_modified asc",
                                         "metadata_created desc", "metadata_created asc", "title_string asc",
                                         "title_string desc", "name asc", "name desc"};

std::string lower_ascii(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::optional<int> integer(const std::string& s, int lo, int hi) {
  int v = 0;
  const auto t = trim_cell(s);
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || p != t.data() + t.size() || v < lo || v > hi) return std::nullopt;
  return v;
}

// "organization:dept-3 tags:\"公交 线路\"" -> {{organization, dept-3}, {tags, 公交 线路}}.
bool parse_fq(const std::string& fq, std::vector<std::pair<std::string, std::string>>& out) {
  std::size_t i = 0;
  while (i < fq.size()) {
    while (i < fq.size() && (fq[i] == ' ' || fq[i] == '+')) ++i;
    if (i >= fq.size()) break;
    const auto colon = fq.find(':', i);
    if (colon == std::string::npos) return false;
    std::string field = fq.substr(i, colon - i);
    if (!field.empty() && field.front() == '+') field.erase(0, 1);
    i = colon + 1;
    std::string value;
    if (i < fq.size() && fq[i] == '"') {
      const auto close = fq.find('"', i + 1);
      if (close == std::string::npos) return false;
      value = fq.substr(i + 1, close - i - 1);
      i = close + 1;
    } else {
      const auto end = fq.find(' ', i);
      value = fq.substr(i, end == std::string::npos ? std::string::npos : end - i);
      i = end == std::string::npos ? fq.size() : end;
    }
    if (std::find(kFilterFields.begin(), kFilterFields.end(), field) == kFilterFields.end()) return false;
    out.emplace_back(field, value);
  }
  return true;
}

std::vector<std::string> values_of(const DatasetRecord& r, const std::string& field) {
  if (field == "organization") return {r.organization};
  if (field == "groups") return {r.group};
  if (field == "tags") return r.tags;
  if (field == "res_format") {
    std::vector<std::string> v;
    for (const auto& f : r.formats)
      if (std::find(v.begin(), v.end(), f) == v.end()) v.push_back(f);
    return v;
  }
  if (field == "license_id") return {r.license_id};
  if (field == "name") return {r.name};
  if (field == "open_condition") return {r.open_condition};
  return {};
}

std::string display_of(const DatasetRecord& r, const std::string& field, const std::string& value) {
  if (field == "organization") return r.organization_title;
  if (field == "groups") return r.group_title;
  return value;
}

// Words of q: split on white space; each must occur somewhere. Score: occurrences in the
// title count three times.
std::optional<int> score(const DatasetRecord& r, const std::vector<std::string>& words) {
  std::string body = lower_ascii(r.notes + "\n" + r.organization_title + "\n" + r.group_title);
  for (const auto& t : r.tags) body += "\n" + lower_ascii(t);
  for (const auto& f : r.file_names) body += "\n" + lower_ascii(f);
  const std::string title = lower_ascii(r.title + "\n" + r.name);
  int s = 0;
  for (const auto& w : words) {
    const bool in_title = title.find(w) != std::string::npos;
    const bool in_body = body.find(w) != std::string::npos;
    if (!in_title && !in_body) return std::nullopt;
    s += in_title ? 3 : 1;
  }
  return s;
}

}  // namespace

ParsedDatasetQuery parse_dataset_query(const DatasetQueryText& t) {
  ParsedDatasetQuery out;
  auto& q = out.query;
  if (t.q) q.q = trim_cell(*t.q);
  if (q.q == "*:*") q.q.clear();
  if (t.fq && !parse_fq(*t.fq, q.filters))
    out.problems.push_back({"fq", "应为“字段:值”，字段为 organization、groups、tags、res_format、license_id、name 或 open_condition"});
  if (t.sort && !trim_cell(*t.sort).empty()) {
    q.sort = trim_cell(*t.sort);
    if (std::find(kSorts.begin(), kSorts.end(), q.sort) == kSorts.end())
      out.problems.push_back({"sort", "不支持的排序：可用 score desc、metadata_modified desc、metadata_created desc、title_string asc、name asc（及 asc/desc）"});
  }
  if (t.rows) {
    if (auto v = integer(*t.rows, 0, 1000)) q.rows = *v;
    else out.problems.push_back({"rows", "应为 0 至 1000 的整数"});
  }
  if (t.start) {
    if (auto v = integer(*t.start, 0, 1000000)) q.start = *v;
    else out.problems.push_back({"start", "应为非负整数"});
  }
  if (t.facet_field && !trim_cell(*t.facet_field).empty()) {
    bool ok = true;
    try {
      const auto j = nlohmann::json::parse(*t.facet_field);
      ok = j.is_array();
      for (std::size_t i = 0; ok && i < j.size(); ++i) {
        ok = j[i].is_string();
        const auto name = ok ? j[i].get<std::string>() : std::string();
        ok = ok && name != "name" && std::find(kFilterFields.begin(), kFilterFields.end(), name) != kFilterFields.end();
        if (ok) q.facet_fields.push_back(name);
      }
    } catch (const nlohmann::json::exception&) {
      ok = false;
    }
    if (!ok) {
      q.facet_fields.clear();
      out.problems.push_back({"facet.field", "应为 JSON 数组，如 [\"organization\",\"groups\",\"tags\",\"res_format\",\"license_id\"]"});
    }
  }
  if (t.facet_limit) {
    if (auto v = integer(*t.facet_limit, -1, 1000)) q.facet_limit = *v;
    else out.problems.push_back({"facet.limit", "应为 -1 至 1000 的整数"});
  }
  if (t.facet_mincount) {
    if (auto v = integer(*t.facet_mincount, 0, 1000000)) q.facet_mincount = *v;
    else out.problems.push_back({"facet.mincount", "应为非负整数"});
  }
  return out;
}

DatasetMatches search_datasets(const std::vector<DatasetRecord>& records, const DatasetQuery& q) {
  std::vector<std::string> words;
  {
    std::string cur;
    for (char c : q.q + " ") {
      if (c == ' ' || c == '\t') {
        if (!cur.empty()) words.push_back(lower_ascii(cur));
        cur.clear();
      } else {
        cur += c;
      }
    }
  }
  std::vector<std::pair<std::size_t, int>> hits;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    bool ok = true;
    for (const auto& [field, value] : q.filters) {
      const auto vs = values_of(r, field);
      ok = ok && std::find(vs.begin(), vs.end(), value) != vs.end();
    }
    if (!ok) continue;
    auto s = score(r, words);
    if (!s) continue;
    hits.emplace_back(i, *s);
  }
  const auto by = [&](const std::string& sort) {
    return [&records, sort](const std::pair<std::size_t, int>& a, const std::pair<std::size_t, int>& b) {
      const auto& x = records[a.first];
      const auto& y = records[b.first];
      if (sort == "metadata_modified asc") return x.modified < y.modified;
      if (sort == "metadata_created desc") return x.created > y.created;
      if (sort == "metadata_created asc") return x.created < y.created;
      if (sort == "title_string asc") return x.title < y.title;
      if (sort == "title_string desc") return x.title > y.title;
      if (sort == "name asc") return x.name < y.name;
      if (sort == "name desc") return x.name > y.name;
      if (sort == "score desc" && a.second != b.second) return a.second > b.second;
      return x.modified > y.modified;  // metadata_modified desc, and ties of score
    };
  };
  std::stable_sort(hits.begin(), hits.end(), by(q.sort));
  DatasetMatches m;
  m.count = static_cast<std::int64_t>(hits.size());
  for (std::size_t i = static_cast<std::size_t>(q.start); i < hits.size() && m.results.size() < static_cast<std::size_t>(q.rows); ++i)
    m.results.push_back(hits[i].first);
  for (const auto& field : q.facet_fields) {
    std::map<std::string, FacetItem> counts;
    for (const auto& [i, s] : hits)
      for (const auto& v : values_of(records[i], field)) {
        auto& item = counts[v];
        item.name = v;
        item.display_name = display_of(records[i], field, v);
        ++item.count;
      }
    std::vector<FacetItem> items;
    for (auto& [k, v] : counts)
      if (v.count >= q.facet_mincount) items.push_back(std::move(v));
    std::stable_sort(items.begin(), items.end(), [](const FacetItem& a, const FacetItem& b) { return a.count > b.count; });
    if (q.facet_limit >= 0 && items.size() > static_cast<std::size_t>(q.facet_limit)) items.resize(q.facet_limit);
    m.facets[field] = std::move(items);
  }
  return m;
}

}  // namespace zwgk::domain
