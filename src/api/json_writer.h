// JsonWriter: JSON text written straight into a string. For responses made
// of many rows (lists, timelines, the matter view), where building a
// nlohmann::json tree per row and dumping it costs more than the queries
// behind it. Strings are escaped as nlohmann's dump() escapes them (so the
// text is the same), with invalid UTF-8 replaced by U+FFFD as JsonResponse
// does. The writer puts the commas; callers say what comes in which order.
//
// The text grows in a buffer that is enlarged ahead of each value (a value
// of n bytes takes at most 6n + 2 escaped), so the small pieces that make up
// a row are copied without a check per byte or per call.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "api/json.h"

namespace fazhi::api {

class JsonWriter {
 public:
  // `reserve`: the expected length of the text, allocated up front.
  explicit JsonWriter(size_t reserve = 1024) { buf_.resize(reserve < 64 ? 64 : reserve); }

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  JsonWriter& Key(std::string_view key);
  // A key written in the code (a string literal): copied as it is, so it
  // must not need escaping.
  template <size_t N>
  JsonWriter& Key(const char (&key)[N]) {
    Ensure(N + 2);
    BeforeValue();
    Put('"');
    Copy(key, N - 1);
    Put('"');
    Put(':');
    after_key_ = true;
    return *this;
  }
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t v);
  // An integer as a JSON string ("123"): how ids travel.
  JsonWriter& IntString(int64_t v);
  JsonWriter& Bool(bool b);
  JsonWriter& Null();
  // A nlohmann value, dumped in place.
  JsonWriter& Value(const Json& j);
  // JSON text that is known to be one valid value, copied as it is.
  JsonWriter& Raw(std::string_view json);
  // A value written in three parts: the start of it, as text that ends where
  // a value must follow (after a key: no comma goes before that value), the
  // value written as usual, then RawRest: the text that completes it, copied
  // as it is.
  JsonWriter& RawUntilValue(std::string_view json) {
    Raw(json);
    after_key_ = true;
    return *this;
  }
  JsonWriter& RawRest(std::string_view json) {
    Ensure(json.size());
    Copy(json.data(), json.size());
    return *this;
  }

  // Key(k) followed by the value.
  JsonWriter& Field(std::string_view key, std::string_view s) { return Key(key).String(s); }
  JsonWriter& Field(std::string_view key, const char* s) { return Key(key).String(s); }
  JsonWriter& Field(std::string_view key, int64_t v) { return Key(key).Int(v); }
  JsonWriter& Field(std::string_view key, int v) { return Key(key).Int(v); }
  JsonWriter& Field(std::string_view key, bool b) { return Key(key).Bool(b); }
  // The same with a literal key (see Key).
  template <size_t N>
  JsonWriter& Field(const char (&key)[N], std::string_view s) { return Key(key).String(s); }
  template <size_t N>
  JsonWriter& Field(const char (&key)[N], const char* s) { return Key(key).String(s); }
  template <size_t N>
  JsonWriter& Field(const char (&key)[N], int64_t v) { return Key(key).Int(v); }
  template <size_t N>
  JsonWriter& Field(const char (&key)[N], int v) { return Key(key).Int(v); }
  template <size_t N>
  JsonWriter& Field(const char (&key)[N], bool b) { return Key(key).Bool(b); }

  std::string_view text() const { return {buf_.data(), len_}; }
  std::string Take() {
    buf_.resize(len_);
    len_ = 0;
    return std::move(buf_);
  }

 private:
  // Commas between the members of the innermost open object or array.
  void BeforeValue() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!has_items_.empty()) {
      if (has_items_.back()) Put(',');
      has_items_.back() = 1;
    }
  }
  // Room for n more bytes (and the comma BeforeValue may still put).
  void Ensure(size_t n) {
    if (len_ + n + 1 > buf_.size()) Grow(n + 1);
  }
  void Grow(size_t n);
  void Put(char c) { buf_[len_++] = c; }
  void Copy(const char* p, size_t n) {
    std::memcpy(&buf_[len_], p, n);
    len_ += n;
  }
  JsonWriter& Open(char c) {
    Ensure(2);
    BeforeValue();
    Put(c);
    has_items_.push_back(0);
    return *this;
  }
  JsonWriter& Close(char c) {
    Ensure(1);
    Put(c);
    has_items_.pop_back();
    return *this;
  }
  // Writes s escaped with its quotes; room for 6 * s.size() + 2 is ensured.
  void Escaped(std::string_view s);

  std::string buf_;  // the text is buf_[0, len_); the rest is room
  size_t len_ = 0;
  std::vector<unsigned char> has_items_;  // per open object/array: something written
  bool after_key_ = false;
};

// Appends s as a JSON string literal (quotes included).
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace fazhi::api
