#pragma once
// Which site a public request is for (政府网站集约化: one installation, many sites).
//   1. Sites whose `host` equals the request's Host (without port, lower-case) come first;
//      among them the longest path_prefix that matches wins. If exactly one site claims
//      the host and none of the host's prefixes match, that site owns the whole path.
//   2. Otherwise every site competes on path_prefix: the longest prefix that matches the
//      path on a segment boundary ("/xinshao" matches "/xinshao" and "/xinshao/..." but
//      not "/xinshaoxyz"). The default site has prefix "" and matches everything.
// Pure function over a list of sites: no database, unit-tested on its own.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/site.hpp"

namespace zwgk::web {

struct ResolvedSite {
  domain::Site site;
  std::string rest;  // the path below the site's prefix, always starting with '/'
                     // (a bare prefix "/xinshao" gives rest "" so callers can redirect to "/xinshao/")
};

std::optional<ResolvedSite> resolve_site(const std::vector<domain::Site>& sites, std::string_view host,
                                         std::string_view path);

// The sites whose pages a request for `host` can reach, for paths outside every site's
// prefix (/attachments/...): the sites that claim the host, or every site if none does
// (rule 2). A site's files are served on the hosts its pages are served on.
std::vector<std::int64_t> sites_served_on_host(const std::vector<domain::Site>& sites, std::string_view host);

// True if `prefix` ("" or "/a" or "/a/b") matches `path` on a segment boundary.
bool path_has_prefix(std::string_view path, std::string_view prefix);

}  // namespace zwgk::web
