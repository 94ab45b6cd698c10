#pragma once
// A module's background job that runs `tick` every `every` until it is destroyed (定时发布,
// 来信提醒). The first tick comes one interval after the start; destroying the job waits for a
// running tick to finish. A tick that throws is logged and the job goes on.
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "modules/module.hpp"

namespace zwgk::modules {

std::unique_ptr<Job> periodic_job(std::string name, std::chrono::milliseconds every, std::function<void()> tick);

}  // namespace zwgk::modules
