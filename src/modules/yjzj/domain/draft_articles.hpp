#pragma once
// The articles of a draft (征求意见稿), so an opinion can be on one of them ("对第五条的意见")
// and the page can jump to it. A regulation's draft is written in articles (第一条, 第二条,
// ...: 《立法法》 第六十五条 / 《规章制定程序条例》 第八条); a draft without them is anchored by
// paragraph (第1段, 第2段, ...).
//
// anchor_draft takes sanitized HTML and returns it with an id on each article's paragraph
// (id="art-5" for 第五条, id="para-3" for the third paragraph of a draft without articles)
// and the list of anchors in order. Only the <p> (or <li>) whose visible text begins with
// 第<Chinese numeral>条 counts as an article; "依照第五条规定" inside a paragraph does not.
// A paragraph that already has an id keeps it and is not anchored.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/chinese_numerals.hpp"  // chinese_numeral_value, used with the anchors

namespace zwgk::domain {

struct DraftArticle {
  std::string anchor;   // "art-5" | "para-3"
  std::string label;    // "第五条" | "第3段"
  std::string excerpt;  // the first characters of its text (for the console and the opinion form)
};

struct AnchoredDraft {
  std::string html;
  std::vector<DraftArticle> articles;
};

AnchoredDraft anchor_draft(std::string_view sanitized_html);


// The article an anchor names, or nullptr.
const DraftArticle* find_article(const std::vector<DraftArticle>& articles, std::string_view anchor);

}  // namespace zwgk::domain
