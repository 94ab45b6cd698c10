#pragma once
// 自查监测 (issue 15): walks a site's own public pages from its homepage, breadth first, bounded and
// polite (its own user agent, a delay between requests, a page and link limit), and checks every
// link and attachment it finds: internal ones always, external ones when asked (HEAD, then GET when
// HEAD is refused with 405/501). It records facts only (status, error, redirect target, each page's
// <meta name=... content=...>); what counts as a problem and how bad is the domain's rule.
// Never includes government words beyond this comment; no database.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "modules/zcjc/domain/page_checks.hpp"

namespace zwgk::modules::zcjc {

struct CrawlOptions {
  std::string start_url;               // "http://127.0.0.1:8080/xinshao/" : the homepage
  std::vector<std::string> own_hosts;  // "host" or "host:port" that count as internal; the start URL's host:port is always internal
  std::string path_prefix;             // internal pages are followed (parsed for links) only under this path prefix ("" = all paths); links outside it are still checked
  int max_pages = 300;                 // HTML pages fetched and parsed
  int max_links = 2000;                // distinct link targets checked (internal + external)
  bool check_external = false;
  std::chrono::milliseconds timeout{15000};  // per request (connect + transfer)
  std::chrono::milliseconds delay{0};        // pause between two requests to the same host
  std::string user_agent = "zwgk-inspect/1.0";
  std::function<void(int checked, int queued)> progress;  // optional, after each request
};

using LinkError = domain::LinkError;  // why there was no HTTP answer (page_checks.hpp)

struct LinkCheck {
  std::string url;           // absolute, fragment removed
  std::string found_on;      // absolute URL of the first page that links to it
  std::string link_text;     // the <a> text or the file name (trimmed, at most 80 bytes, valid UTF-8)
  bool external = false;
  bool attachment = false;   // linked by <a href> to a non-HTML resource (the response's Content-Type is not text/html), or by <img src>/<link href> (stylesheets) – anything that is not a page
  int status = 0;            // final HTTP status, 0 when there was no HTTP answer
  LinkError error = LinkError::None;
  std::string error_text;    // curl's message, one line, when error != None
  std::string redirected_to; // absolute URL of the FIRST redirect's Location, "" if none
};

struct CrawledPage {
  std::string url;
  int status = 0;
  std::vector<std::pair<std::string, std::string>> meta;  // every <meta name="X" content="Y"> in order (name as written)
  std::string title;   // <title> text, trimmed
};

struct CrawlResult {
  std::vector<CrawledPage> pages;   // in the order fetched; the homepage first
  std::vector<LinkCheck> links;     // every distinct link target checked (pages fetched included), in the order first found
  bool truncated = false;           // a limit stopped the walk
};

// Never throws for network problems (they are LinkCheck errors); throws std::invalid_argument for a start_url that is not http(s).
CrawlResult crawl_site(const CrawlOptions& options);

// The host of an absolute URL, lower case, without port or a leading "www." ("" if none).
std::string url_host(const std::string& url);

}  // namespace zwgk::modules::zcjc
