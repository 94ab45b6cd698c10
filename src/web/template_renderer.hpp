#pragma once
// Mustache templates (kainjow), HTML-escaped by default: {{x}} escapes, {{{x}}} is used
// only for sanitised document bodies and the generated QR-code SVG.
// Every *.mustache file of the directory is read and parsed once, at construction; a
// template that does not parse stops start-up with its name and the parser's message.
// Any template can be used as a partial by its file name without extension
// ({{> header}}); partials are resolved from the renderer, never from view data, so a
// view-model key can never shadow a partial.
#include <filesystem>
#include <map>
#include <string>

#include <kainjow/mustache.hpp>

namespace zwgk::web {

using View = kainjow::mustache::data;  // a view model: object / list / string / bool

class TemplateRenderer {
 public:
  // Throws std::runtime_error if the directory cannot be read or a template does not parse.
  explicit TemplateRenderer(const std::filesystem::path& dir);
  // Thread-safe (each call renders from its own parsed copy). Throws std::runtime_error
  // for an unknown template or a render error.
  std::string render(const std::string& name, const View& view) const;
  bool has(const std::string& name) const { return sources_.count(name) != 0; }

 private:
  std::map<std::string, std::string> sources_;
  std::map<std::string, kainjow::mustache::data> partials_;  // name -> source as string data
};

}  // namespace zwgk::web
