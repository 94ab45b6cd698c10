// Privacy guard scanner: the rules and their reasons are in privacy_scan.hpp.
//
// The text is read once into "units", one per UTF-8 character (or per invalid byte), each
// mapped to one ASCII byte: ASCII stays, full-width digits/letters/+-./@ and U+3000 become
// their ASCII forms, everything else (Chinese, other punctuation) becomes '\x01', a boundary.
// Detectors run on that string; a unit -> byte table maps results back to the original.
#include <algorithm>
#include <cstdint>

#include "domain/index_number.hpp"
#include "domain/privacy_scan.hpp"

namespace zwgk::domain {
namespace {

constexpr char kOther = '\x01';

struct Units {
  std::string n;                 // one byte per character
  std::vector<std::size_t> off;  // off[i] = byte offset of unit i; off[n.size()] = text size
};

char map_code_point(char32_t cp) {
  if (cp < 0x80) return static_cast<char>(cp);
  if (cp >= 0xFF10 && cp <= 0xFF19) return static_cast<char>('0' + (cp - 0xFF10));
  if (cp >= 0xFF21 && cp <= 0xFF3A) return static_cast<char>('A' + (cp - 0xFF21));
  if (cp >= 0xFF41 && cp <= 0xFF5A) return static_cast<char>('a' + (cp - 0xFF41));
  switch (cp) {
    case 0xFF0B: return '+';
    case 0xFF0D: return '-';
    case 0xFF0E: return '.';
    case 0xFF0F: return '/';
    case 0xFF20: return '@';
    case 0x3000:
    case 0x00A0: return ' ';
    default: return kOther;
  }
}

Units read_units(std::string_view t) {
  Units u;
  u.n.reserve(t.size());
  u.off.reserve(t.size() + 1);
  std::size_t i = 0;
  while (i < t.size()) {
    const auto b0 = static_cast<unsigned char>(t[i]);
    std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    char32_t cp = 0;
    if (len == 0 || i + len > t.size()) {
      len = 1;
      cp = 0xFFFD;
    } else if (len == 1) {
      cp = b0;
    } else {
      cp = b0 & (0x7F >> len);
      for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(t[i + k]);
        if ((b & 0xC0) != 0x80) {
          len = 1;
          cp = 0xFFFD;
          break;
        }
        cp = (cp << 6) | (b & 0x3F);
      }
    }
    u.n.push_back(map_code_point(cp));
    u.off.push_back(i);
    i += len;
  }
  u.off.push_back(t.size());
  return u;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

class Scanner {
 public:
  Scanner(std::string_view text, const Units& u, const PrivacyScanOptions& o, Date today)
      : text_(text), u_(u), n_(u.n), opt_(o), today_(today) {}

  void emails(std::vector<PrivacyFinding>& out, std::vector<std::pair<std::size_t, std::size_t>>& spans) {
    std::size_t floor = 0;
    for (std::size_t at = n_.find('@'); at != std::string::npos; at = n_.find('@', at + 1)) {
      std::size_t l = at;
      while (l > floor && is_local(n_[l - 1])) --l;
      while (l < at && (n_[l] == '.' || n_[l] == '-' || n_[l] == '+')) ++l;
      std::size_t r = at + 1;
      while (r < n_.size() && (is_alnum(n_[r]) || n_[r] == '-' || n_[r] == '.')) ++r;
      while (r > at + 1 && (n_[r - 1] == '.' || n_[r - 1] == '-')) --r;
      if (l == at || n_[at - 1] == '.' || !valid_domain(at + 1, r)) continue;
      PrivacyFinding f = make(PrivacyKind::Email, l, r);
      f.masked = std::string(bytes(l, l + 1)) + "***" + std::string(bytes(at, r));
      out.push_back(std::move(f));
      spans.emplace_back(l, r);
      floor = r;
      at = r - 1;
    }
  }

  void numbers(std::vector<PrivacyFinding>& out, const std::vector<std::pair<std::size_t, std::size_t>>& skip) {
    std::size_t s = 0;
    std::size_t i = 0;
    while (i < n_.size()) {
      while (s < skip.size() && skip[s].second <= i) ++s;
      if (s < skip.size() && skip[s].first <= i) {
        i = skip[s].second;
        continue;
      }
      const char c = n_[i];
      if (!(is_digit(c) || c == '+') || is_alnum(at(i - 1))) {
        ++i;
        continue;
      }
      if (c == '+') {
        if (at(i + 1) == '8' && at(i + 2) == '6' && try_mobile(out, i, i + 3, true)) {
          i = i_;
          continue;
        }
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < n_.size() && is_alnum(n_[j])) ++j;
      if (try_token(out, i, j) || try_grouped(out, i, j)) {
        i = i_;
        continue;
      }
      i = j;
    }
  }

  void words(std::vector<PrivacyFinding>& out) {
    if (opt_.sensitive_words.empty()) return;
    std::string lower(text_);
    for (char& ch : lower) ch = ascii_lower(ch);
    std::vector<std::string> seen;
    for (const std::string& entry : opt_.sensitive_words) {
      std::string w = trim(entry);
      for (char& ch : w) ch = ascii_lower(ch);
      if (w.empty() || std::find(seen.begin(), seen.end(), w) != seen.end()) continue;
      seen.push_back(w);
      for (std::size_t p = lower.find(w); p != std::string::npos; p = lower.find(w, p + 1)) {
        const std::size_t ub = unit_at(p), ue = unit_at(p + w.size());
        if (u_.off[ub] != p || u_.off[ue] != p + w.size()) continue;  // not on character boundaries
        PrivacyFinding f = make(PrivacyKind::SensitiveWord, ub, ue);
        f.masked.assign(ue - ub, '*');
        f.word = trim(entry);
        out.push_back(std::move(f));
      }
    }
  }

 private:
  static char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
  static std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
  }
  static bool is_local(char c) { return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }

  char at(std::size_t i) const { return i < n_.size() ? n_[i] : '\0'; }  // i = -1 wraps: '\0'
  std::string_view bytes(std::size_t ub, std::size_t ue) const {
    return text_.substr(u_.off[ub], u_.off[ue] - u_.off[ub]);
  }
  std::size_t unit_at(std::size_t byte) const {
    return static_cast<std::size_t>(std::lower_bound(u_.off.begin(), u_.off.end(), byte) - u_.off.begin());
  }

  bool valid_domain(std::size_t b, std::size_t e) const {
    std::size_t label = b, dots = 0;
    for (std::size_t k = b; k <= e; ++k) {
      if (k == e || n_[k] == '.') {
        if (k == label) return false;  // empty label
        if (k != e) ++dots;
        label = k + 1;
      }
    }
    if (dots == 0) return false;
    const std::size_t tld = n_.rfind('.', e - 1) + 1;
    if (e - tld < 2) return false;
    for (std::size_t k = tld; k < e; ++k)
      if (!is_alpha(n_[k])) return false;
    return true;
  }

  // Standalone: no letter/digit on either side, not joined to more digits by '-' or '.', not
  // continued by another group with the grouping separator, and (slash) not "…/digit" as in 索引号.
  bool standalone(std::size_t b, std::size_t e, bool slash, char group_sep = '\0') const {
    const char before = b > 0 ? n_[b - 1] : '\0';
    const char before2 = b > 1 ? n_[b - 2] : '\0';
    const char after = at(e), after2 = at(e + 1);
    if (is_alnum(before) || is_alnum(after)) return false;
    if ((before == '-' || before == '.') && is_digit(before2)) return false;
    if ((after == '-' || after == '.') && is_digit(after2)) return false;
    if (group_sep != '\0' && ((before == group_sep && is_digit(before2)) || (after == group_sep && is_digit(after2))))
      return false;
    if (slash && after == '/' && is_digit(after2)) return false;
    return true;
  }

  bool digits(std::size_t b, std::size_t e) const {
    for (std::size_t k = b; k < e; ++k)
      if (!is_digit(at(k))) return false;
    return b < e;
  }

  std::string digit_string(std::size_t b, std::size_t e) const {
    std::string s;
    for (std::size_t k = b; k < e; ++k)
      if (is_alnum(n_[k])) s.push_back(n_[k] == 'x' ? 'X' : n_[k]);
    return s;
  }

  // Contiguous token [b, e): ID, card, mobile (possibly with 86/0086 glued on).
  bool try_token(std::vector<PrivacyFinding>& out, std::size_t b, std::size_t e) {
    const std::size_t len = e - b;
    if (len == 18 && digits(b, b + 17) && (is_digit(n_[b + 17]) || n_[b + 17] == 'X' || n_[b + 17] == 'x') &&
        standalone(b, e, true) && is_valid_resident_id(digit_string(b, e), today_)) {
      return emit(out, PrivacyKind::ResidentId, b, e, b, 6, 4);
    }
    if (!digits(b, e)) return false;
    if (len == 15 && standalone(b, e, true) && is_valid_resident_id(digit_string(b, e), today_)) {
      return emit(out, PrivacyKind::ResidentId15, b, e, b, 6, 3);
    }
    if (len >= 16 && len <= 19 && n_[b] != '0' && standalone(b, e, true)) {
      const std::string d = digit_string(b, e);
      if (luhn_valid(d) && !(len == 18 && is_valid_org_code(d))) return emit(out, PrivacyKind::BankCard, b, e, b, 0, 4);
    }
    if (len == 11 && mobile_digits(b) && standalone(b, e, false)) return emit(out, PrivacyKind::MobilePhone, b, e, b, 3, 4);
    if (len == 13 && n_.compare(b, 2, "86") == 0 && mobile_digits(b + 2) && standalone(b, e, false))
      return emit(out, PrivacyKind::MobilePhone, b, e, b + 2, 3, 4);
    if (len == 15 && n_.compare(b, 4, "0086") == 0 && mobile_digits(b + 4) && standalone(b, e, false))
      return emit(out, PrivacyKind::MobilePhone, b, e, b + 4, 3, 4);
    return false;
  }

  // Forms spread over several tokens: 138 1234 5678, 86-138..., 0086 138..., 6222 0212 ....
  bool try_grouped(std::vector<PrivacyFinding>& out, std::size_t b, std::size_t e) {
    const std::size_t len = e - b;
    if (len == 3 && try_mobile(out, b, b, false)) return true;
    if (len == 2 && n_.compare(b, 2, "86") == 0 && at(e) == '-' && try_mobile(out, b, e + 1, false)) return true;
    if (len == 4 && n_.compare(b, 4, "0086") == 0 && (at(e) == ' ' || at(e) == '-') && try_mobile(out, b, e + 1, false))
      return true;
    if (len == 4 && digits(b, e) && at(e) == ' ') {
      std::size_t k = b, total = 0, groups = 0, last = 0;
      while (true) {
        std::size_t g = k;
        while (is_digit(at(g))) ++g;
        last = g - k;
        total += last;
        ++groups;
        // At most 5 groups are read: a longer run is no card, and stopping keeps this linear.
        if (at(g) == ' ' && is_digit(at(g + 1)) && last == 4 && groups <= 5) {
          k = g + 1;
          continue;
        }
        k = g;
        break;
      }
      if (groups >= 4 && last >= 1 && last <= 4 && total >= 16 && total <= 19 && n_[b] != '0' &&
          standalone(b, k, true, ' ') && luhn_valid(digit_string(b, k)))
        return emit(out, PrivacyKind::BankCard, b, k, b, 0, 4);
    }
    return false;
  }

  bool mobile_digits(std::size_t p) const {
    return at(p) == '1' && at(p + 1) >= '3' && at(p + 1) <= '9' && digits(p, p + 11) && !is_digit(at(p + 11));
  }

  // A mobile body at p (after an optional separator when a prefix precedes it); match from b.
  bool try_mobile(std::vector<PrivacyFinding>& out, std::size_t b, std::size_t p, bool plus_prefix) {
    if (plus_prefix && (at(p) == ' ' || at(p) == '-')) ++p;
    if (mobile_digits(p) && standalone(b, p + 11, false)) return emit(out, PrivacyKind::MobilePhone, b, p + 11, p, 3, 4);
    const char sep = at(p + 3);
    if ((sep == ' ' || sep == '-') && at(p) == '1' && at(p + 1) >= '3' && at(p + 1) <= '9' && digits(p, p + 3) &&
        digits(p + 4, p + 8) && at(p + 8) == sep && digits(p + 9, p + 13) && !is_digit(at(p + 13)) &&
        standalone(b, p + 13, false, sep))
      return emit(out, PrivacyKind::MobilePhone, b, p + 13, p, 3, 4);
    return false;
  }

  // Records a numeric finding over units [b, e); the significant characters counted for
  // keep_first/keep_last are the letters and digits from `body` on.
  bool emit(std::vector<PrivacyFinding>& out, PrivacyKind kind, std::size_t b, std::size_t e, std::size_t body,
            std::size_t keep_first, std::size_t keep_last) {
    PrivacyFinding f = make(kind, b, e);
    std::size_t total = 0;
    for (std::size_t k = body; k < e; ++k) total += is_alnum(n_[k]) ? 1 : 0;
    std::size_t idx = 0;
    for (std::size_t k = b; k < e; ++k) {
      const bool significant = k >= body && is_alnum(n_[k]);
      if (significant && idx >= keep_first && idx + keep_last < total) {
        f.masked.push_back('*');
      } else {
        f.masked.append(bytes(k, k + 1));
      }
      if (significant) ++idx;
    }
    out.push_back(std::move(f));
    i_ = e;
    return true;
  }

  PrivacyFinding make(PrivacyKind kind, std::size_t ub, std::size_t ue) const {
    PrivacyFinding f;
    f.kind = kind;
    f.begin = u_.off[ub];
    f.end = u_.off[ue];
    f.text = std::string(bytes(ub, ue));
    const std::size_t cb = ub > opt_.context_chars ? ub - opt_.context_chars : 0;
    const std::size_t ce = std::min(n_.size(), ue + opt_.context_chars);
    f.context = std::string(bytes(cb, ce));
    for (char& ch : f.context)
      if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    f.context_match = f.begin - u_.off[cb];
    return f;
  }

 public:
  std::size_t i_ = 0;  // end of the last numeric finding (numbers() resumes there)

 private:
  std::string_view text_;
  const Units& u_;
  const std::string& n_;
  const PrivacyScanOptions& opt_;
  Date today_;
};

}  // namespace

std::string to_code(PrivacyKind k) {
  switch (k) {
    case PrivacyKind::ResidentId: return "resident_id";
    case PrivacyKind::ResidentId15: return "resident_id_15";
    case PrivacyKind::MobilePhone: return "mobile";
    case PrivacyKind::BankCard: return "bank_card";
    case PrivacyKind::Email: return "email";
    case PrivacyKind::SensitiveWord: return "sensitive_word";
  }
  return "unknown";
}

std::string to_label(PrivacyKind k) {
  switch (k) {
    case PrivacyKind::ResidentId: return "身份证号码";
    case PrivacyKind::ResidentId15: return "身份证号码（15位）";
    case PrivacyKind::MobilePhone: return "手机号码";
    case PrivacyKind::BankCard: return "银行卡号";
    case PrivacyKind::Email: return "电子邮箱";
    case PrivacyKind::SensitiveWord: return "敏感词";
  }
  return "未知";
}

std::vector<PrivacyFinding> scan_privacy(std::string_view text, const PrivacyScanOptions& options) {
  const Units units = read_units(text);
  Scanner scanner(text, units, options, options.today.value_or(Date::today()));
  std::vector<PrivacyFinding> out;
  std::vector<std::pair<std::size_t, std::size_t>> email_spans;
  scanner.emails(out, email_spans);
  scanner.numbers(out, email_spans);
  scanner.words(out);
  std::stable_sort(out.begin(), out.end(), [](const PrivacyFinding& a, const PrivacyFinding& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  return out;
}

std::string mask_all(std::string_view text, const std::vector<PrivacyFinding>& findings) {
  std::vector<const PrivacyFinding*> fs;
  for (const auto& f : findings)
    if (f.begin < f.end && f.end <= text.size() && text.substr(f.begin, f.end - f.begin) == f.text) fs.push_back(&f);
  std::sort(fs.begin(), fs.end(), [](const PrivacyFinding* a, const PrivacyFinding* b) {
    return a->begin != b->begin ? a->begin > b->begin : a->end > b->end;
  });
  std::string out(text);
  std::size_t limit = text.size();  // begin of the leftmost replacement made so far
  for (const PrivacyFinding* f : fs) {
    if (f->begin >= limit) continue;  // inside a region already masked
    if (f->end <= limit) {
      out.replace(f->begin, f->end - f->begin, f->masked);
    } else {
      // Overlaps the region to its right: star the part before it, one '*' per character.
      std::string stars;
      for (std::size_t k = f->begin; k < limit; ++k)
        if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) stars.push_back('*');
      out.replace(f->begin, limit - f->begin, stars);
    }
    limit = f->begin;
  }
  return out;
}

}  // namespace zwgk::domain
