#pragma once
// The matrix as the public column and the console both show it.
#include <functional>
#include <string>

#include "modules/yjs/service/budget_service.hpp"
#include "web/template_renderer.hpp"

namespace zwgk::web {

// Rows of cells with state code and label, the document link (`document_url` of its id),
// the dates and the status text; and the counts.
View budget_matrix_view(const modules::yjs::BudgetMatrix& m, const std::function<std::string(std::int64_t)>& document_url);

}  // namespace zwgk::web
