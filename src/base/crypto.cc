#include "base/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace fazhi {
namespace {

[[noreturn]] void CryptoFailure(const char* what) {
  std::fprintf(stderr, "fazhi: fatal OpenSSL failure in %s\n", what);
  std::abort();
}

const unsigned char* Bytes(std::string_view s) {
  // EVP treats a null key pointer as "keep the previous key"; an empty view
  // may have a null data(), so point empty inputs at a real (unused) byte.
  static const unsigned char kEmpty = 0;
  return s.empty() ? &kEmpty : reinterpret_cast<const unsigned char*>(s.data());
}

std::string Hmac(const char* digest, size_t out_size, std::string_view key,
                 std::string_view data) {
  std::string out(out_size, '\0');
  size_t out_len = 0;
  unsigned char* result =
      EVP_Q_mac(nullptr, "HMAC", nullptr, digest, nullptr, Bytes(key), key.size(),
                Bytes(data), data.size(), reinterpret_cast<unsigned char*>(out.data()),
                out.size(), &out_len);
  if (result == nullptr || out_len != out_size) CryptoFailure("HMAC");
  return out;
}

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

// Runs a keyed SM4 cipher without padding over data. Length checks are the
// caller's; any failure here is OpenSSL's.
std::string RunSm4(const EVP_CIPHER* cipher, std::string_view key, std::string_view iv,
                   std::string_view data) {
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  if (!ctx || cipher == nullptr) CryptoFailure("SM4 init");
  if (EVP_EncryptInit_ex(ctx.get(), cipher, nullptr, Bytes(key),
                         iv.empty() ? nullptr : Bytes(iv)) != 1 ||
      EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1) {
    CryptoFailure("SM4 init");
  }
  std::string out(data.size(), '\0');
  size_t done = 0;
  // EVP takes int lengths: feed large inputs in chunks.
  constexpr size_t kChunk = size_t{1} << 30;
  while (done < data.size()) {
    int in_len = static_cast<int>(std::min(kChunk, data.size() - done));
    int out_len = 0;
    if (EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + done,
                          &out_len, Bytes(data) + done, in_len) != 1 ||
        out_len != in_len) {
      CryptoFailure("SM4 update");
    }
    done += static_cast<size_t>(in_len);
  }
  unsigned char tail[kSm4BlockSize];
  int tail_len = 0;
  if (EVP_EncryptFinal_ex(ctx.get(), tail, &tail_len) != 1 || tail_len != 0) {
    CryptoFailure("SM4 final");
  }
  return out;
}

Status BadLength(const char* what, size_t want) {
  return Status(codes::kInvalid, std::string(what) + "长度必须为" + std::to_string(want) + "字节");
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr char kBase32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int Base32Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '2' && c <= '7') return c - '2' + 26;
  return -1;
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::string Sm3(std::string_view data) {
  std::string out(kSm3Size, '\0');
  unsigned int out_len = 0;
  if (EVP_Digest(Bytes(data), data.size(), reinterpret_cast<unsigned char*>(out.data()),
                 &out_len, EVP_sm3(), nullptr) != 1 ||
      out_len != kSm3Size) {
    CryptoFailure("SM3");
  }
  return out;
}

Sm3Hasher::Sm3Hasher() : md_(EVP_MD_fetch(nullptr, "SM3", nullptr)) {
  if (md_ == nullptr) CryptoFailure("SM3 fetch");
}

Sm3Hasher::~Sm3Hasher() { EVP_MD_free(md_); }

std::string Sm3Hasher::Hash(std::string_view data) const {
  std::string out(kSm3Size, '\0');
  unsigned int out_len = 0;
  if (EVP_Digest(Bytes(data), data.size(), reinterpret_cast<unsigned char*>(out.data()), &out_len, md_,
                 nullptr) != 1 ||
      out_len != kSm3Size) {
    CryptoFailure("SM3");
  }
  return out;
}

Sha256Stream::Sha256Stream() : ctx_(EVP_MD_CTX_new()) {
  if (ctx_ == nullptr || EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr) != 1)
    CryptoFailure("SHA-256 init");
}

Sha256Stream::~Sha256Stream() { EVP_MD_CTX_free(ctx_); }

void Sha256Stream::Update(std::string_view data) {
  if (data.empty()) return;
  if (EVP_DigestUpdate(ctx_, data.data(), data.size()) != 1) CryptoFailure("SHA-256 update");
}

std::string Sha256Stream::Finish() {
  std::string out(EVP_MAX_MD_SIZE, '\0');
  unsigned int out_len = 0;
  if (EVP_DigestFinal_ex(ctx_, reinterpret_cast<unsigned char*>(out.data()), &out_len) != 1)
    CryptoFailure("SHA-256 final");
  out.resize(out_len);
  return out;
}

std::string HmacSm3(std::string_view key, std::string_view data) {
  return Hmac("SM3", kSm3Size, key, data);
}

std::string HmacSha1(std::string_view key, std::string_view data) {
  return Hmac("SHA1", 20, key, data);
}

Result<std::string> Sm4CtrEncrypt(std::string_view key, std::string_view iv,
                                  std::string_view data) {
  if (key.size() != kSm4KeySize) return BadLength("SM4密钥", kSm4KeySize);
  if (iv.size() != kSm4BlockSize) return BadLength("SM4初始向量", kSm4BlockSize);
  return RunSm4(EVP_sm4_ctr(), key, iv, data);
}

Result<std::string> Sm4CtrDecrypt(std::string_view key, std::string_view iv,
                                  std::string_view data) {
  return Sm4CtrEncrypt(key, iv, data);
}

Result<std::string> Sm4EncryptBlock(std::string_view key, std::string_view block) {
  if (key.size() != kSm4KeySize) return BadLength("SM4密钥", kSm4KeySize);
  if (block.size() != kSm4BlockSize) return BadLength("SM4分组", kSm4BlockSize);
  return RunSm4(EVP_sm4_ecb(), key, {}, block);
}

std::string RandomBytes(size_t n) {
  std::string out(n, '\0');
  if (n > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()),
                          static_cast<int>(n)) != 1) {
    CryptoFailure("RAND_bytes");
  }
  return out;
}

std::string ToHex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0x0F]);
  }
  return out;
}

Result<std::string> FromHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return Status(codes::kInvalid, "十六进制串长度必须为偶数");
  std::string out;
  out.reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = HexValue(hex[i]);
    int lo = HexValue(hex[i + 1]);
    if (hi < 0 || lo < 0) return Status(codes::kInvalid, "十六进制串含有非法字符");
    out.push_back(static_cast<char>((hi << 4) | lo));
  }
  return out;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string Base32Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 8 + 4) / 5);
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kBase32Alphabet[(buffer >> (bits - 5)) & 0x1F]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kBase32Alphabet[(buffer << (5 - bits)) & 0x1F]);
  return out;
}

Result<std::string> Base32Decode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  size_t chars = 0;
  for (char c : text) {
    if (c == ' ') continue;
    int v = Base32Value(c);
    if (v < 0) return Status(codes::kInvalid, "Base32串含有非法字符");
    buffer = (buffer << 5) | static_cast<uint32_t>(v);
    bits += 5;
    ++chars;
    if (bits >= 8) {
      out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  // A final group of 1, 3 or 6 characters cannot come from whole bytes.
  size_t rem = chars % 8;
  if (rem == 1 || rem == 3 || rem == 6) return Status(codes::kInvalid, "Base32串长度不正确");
  return out;
}

std::string Base64Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  auto at = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(bytes[k])); };
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t v = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    out.push_back(kBase64Alphabet[(v >> 18) & 0x3F]);
    out.push_back(kBase64Alphabet[(v >> 12) & 0x3F]);
    out.push_back(kBase64Alphabet[(v >> 6) & 0x3F]);
    out.push_back(kBase64Alphabet[v & 0x3F]);
  }
  size_t rest = bytes.size() - i;
  if (rest == 1) {
    uint32_t v = at(i) << 16;
    out.push_back(kBase64Alphabet[(v >> 18) & 0x3F]);
    out.push_back(kBase64Alphabet[(v >> 12) & 0x3F]);
    out.append("==");
  } else if (rest == 2) {
    uint32_t v = (at(i) << 16) | (at(i + 1) << 8);
    out.push_back(kBase64Alphabet[(v >> 18) & 0x3F]);
    out.push_back(kBase64Alphabet[(v >> 12) & 0x3F]);
    out.push_back(kBase64Alphabet[(v >> 6) & 0x3F]);
    out.push_back('=');
  }
  return out;
}

Result<std::string> Base64Decode(std::string_view text) {
  const Status bad(codes::kInvalid, "Base64串格式不正确");
  if (text.size() % 4 != 0) return bad;
  size_t pad = 0;
  if (!text.empty() && text.back() == '=') ++pad;
  if (text.size() >= 2 && text[text.size() - 2] == '=') ++pad;
  if (pad == 1 && text.back() != '=') return bad;
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (size_t i = 0; i < text.size(); i += 4) {
    bool last = i + 4 == text.size();
    size_t data_chars = last ? 4 - pad : 4;
    uint32_t v = 0;
    for (size_t k = 0; k < 4; ++k) {
      int d = 0;
      if (k < data_chars) {
        d = Base64Value(text[i + k]);
        if (d < 0) return bad;
      }
      v = (v << 6) | static_cast<uint32_t>(d);
    }
    out.push_back(static_cast<char>((v >> 16) & 0xFF));
    if (data_chars >= 3) out.push_back(static_cast<char>((v >> 8) & 0xFF));
    if (data_chars == 4) out.push_back(static_cast<char>(v & 0xFF));
    // Canonical form: the bits below the last whole byte must be zero.
    if ((data_chars == 2 && (v & 0xFFFF) != 0) || (data_chars == 3 && (v & 0xFF) != 0)) {
      return bad;
    }
  }
  return out;
}

void Wipe(std::string& secret) {
  if (!secret.empty()) OPENSSL_cleanse(secret.data(), secret.size());
  secret.clear();
}

}  // namespace fazhi
