#pragma once
// A 领域's catalogue as the public page and the console both show it: the items grouped by
// 一级事项, each with its 公开时限 read as a rule, where it is published (links made by
// `link_url`) and its 落实情况.
#include <functional>
#include <string>

#include "modules/bzml/service/standard_catalogue_service.hpp"
#include "web/template_renderer.hpp"

namespace zwgk::web {

// kind "column" / "list" and code -> the URL.
using CatalogueLinkUrl = std::function<std::string(const std::string& kind, const std::string& code)>;

// `decorate` adds to each item's view (the console's mapping form).
using CatalogueItemDecorator = std::function<void(const modules::bzml::CatalogueItemView&, View&)>;

View catalogue_view(const modules::bzml::CatalogueView& c, const CatalogueLinkUrl& link_url,
                    const CatalogueItemDecorator& decorate = {});

}  // namespace zwgk::web
