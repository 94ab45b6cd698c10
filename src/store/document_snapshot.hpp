#pragma once
// A document as one JSON value: the full snapshot a revision stores (metadata, body,
// attachment list). Round-trips every editable field.
#include <string>

#include "domain/document.hpp"

namespace zwgk::store {

std::string snapshot_text(const domain::Document& doc);
// Throws StoreError on malformed text.
domain::Document document_from_snapshot(const std::string& text);

}  // namespace zwgk::store
