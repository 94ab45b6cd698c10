// See password_quality.hpp.
#include "domain/password_quality.hpp"

#include <pwquality.h>

#include <memory>
#include <string_view>

namespace zwgk::domain {

namespace {

struct SettingsDeleter {
  void operator()(pwquality_settings_t* s) const { pwquality_free_settings(s); }
};

// A fresh settings object per check: cheap, and pwquality_check is then safe to call from
// several server threads at once (the settings are not shared).
std::unique_ptr<pwquality_settings_t, SettingsDeleter> settings() {
  std::unique_ptr<pwquality_settings_t, SettingsDeleter> s(pwquality_default_settings());
  if (s) pwquality_set_int_value(s.get(), PWQ_SETTING_MIN_LENGTH, kMinPasswordLength);
  return s;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// pwquality's error code (and cracklib's English remark in `aux` for the dictionary check)
// as a reason a user understands.
// `aux` is cracklib's static text for PWQ_ERROR_CRACKLIB_CHECK only; for other codes it is
// an integer cast to a pointer (or null): never read or freed there.
std::string reason(int code, const void* aux) {
  const std::string_view remark =
      code == PWQ_ERROR_CRACKLIB_CHECK && aux ? std::string_view(static_cast<const char*>(aux)) : std::string_view();
  switch (code) {
    case PWQ_ERROR_MIN_LENGTH:
    case PWQ_ERROR_EMPTY_PASSWORD:
      return "密码至少 " + std::to_string(kMinPasswordLength) + " 个字符";
    case PWQ_ERROR_CRACKLIB_CHECK:
      if (contains(remark, "dictionary word")) return "密码基于常见单词（在弱口令词典中），容易被猜中";
      if (contains(remark, "simplistic") || contains(remark, "systematic"))
        return "密码过于简单或有规律（如连续数字、键盘顺序），容易被猜中";
      if (contains(remark, "DIFFERENT characters")) return "密码中不同的字符太少";
      if (contains(remark, "error loading dictionary"))
        return "服务器缺少弱口令词典（Debian 软件包 cracklib-runtime），暂时无法检查密码，请联系运维人员";
      return "密码未通过弱口令词典检查，容易被猜中";
    case PWQ_ERROR_PALINDROME: return "密码不能是回文（正读反读都一样）";
    case PWQ_ERROR_CASE_CHANGES_ONLY:
    case PWQ_ERROR_ROTATED:
    case PWQ_ERROR_TOO_SIMILAR:
    case PWQ_ERROR_SAME_PASSWORD: return "新密码与原密码太相似";
    case PWQ_ERROR_USER_CHECK: return "密码不能包含用户名";
    case PWQ_ERROR_GECOS_CHECK: return "密码不能包含姓名";
    case PWQ_ERROR_BAD_WORDS: return "密码包含禁止使用的词";
    case PWQ_ERROR_MIN_CLASSES:
    case PWQ_ERROR_MIN_DIGITS:
    case PWQ_ERROR_MIN_UPPERS:
    case PWQ_ERROR_MIN_LOWERS:
    case PWQ_ERROR_MIN_OTHERS: return "密码的字符种类太少（请混用字母、数字和符号）";
    case PWQ_ERROR_MAX_CONSECUTIVE:
    case PWQ_ERROR_MAX_CLASS_REPEAT:
    case PWQ_ERROR_MAX_SEQUENCE: return "密码中重复或连续的字符太多";
    case PWQ_ERROR_MEM_ALLOC: return "检查密码时内存不足，请重试";
    default: return "密码强度不够，请换一个更长、更不易猜中的密码";
  }
}

}  // namespace

std::vector<std::string> password_problems(const std::string& password, const std::string& username) {
  std::vector<std::string> out;
  if (password.size() > kMaxPasswordBytes) {
    out.push_back("密码最多 " + std::to_string(kMaxPasswordBytes) + " 个字节");
    return out;
  }
  if (password.find('\0') != std::string::npos) {
    out.push_back("密码不能包含空字符");
    return out;
  }
  auto s = settings();
  if (!s) {
    out.push_back(reason(PWQ_ERROR_MEM_ALLOC, nullptr));
    return out;
  }
  void* aux = nullptr;
  const int score =
      pwquality_check(s.get(), password.c_str(), nullptr, username.empty() ? nullptr : username.c_str(), &aux);
  if (score < 0) out.push_back(reason(score, aux));
  return out;
}

}  // namespace zwgk::domain
