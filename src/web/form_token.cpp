// Signed form tokens with an arithmetic question: see form_token.hpp.
#include "web/form_token.hpp"

#include <sodium.h>

#include <charconv>
#include <stdexcept>
#include <vector>

namespace zwgk::web {

namespace {

std::string form_key(std::string_view secret) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium 初始化失败");
  if (secret.size() != crypto_kdf_KEYBYTES) throw std::invalid_argument("安装密钥应为32字节");
  std::string key(crypto_auth_KEYBYTES, '\0');
  crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(key.data()), key.size(), 2, "zwgkform",
                             reinterpret_cast<const unsigned char*>(secret.data()));
  return key;
}

std::string hex(const unsigned char* p, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

std::string mac(std::string_view secret, const std::string& message) {
  const std::string key = form_key(secret);
  unsigned char out[crypto_auth_BYTES];
  crypto_auth(out, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
              reinterpret_cast<const unsigned char*>(key.data()));
  return hex(out, sizeof out);
}

std::vector<std::string_view> split_dots(std::string_view s) {
  std::vector<std::string_view> out;
  while (true) {
    auto p = s.find('.');
    out.push_back(s.substr(0, p));
    if (p == std::string_view::npos) break;
    s.remove_prefix(p + 1);
  }
  return out;
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  // Full-width digits (０-９, U+FF10..FF19) as typed with a Chinese input method.
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
        static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99) {
      out += static_cast<char>('0' + static_cast<unsigned char>(s[i + 2]) - 0x90);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

IssuedForm issue_form_token(std::string_view secret, long long now) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium 初始化失败");
  unsigned char nonce_bytes[16];
  randombytes_buf(nonce_bytes, sizeof nonce_bytes);
  IssuedForm f;
  f.nonce = hex(nonce_bytes, sizeof nonce_bytes);
  const int a = 1 + static_cast<int>(randombytes_uniform(9));
  const int b = 1 + static_cast<int>(randombytes_uniform(9));
  f.question = std::to_string(a) + " 加 " + std::to_string(b) + " 等于几？";
  const std::string issued = std::to_string(now);
  f.token = issued + "." + f.nonce + "." + mac(secret, issued + "." + f.nonce + "." + std::to_string(a + b));
  return f;
}

FormCheck check_form_token(std::string_view secret, long long now, std::string_view token,
                           const std::optional<std::string>& cookie_nonce, std::string_view answer,
                           std::string_view honeypot) {
  FormCheck c;
  const auto parts = split_dots(token);
  long long issued = 0;
  if (parts.size() != 3 ||
      std::from_chars(parts[0].data(), parts[0].data() + parts[0].size(), issued).ec != std::errc() ||
      parts[1].size() != 32) {
    c.refusal = "表单已失效，请重新填写提交";
    return c;
  }
  if (!cookie_nonce || *cookie_nonce != parts[1]) {
    c.refusal = "表单校验失败（请允许本网站使用 Cookie 后重新提交）";
    return c;
  }
  if (now - issued > kFormTokenLifetimeSeconds || issued > now + 60) {
    c.refusal = "表单已超过2小时未提交，已失效，请重新填写验证问题后提交";
    return c;
  }
  if (!honeypot.empty()) {
    c.refusal = "提交未通过校验，请重新提交";
    return c;
  }
  const std::string ans = trimmed(answer);
  if (ans.empty()) {
    c.refusal = "请回答验证问题";
    return c;
  }
  const std::string expected = mac(secret, std::string(parts[0]) + "." + std::string(parts[1]) + "." + ans);
  if (expected.size() != parts[2].size() || sodium_memcmp(expected.data(), parts[2].data(), expected.size()) != 0) {
    c.refusal = "验证问题回答不正确，请重新计算后提交";
    return c;
  }
  c.ok = true;
  c.nonce = std::string(parts[1]);
  return c;
}

}  // namespace zwgk::web
