#include "identity/password.h"

#include <argon2.h>

#include <charconv>
#include <fstream>
#include <optional>
#include <vector>

#include "base/crypto.h"

namespace fazhi {
namespace {

// Upper bounds accepted from a stored hash (see VerifyPassword).
constexpr uint32_t kMaxMemoryKib = 1u << 20;  // 1 GiB
constexpr uint32_t kMaxIterations = 64;
constexpr uint32_t kMaxParallelism = 64;

struct Argon2idParams {
  uint32_t version = 0;
  uint32_t memory_kib = 0;
  uint32_t iterations = 0;
  uint32_t parallelism = 0;
  size_t salt_size = 0;
  size_t hash_size = 0;
};

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// Parses "name=<uint32>".
std::optional<uint32_t> Field(std::string_view part, std::string_view name) {
  if (part.size() <= name.size() + 1 || part.substr(0, name.size()) != name ||
      part[name.size()] != '=') {
    return std::nullopt;
  }
  std::string_view digits = part.substr(name.size() + 1);
  uint32_t value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

// Byte length of unpadded Base64 text, or nullopt if it is not such text.
std::optional<size_t> UnpaddedBase64Size(std::string_view b64) {
  if (b64.empty() || b64.size() % 4 == 1) return std::nullopt;
  for (char c : b64) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '+' || c == '/';
    if (!ok) return std::nullopt;
  }
  return b64.size() * 3 / 4;
}

std::optional<Argon2idParams> ParseArgon2id(std::string_view encoded) {
  std::vector<std::string_view> parts = Split(encoded, '$');
  // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
  if (parts.size() != 6 || !parts[0].empty() || parts[1] != "argon2id") return std::nullopt;
  Argon2idParams params;
  std::optional<uint32_t> version = Field(parts[2], "v");
  std::vector<std::string_view> costs = Split(parts[3], ',');
  if (!version || costs.size() != 3) return std::nullopt;
  std::optional<uint32_t> m = Field(costs[0], "m");
  std::optional<uint32_t> t = Field(costs[1], "t");
  std::optional<uint32_t> p = Field(costs[2], "p");
  std::optional<size_t> salt = UnpaddedBase64Size(parts[4]);
  std::optional<size_t> hash = UnpaddedBase64Size(parts[5]);
  if (!m || !t || !p || !salt || !hash) return std::nullopt;
  params.version = *version;
  params.memory_kib = *m;
  params.iterations = *t;
  params.parallelism = *p;
  params.salt_size = *salt;
  params.hash_size = *hash;
  return params;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;  // count every byte that is not a continuation
  }
  return n;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n\v\f";
  size_t begin = s.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  size_t end = s.find_last_not_of(kSpace);
  return s.substr(begin, end - begin + 1);
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  std::string salt = RandomBytes(kArgon2SaltSize);
  size_t encoded_len = argon2_encodedlen(kArgon2Iterations, kArgon2MemoryKib,
                                         kArgon2Parallelism, kArgon2SaltSize,
                                         kArgon2HashSize, Argon2_id);
  std::string encoded(encoded_len, '\0');
  int rc = argon2id_hash_encoded(kArgon2Iterations, kArgon2MemoryKib, kArgon2Parallelism,
                                 password.empty() ? "" : password.data(), password.size(),
                                 salt.data(), salt.size(), kArgon2HashSize, encoded.data(),
                                 encoded.size());
  if (rc != ARGON2_OK) {
    return Status(codes::kInternal,
                  std::string("密码哈希计算失败：") + argon2_error_message(rc));
  }
  encoded.resize(encoded.find('\0'));
  return encoded;
}

bool VerifyPassword(std::string_view password, std::string_view encoded) {
  std::optional<Argon2idParams> params = ParseArgon2id(encoded);
  if (!params || params->memory_kib > kMaxMemoryKib || params->iterations > kMaxIterations ||
      params->parallelism > kMaxParallelism) {
    return false;
  }
  std::string encoded_z(encoded);  // libargon2 wants a NUL-terminated string
  return argon2id_verify(encoded_z.c_str(), password.empty() ? "" : password.data(),
                         password.size()) == ARGON2_OK;
}

bool NeedsRehash(std::string_view encoded) {
  std::optional<Argon2idParams> params = ParseArgon2id(encoded);
  return !params || params->version != ARGON2_VERSION_13 ||
         params->memory_kib < kArgon2MemoryKib || params->iterations < kArgon2Iterations ||
         params->parallelism < kArgon2Parallelism || params->salt_size < kArgon2SaltSize ||
         params->hash_size < kArgon2HashSize;
}

PasswordPolicy::PasswordPolicy(const std::unordered_set<std::string>& common) {
  for (const std::string& entry : common) common_.insert(AsciiLower(entry));
}

Result<PasswordPolicy> PasswordPolicy::LoadCommonList(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(codes::kIo, "无法读取常见密码列表：" + path);
  std::unordered_set<std::string> common;
  std::string line;
  while (std::getline(in, line)) {
    std::string_view entry = Trim(line);
    if (entry.empty() || entry.front() == '#') continue;
    common.insert(AsciiLower(entry));
  }
  if (in.bad()) return Status(codes::kIo, "读取常见密码列表出错：" + path);
  if (common.empty()) return Status(codes::kInvalid, "常见密码列表为空：" + path);
  PasswordPolicy policy;
  policy.common_ = std::move(common);
  return policy;
}

bool PasswordPolicy::IsCommon(std::string_view password) const {
  std::string lowered = AsciiLower(password);
  bool common = common_.count(lowered) > 0;
  Wipe(lowered);
  return common;
}

Status PasswordPolicy::Check(std::string_view password, std::string_view username) const {
  std::vector<std::string> problems;
  size_t length = CodePoints(password);
  if (length < kMinLength) {
    problems.push_back("长度至少" + std::to_string(kMinLength) + "个字符（当前" +
                       std::to_string(length) + "个）");
  } else if (length > kMaxLength) {
    problems.push_back("长度不能超过" + std::to_string(kMaxLength) + "个字符（当前" +
                       std::to_string(length) + "个）");
  }
  bool upper = false, lower = false, digit = false, other = false;
  for (char c : password) {
    if (c >= 'A' && c <= 'Z') upper = true;
    else if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= '0' && c <= '9') digit = true;
    else other = true;
  }
  int classes = upper + lower + digit + other;
  if (classes < kMinClasses) {
    std::string missing;
    for (auto [present, name] : {std::pair{upper, "大写字母"}, std::pair{lower, "小写字母"},
                                 std::pair{digit, "数字"}, std::pair{other, "其他符号"}}) {
      if (present) continue;
      if (!missing.empty()) missing += "、";
      missing += name;
    }
    problems.push_back("需包含大写字母、小写字母、数字、其他符号中的至少" +
                       std::to_string(kMinClasses) + "类（当前" + std::to_string(classes) +
                       "类，缺少" + missing + "）");
  }
  if (IsCommon(password)) problems.push_back("属于常见弱密码，容易被猜中");
  if (!username.empty()) {
    std::string lowered = AsciiLower(password);
    if (lowered.find(AsciiLower(username)) != std::string::npos) {
      problems.push_back("不能包含用户名");
    }
    Wipe(lowered);
  }
  if (problems.empty()) return Status::Ok();
  std::string message = "密码不符合要求：";
  for (size_t i = 0; i < problems.size(); ++i) {
    if (i > 0) message += "；";
    message += problems[i];
  }
  return Status(kWeakPassword, message);
}

}  // namespace fazhi
