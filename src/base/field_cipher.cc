#include "base/field_cipher.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "base/crypto.h"

namespace fazhi {
namespace {

constexpr std::string_view kKeyFileHeader = "fazhi-field-keys-v1";
constexpr size_t kIvSize = kSm4BlockSize;
constexpr size_t kTagSize = kSm3Size;
constexpr size_t kMinTokenBytes = 1 + kIvSize + kTagSize;
// Header + newline + 128 hex + optional newline; anything longer is not ours.
constexpr size_t kMaxKeyFileSize = 256;

Status IoError(const std::string& what, const std::string& path) {
  return Status(codes::kIo, what + "：" + path + "（" + std::strerror(errno) + "）");
}

Status FormatError(const std::string& path) {
  return Status(codes::kInvalid, "个人信息密钥文件格式不正确：" + path);
}

Status IntegrityError() {
  return Status(FieldCipher::kIntegrityError, "个人信息密文校验失败（数据被篡改或密钥不匹配）");
}

std::string_view View(const unsigned char* p, size_t n) {
  return std::string_view(reinterpret_cast<const char*>(p), n);
}

// Parses the key file contents into 64 bytes of key material.
Result<std::string> ParseKeyFile(std::string_view text, const std::string& path) {
  if (text.size() < kKeyFileHeader.size() + 1 ||
      text.substr(0, kKeyFileHeader.size()) != kKeyFileHeader ||
      text[kKeyFileHeader.size()] != '\n') {
    return FormatError(path);
  }
  std::string_view hex = text.substr(kKeyFileHeader.size() + 1);
  if (!hex.empty() && hex.back() == '\n') hex.remove_suffix(1);
  if (hex.size() != FieldCipher::kKeyMaterialSize * 2) return FormatError(path);
  for (char c : hex) {
    // Only the lower-case form we write; a hand-edited file is suspect.
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return FormatError(path);
  }
  Result<std::string> material = FromHex(hex);
  if (!material.ok()) return FormatError(path);
  return material;
}

Result<std::string> ReadKeyFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError("无法打开个人信息密钥文件", path);
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    Status s = IoError("无法读取个人信息密钥文件属性", path);
    ::close(fd);
    return s;
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status(codes::kInvalid, "个人信息密钥文件不是普通文件：" + path);
  }
  if ((st.st_mode & 077) != 0) {
    ::close(fd);
    char mode[8];
    std::snprintf(mode, sizeof(mode), "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return Status(codes::kInvalid, "个人信息密钥文件权限过宽（" + std::string(mode) +
                                       "），组和其他用户不得有任何权限，应为0600：" + path);
  }
  if (st.st_size > static_cast<off_t>(kMaxKeyFileSize)) {
    ::close(fd);
    return FormatError(path);
  }
  std::string buf(kMaxKeyFileSize + 1, '\0');
  size_t got = 0;
  while (got < buf.size()) {
    ssize_t n = ::read(fd, buf.data() + got, buf.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status s = IoError("无法读取个人信息密钥文件", path);
      ::close(fd);
      Wipe(buf);
      return s;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  Result<std::string> material =
      got > kMaxKeyFileSize ? Result<std::string>(FormatError(path))
                            : ParseKeyFile(std::string_view(buf.data(), got), path);
  Wipe(buf);
  return material;
}

// Creates every missing directory on the way to dir with mode 0700.
Status MakeDirectories(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> missing;
  std::error_code ec;
  for (std::filesystem::path p = dir; !p.empty() && !std::filesystem::exists(p, ec);
       p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST) {
      return IoError("无法创建个人信息密钥目录", it->string());
    }
  }
  return Status::Ok();
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Writes fresh keys to a private temporary file in the same directory and
// links it into place, so the key file never exists half-written and a
// concurrent creator's file is never overwritten (link fails with EEXIST).
Status CreateKeyFile(const std::string& path) {
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (dir.empty()) dir = ".";
  FAZHI_RETURN_IF_ERROR(MakeDirectories(dir));
  std::string tmpl = (dir / ".fazhi-field-keys.XXXXXX").string();
  int fd = ::mkstemp(tmpl.data());  // mode 0600
  if (fd < 0) return IoError("无法创建个人信息密钥文件", path);
  std::string material = RandomBytes(FieldCipher::kKeyMaterialSize);
  std::string contents = std::string(kKeyFileHeader) + "\n" + ToHex(material) + "\n";
  Wipe(material);
  bool ok = ::fchmod(fd, 0600) == 0 && WriteAll(fd, contents) && ::fsync(fd) == 0;
  Wipe(contents);
  Status status;
  if (!ok) status = IoError("无法写入个人信息密钥文件", path);
  ::close(fd);
  if (status.ok() && ::link(tmpl.c_str(), path.c_str()) != 0 && errno != EEXIST) {
    status = IoError("无法创建个人信息密钥文件", path);
  }
  ::unlink(tmpl.c_str());
  if (status.ok()) {
    int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
      ::fsync(dir_fd);  // best effort: make the new name durable
      ::close(dir_fd);
    }
  }
  return status;
}

bool IsTrimmed(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

}  // namespace

Result<FieldCipher> FieldCipher::LoadOrCreate(const std::string& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) return IoError("无法访问个人信息密钥文件", path);
    FAZHI_RETURN_IF_ERROR(CreateKeyFile(path));
  }
  Result<std::string> material = ReadKeyFile(path);
  if (!material.ok()) return material.status();
  FieldCipher cipher(material.value());
  Wipe(material.value());
  return cipher;
}

Result<FieldCipher> FieldCipher::FromKeyMaterial(std::string_view key_material) {
  if (key_material.size() != kKeyMaterialSize) {
    return Status(codes::kInvalid, "个人信息密钥长度必须为64字节");
  }
  return FieldCipher(key_material);
}

FieldCipher::FieldCipher(std::string_view m) {
  std::memcpy(enc_key_.data(), m.data(), enc_key_.size());
  std::memcpy(mac_key_.data(), m.data() + 16, mac_key_.size());
  std::memcpy(index_key_.data(), m.data() + 32, index_key_.size());
}

FieldCipher::FieldCipher(FieldCipher&& other) noexcept
    : enc_key_(other.enc_key_), mac_key_(other.mac_key_), index_key_(other.index_key_) {
  other.Clear();
}

FieldCipher& FieldCipher::operator=(FieldCipher&& other) noexcept {
  if (this != &other) {
    enc_key_ = other.enc_key_;
    mac_key_ = other.mac_key_;
    index_key_ = other.index_key_;
    other.Clear();
  }
  return *this;
}

FieldCipher::~FieldCipher() { Clear(); }

void FieldCipher::Clear() {
  OPENSSL_cleanse(enc_key_.data(), enc_key_.size());
  OPENSSL_cleanse(mac_key_.data(), mac_key_.size());
  OPENSSL_cleanse(index_key_.data(), index_key_.size());
}

std::string FieldCipher::Encrypt(std::string_view plaintext) const {
  std::string iv = RandomBytes(kIvSize);
  // Key and iv sizes are fixed here, so the Result is always ok.
  std::string ct =
      Sm4CtrEncrypt(View(enc_key_.data(), enc_key_.size()), iv, plaintext).value();
  std::string raw;
  raw.reserve(1 + kIvSize + ct.size() + kTagSize);
  raw.push_back(static_cast<char>(kVersion));
  raw += iv;
  raw += ct;
  raw += HmacSm3(View(mac_key_.data(), mac_key_.size()), raw);
  return Base64Encode(raw);
}

Result<std::string> FieldCipher::Decrypt(std::string_view token) const {
  Result<std::string> raw = Base64Decode(token);
  if (!raw.ok() || raw->size() < kMinTokenBytes) return IntegrityError();
  std::string_view bytes = raw.value();
  if (static_cast<unsigned char>(bytes[0]) != kVersion) return IntegrityError();
  std::string_view signed_part = bytes.substr(0, bytes.size() - kTagSize);
  std::string_view tag = bytes.substr(bytes.size() - kTagSize);
  if (!ConstantTimeEquals(HmacSm3(View(mac_key_.data(), mac_key_.size()), signed_part), tag)) {
    return IntegrityError();
  }
  std::string_view iv = signed_part.substr(1, kIvSize);
  std::string_view ct = signed_part.substr(1 + kIvSize);
  return Sm4CtrDecrypt(View(enc_key_.data(), enc_key_.size()), iv, ct);
}

std::string FieldCipher::NormalizeForIndex(std::string_view value) {
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  for (bool changed = true; changed;) {
    changed = false;
    while (!value.empty() && IsTrimmed(static_cast<unsigned char>(value.front()))) {
      value.remove_prefix(1);
      changed = true;
    }
    while (!value.empty() && IsTrimmed(static_cast<unsigned char>(value.back()))) {
      value.remove_suffix(1);
      changed = true;
    }
    if (value.substr(0, kIdeographicSpace.size()) == kIdeographicSpace) {
      value.remove_prefix(kIdeographicSpace.size());
      changed = true;
    }
    if (value.size() >= kIdeographicSpace.size() &&
        value.substr(value.size() - kIdeographicSpace.size()) == kIdeographicSpace) {
      value.remove_suffix(kIdeographicSpace.size());
      changed = true;
    }
  }
  std::string out(value);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string FieldCipher::BlindIndex(std::string_view value) const {
  std::string normalized = NormalizeForIndex(value);
  std::string index = ToHex(HmacSm3(View(index_key_.data(), index_key_.size()), normalized));
  Wipe(normalized);
  return index;
}

}  // namespace fazhi
