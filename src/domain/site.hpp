#pragma once
// 网站: one installation serves many sites (政府网站集约化): the city portal, county
// sites, department sites. A site is data, not code.
#include <cstdint>
#include <string>

namespace zwgk::domain {

struct Site {
  std::int64_t id = 0;
  std::string code;             // stable short code used in URLs: "shaoyang"
  std::string name;             // 邵阳市人民政府
  std::string host;             // optional host name that selects this site ("" = none)
  std::string path_prefix;      // URL prefix without trailing slash: "" for the default site, "/xinshao" for others
  std::string sponsor;          // 主办单位
  std::string phone;            // 联系电话
  std::string site_id_code;     // 网站标识码, 10 chars (domain/README §6)
  std::string icp_record;       // ICP备案号
  std::string police_record;    // 公安机关备案号
  std::string theme = "default";
  std::string domain;           // SiteDomain meta: "www.shaoyang.gov.cn"
  std::string index_number_format = "{org}/{year}-{serial:5}";  // 索引号 template, §7
  std::string address;          // 地址 (footer, 联系我们)
};

}  // namespace zwgk::domain
