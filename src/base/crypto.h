// Crypto primitives over OpenSSL 3 EVP: SM3 hash, HMAC-SM3, HMAC-SHA1 (for
// TOTP), SM4-CTR, incremental SHA-256 (content addresses), a CSPRNG, and the text encodings the rest of fazhi needs
// (hex, RFC 4648 Base32 and Base64).
//
// Contract:
// - Byte strings travel as std::string / std::string_view holding raw bytes.
// - Functions whose inputs callers can get wrong (key sizes, malformed text)
//   return Result with code invalid_argument. Functions that can only fail when
//   OpenSSL itself is broken (SM3 missing from the provider, the RNG cannot
//   seed) abort the process instead: continuing with a wrong hash or
//   predictable randomness would be worse than stopping.
// - All functions are thread-safe and keep no state between calls.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX
struct evp_md_st;      // OpenSSL's EVP_MD

namespace fazhi {

inline constexpr size_t kSm3Size = 32;       // SM3 digest length (bytes)
inline constexpr size_t kSm4KeySize = 16;    // SM4 key length (bytes)
inline constexpr size_t kSm4BlockSize = 16;  // SM4 block and CTR IV length

// SM3 digest (GB/T 32905) of data: 32 raw bytes.
std::string Sm3(std::string_view data);

// Sm3 with the implementation looked up once, when constructed (OpenSSL 3
// looks it up in its provider on every Sm3 call): for a hash on every
// request. Hash is thread-safe; the same digest as Sm3.
class Sm3Hasher {
 public:
  Sm3Hasher();
  ~Sm3Hasher();
  Sm3Hasher(const Sm3Hasher&) = delete;
  Sm3Hasher& operator=(const Sm3Hasher&) = delete;

  std::string Hash(std::string_view data) const;

 private:
  evp_md_st* md_;
};

// SHA-256 (FIPS 180-4) over data fed in pieces, for files hashed while they
// are read. Update any number of times, then Finish once (32 raw bytes); the
// object is spent afterwards. One object per stream, not shared by threads.
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  Sha256Stream(const Sha256Stream&) = delete;
  Sha256Stream& operator=(const Sha256Stream&) = delete;

  void Update(std::string_view data);
  std::string Finish();

 private:
  evp_md_ctx_st* ctx_;
};

// HMAC (RFC 2104) with SM3; any key length. 32 raw bytes.
std::string HmacSm3(std::string_view key, std::string_view data);

// HMAC with SHA-1; any key length. 20 raw bytes. Only for HOTP/TOTP, which
// the authenticator apps fix to SHA-1.
std::string HmacSha1(std::string_view key, std::string_view data);

// SM4 (GB/T 32907) in CTR mode; iv is the initial 128-bit counter block,
// incremented as a big-endian 128-bit integer. Output length == input length.
// Encrypt and decrypt are the same operation. Errors: key or iv not 16 bytes.
// Never reuse an (key, iv) pair: use RandomBytes(16) for each message.
Result<std::string> Sm4CtrEncrypt(std::string_view key, std::string_view iv,
                                  std::string_view data);
Result<std::string> Sm4CtrDecrypt(std::string_view key, std::string_view iv,
                                  std::string_view data);

// One SM4 block in ECB mode (exposed for known-answer tests of the cipher).
// Errors: key or block not 16 bytes.
Result<std::string> Sm4EncryptBlock(std::string_view key, std::string_view block);

// n bytes from OpenSSL's CSPRNG (RAND_bytes).
std::string RandomBytes(size_t n);

// Lower-case hex. FromHex accepts either case; errors on odd length or a
// non-hex character.
std::string ToHex(std::string_view bytes);
Result<std::string> FromHex(std::string_view hex);

// Compares contents in time independent of where they differ (the length
// itself is not secret). False when the lengths differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// RFC 4648 Base32, upper-case alphabet A-Z2-7, no '=' padding (the form
// authenticator apps expect). Base32Decode is case-insensitive, ignores
// spaces and a trailing '=' padding, and errors on other characters or on an
// impossible length.
std::string Base32Encode(std::string_view bytes);
Result<std::string> Base32Decode(std::string_view text);

// RFC 4648 Base64 with the standard alphabet and '=' padding, no line breaks.
// Base64Decode is strict: only the canonical encoding is accepted.
std::string Base64Encode(std::string_view bytes);
Result<std::string> Base64Decode(std::string_view text);

// Overwrites the string's bytes with zeros (OPENSSL_cleanse, which the
// compiler may not elide) and clears it. Use on temporaries holding secrets.
void Wipe(std::string& secret);

}  // namespace fazhi
