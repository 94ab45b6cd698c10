#pragma once
// 政府信息公开申请答复书: the reply letter rendered from templates/ysqgk/reply_letter.mustache
// (editable by a site's staff without a rebuild) with the wording rules of
// domain/reply_letter_wording.hpp. A standalone HTML file the applicant downloads; it
// names the application by its tracking number and carries no personal data (it is
// served on the public status page).
#include <string>

#include "modules/ysqgk/domain/disclosure_request.hpp"
#include "domain/site.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "web/template_renderer.hpp"

namespace zwgk::web {

// `replied`: the request after its Reply event. `body_name`: the answering body.
store::ReplyLetter render_reply_letter(const TemplateRenderer& templates, const std::string& body_name,
                                       const domain::DisclosureRequest& replied);

}  // namespace zwgk::web
