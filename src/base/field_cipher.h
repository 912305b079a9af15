// FieldCipher: encryption at rest for personal data (ID numbers, phones,
// addresses) stored in ordinary database columns, plus a blind index for
// exact-match lookup. Design: ARCHITECTURE.md §5.
//
// Token format (what Encrypt returns and the database stores):
//   Base64( version(1) ‖ iv(16) ‖ SM4-CTR(enc_key, iv, plaintext) ‖ tag(32) )
//   tag = HMAC-SM3(mac_key, version ‖ iv ‖ ciphertext)   (encrypt-then-MAC)
// version is 0x01. Standard Base64 alphabet with '=' padding, so a token is
// printable ASCII, 4*ceil((49 + n)/3) characters for an n-byte plaintext. A
// fresh random iv per call makes equal plaintexts encrypt differently.
//
// Key file (kept outside the database and its backups; 0600; all app nodes
// sharing one database must use the same file):
//   line 1: "fazhi-field-keys-v1"
//   line 2: 128 lower-case hex digits = 64 bytes of key material:
//           bytes 0..15 SM4 key, 16..31 HMAC-SM3 key, 32..63 blind-index key
// followed by an optional final newline. Nothing else is accepted. Losing
// this file makes every encrypted value unreadable: back it up separately.
//
// Thread-safe: all methods are const. Key material is wiped on destruction.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"

namespace fazhi {

class FieldCipher {
 public:
  static constexpr size_t kKeyMaterialSize = 64;
  static constexpr unsigned char kVersion = 0x01;
  // Status code of every Decrypt failure (tampered, truncated, wrong key).
  static constexpr const char* kIntegrityError = "integrity_error";

  // Loads the key file at path. If no file exists there, creates its missing
  // directories (mode 0700) and the file (mode 0600) with fresh random keys,
  // atomically: concurrent callers end up with the same keys. Errors: the
  // file is not a regular file, grants any group/other permission, or is not
  // exactly in the format above; or an I/O failure (code io_error).
  static Result<FieldCipher> LoadOrCreate(const std::string& path);

  // Builds a cipher from 64 raw bytes laid out as in the key file (for tests
  // and for keys delivered by other means). Errors: wrong length.
  static Result<FieldCipher> FromKeyMaterial(std::string_view key_material);

  FieldCipher(const FieldCipher&) = delete;
  FieldCipher& operator=(const FieldCipher&) = delete;
  FieldCipher(FieldCipher&& other) noexcept;
  FieldCipher& operator=(FieldCipher&& other) noexcept;
  ~FieldCipher();

  // Returns the token for plaintext (any bytes, including empty).
  std::string Encrypt(std::string_view plaintext) const;

  // Returns the plaintext of a token made by Encrypt with the same keys.
  // Any change to the token, or a different key, gives kIntegrityError; the
  // tag is compared in constant time and nothing is decrypted before it
  // verifies.
  Result<std::string> Decrypt(std::string_view token) const;

  // Lower-case hex (64 chars) of HMAC-SM3(index_key, NormalizeForIndex(value)).
  // Equal for values equal after normalisation, unlinkable without the key.
  std::string BlindIndex(std::string_view value) const;

  // Trims ASCII whitespace and the ideographic space U+3000 at both ends and
  // upper-cases ASCII letters (so "11010519491231002x " indexes like
  // "11010519491231002X"). Other bytes are left as they are.
  static std::string NormalizeForIndex(std::string_view value);

 private:
  explicit FieldCipher(std::string_view key_material);
  void Clear();

  std::array<unsigned char, 16> enc_key_{};
  std::array<unsigned char, 16> mac_key_{};
  std::array<unsigned char, 32> index_key_{};
};

}  // namespace fazhi
