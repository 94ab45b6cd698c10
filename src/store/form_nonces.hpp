#pragma once
// One submission per public form token: a nonce is consumed once (table form_nonces), on
// every node alike. Rows older than a day are deleted on the way.
#include <string>

#include "store/database.hpp"

namespace zwgk::store {

// True the first time `nonce` is consumed, false every time after.
bool consume_form_nonce(Database& db, const std::string& nonce);

}  // namespace zwgk::store
