// Form bodies (urlencoded via Boost.URL, multipart/form-data per RFC 7578) and cookies.
#include "http/form.hpp"

#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>

#include "http/ascii.hpp"

namespace zwgk::http {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii::lower(a[i]) != ascii::lower(b[i])) return false;
  return true;
}

// The value of parameter `name` in a header value like `form-data; name="a"; filename="b"`.
// Quoted strings may contain escaped quotes (\"); unquoted tokens end at ';'.
std::optional<std::string> header_parameter(std::string_view value, std::string_view name) {
  std::size_t i = value.find(';');
  while (i != std::string_view::npos && i < value.size()) {
    ++i;
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    std::size_t eq = value.find('=', i);
    if (eq == std::string_view::npos) return std::nullopt;
    std::string_view key = trim(value.substr(i, eq - i));
    std::size_t j = eq + 1;
    std::string v;
    if (j < value.size() && value[j] == '"') {
      ++j;
      while (j < value.size() && value[j] != '"') {
        if (value[j] == '\\' && j + 1 < value.size()) ++j;
        v.push_back(value[j++]);
      }
      if (j >= value.size()) return std::nullopt;  // unterminated quote
      ++j;
    } else {
      std::size_t end = value.find(';', j);
      v = std::string(trim(value.substr(j, end == std::string_view::npos ? std::string_view::npos : end - j)));
      j = end == std::string_view::npos ? value.size() : end;
    }
    if (iequals(key, name)) return v;
    i = value.find(';', j);
  }
  return std::nullopt;
}

bool has_nul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

// "C:\\fakepath\\a.pdf" or "dir/a.pdf" -> "a.pdf".
std::string base_name(std::string_view name) {
  auto cut = name.find_last_of("/\\");
  if (cut != std::string_view::npos) name.remove_prefix(cut + 1);
  return std::string(name);
}

}  // namespace

std::optional<std::string> Form::get(std::string_view name) const {
  for (const auto& [k, v] : fields)
    if (k == name) return v;
  return std::nullopt;
}

std::string Form::value(std::string_view name) const { return get(name).value_or(std::string()); }

std::vector<std::string> Form::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : fields)
    if (k == name) out.push_back(v);
  return out;
}

std::size_t Form::count(std::string_view name) const {
  std::size_t n = 0;
  for (const auto& f : fields) n += f.first == name;
  return n;
}

const UploadedFile* Form::file(std::string_view field) const {
  for (const auto& f : files)
    if (f.field == field) return &f;
  return nullptr;
}

std::optional<Form> parse_urlencoded(std::string_view body) {
  Form form;
  if (body.empty()) return form;
  if (!boost::urls::parse_query(body)) return std::nullopt;
  boost::urls::encoding_opts opt;
  opt.space_as_plus = true;
  try {
    boost::urls::params_view params(body, opt);
    for (auto p : params) {
      std::string key = p.key;
      std::string value = p.has_value ? std::string(p.value) : std::string();
      if (key.empty() && value.empty()) continue;  // "a=1&&b=2"
      if (has_nul(key) || has_nul(value)) return std::nullopt;
      form.fields.emplace_back(std::move(key), std::move(value));
    }
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return form;
}

std::optional<Form> parse_multipart(std::string_view body, std::string_view boundary) {
  if (boundary.empty() || boundary.size() > 70) return std::nullopt;
  const std::string delimiter = "--" + std::string(boundary);
  const std::string next = "\r\n" + delimiter;
  Form form;
  // The body starts with the first delimiter (a preamble is allowed but unusual).
  std::size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) return std::nullopt;
  pos += delimiter.size();
  while (true) {
    if (body.substr(pos, 2) == "--") return form;  // closing delimiter
    if (body.substr(pos, 2) != "\r\n") return std::nullopt;
    pos += 2;
    const std::size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) return std::nullopt;
    std::string_view headers = body.substr(pos, headers_end - pos);
    const std::size_t content_begin = headers_end + 4;
    const std::size_t content_end = body.find(next, content_begin);
    if (content_end == std::string_view::npos) return std::nullopt;
    std::string_view content = body.substr(content_begin, content_end - content_begin);

    std::optional<std::string> name, file_name;
    std::string content_type;
    bool has_disposition = false;
    while (!headers.empty()) {
      std::size_t eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
      std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) return std::nullopt;
      std::string_view key = trim(line.substr(0, colon));
      std::string_view value = trim(line.substr(colon + 1));
      if (iequals(key, "content-disposition")) {
        if (!iequals(trim(value.substr(0, value.find(';'))), "form-data")) return std::nullopt;
        has_disposition = true;
        name = header_parameter(value, "name");
        file_name = header_parameter(value, "filename");
      } else if (iequals(key, "content-type")) {
        content_type = std::string(value);
      }
    }
    if (!has_disposition || !name || has_nul(*name)) return std::nullopt;
    if (file_name) {
      if (!file_name->empty() || !content.empty())
        form.files.push_back(UploadedFile{*name, base_name(*file_name), content_type, std::string(content)});
    } else {
      if (has_nul(content)) return std::nullopt;
      form.fields.emplace_back(*name, std::string(content));
    }
    pos = content_end + next.size();
  }
}

std::optional<Form> parse_form(const Request& req) {
  std::string_view type = req.header("content-type").value_or("");
  std::string_view media = trim(type.substr(0, type.find(';')));
  if (media.empty()) {
    if (req.body.empty()) return Form{};
    return std::nullopt;
  }
  if (iequals(media, "application/x-www-form-urlencoded")) return parse_urlencoded(req.body);
  if (iequals(media, "multipart/form-data")) {
    auto boundary = header_parameter(type, "boundary");
    if (!boundary) return std::nullopt;
    return parse_multipart(req.body, *boundary);
  }
  return std::nullopt;
}

std::optional<std::string> cookie(const Request& req, std::string_view name) {
  for (const auto& [header, value] : req.headers) {
    if (header != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      std::size_t semi = rest.find(';');
      std::string_view pair = trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      std::size_t eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      if (trim(pair.substr(0, eq)) != name) continue;
      std::string_view v = trim(pair.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      return std::string(v);
    }
  }
  return std::nullopt;
}

std::string set_cookie_value(std::string_view name, std::string_view value, const CookieOptions& o) {
  std::string out;
  out.append(name).append("=").append(value);
  if (!o.path.empty()) out.append("; Path=").append(o.path);
  if (o.max_age_seconds >= 0) out.append("; Max-Age=").append(std::to_string(o.max_age_seconds));
  if (o.http_only) out.append("; HttpOnly");
  if (o.secure) out.append("; Secure");
  if (!o.same_site.empty()) out.append("; SameSite=").append(o.same_site);
  return out;
}

}  // namespace zwgk::http
