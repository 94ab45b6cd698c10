#pragma once
// Private to the zmhd pages: view models shared by the public pages, the console and the
// statistics page. No view here holds the writer's name, phone or e-mail.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/working_day_calendar.hpp"
#include "http/response.hpp"
#include "modules/zmhd/domain/letter_settings.hpp"
#include "modules/zmhd/store/letter_repository.hpp"
#include "web/page_context.hpp"
#include "web/template_renderer.hpp"

namespace zwgk::web {

// The writer's status page: state, dates, department, due date, reply, rating (or the
// rating form while the period runs; "默认满意" after it). `main`: the letter a merged one
// joined (its reply is shown).
View letter_status_view(const store::StoredLetter& s, const store::StoredLetter* main,
                        const domain::WorkingDayCalendar& cal, const domain::LetterSettings& settings,
                        domain::Date today);

// One 信件选登 entry (the masked copy); `base`: P/zmhd/.
View publication_view(const store::LetterPublication& p, const std::string& base);

// P/zmhd/stats/, stats.csv, stats.xlsx (letter_statistics_pages.cpp); nullopt: not one of them.
std::optional<http::Response> letter_statistics_page(PageContext& ctx, const std::vector<std::string_view>& seg);

}  // namespace zwgk::web
