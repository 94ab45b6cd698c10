#pragma once
#include <memory>

#include "modules/module.hpp"

namespace zwgk::modules::jxkh {

std::unique_ptr<Module> make_module();

}  // namespace zwgk::modules::jxkh
