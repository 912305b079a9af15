#include "engine/attachment_type.h"

namespace fazhi::engine {
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

void AttachmentTypeSniffer::Update(std::string_view data) {
  if (head_.size() < kHeadSize) head_.append(data.substr(0, kHeadSize - head_.size()));
  size_ += data.size();
  if (!text_) return;
  for (char c : data) {
    CheckText(static_cast<unsigned char>(c));
    if (!text_) return;
  }
}

void AttachmentTypeSniffer::CheckText(unsigned char ch) {
  if (pending_ > 0) {
    if ((ch >> 6) != 2) {
      text_ = false;
      return;
    }
    code_point_ = (code_point_ << 6) | (ch & 0x3F);
    // An overlong form (a shorter sequence would do) is not well-formed.
    if (--pending_ == 0 && code_point_ < min_code_point_) text_ = false;
    return;
  }
  if (ch < 0x20) {
    text_ = ch == '\n' || ch == '\r' || ch == '\t';
    return;
  }
  if (ch < 0x80) return;  // ASCII
  // A lead byte: 110xxxxx, 1110xxxx or 11110xxx starts 1, 2 or 3 continuations.
  int continuations = 0;
  if ((ch >> 5) == 6) {
    continuations = 1;
  } else if ((ch >> 4) == 14) {
    continuations = 2;
  } else if ((ch >> 3) == 30) {
    continuations = 3;
  } else {
    text_ = false;  // a stray continuation byte or 0xF8–0xFF
    return;
  }
  static constexpr uint32_t kSmallest[] = {0, 0x80, 0x800, 0x10000};
  pending_ = continuations;
  min_code_point_ = kSmallest[continuations];
  code_point_ = ch & (0x3F >> continuations);
}

std::string AttachmentTypeSniffer::Type(const std::string& name) const {
  auto starts = [&](std::string_view magic) {
    return head_.size() >= magic.size() && head_.compare(0, magic.size(), magic) == 0;
  };
  if (starts("%PDF-")) return "application/pdf";
  if (starts("\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts("\xFF\xD8\xFF")) return "image/jpeg";
  if (starts("PK\x03\x04")) {
    if (EndsWith(name, ".docx")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (EndsWith(name, ".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (EndsWith(name, ".ofd")) return "application/ofd";
    return "application/zip";
  }
  if (starts("\xD0\xCF\x11\xE0")) return "application/msword";
  // A sequence cut off at the end is not well-formed either.
  if (size_ > 0 && text_ && pending_ == 0) return "text/plain; charset=utf-8";
  return "";
}

std::string SniffAttachmentType(std::string_view content, const std::string& file_name) {
  AttachmentTypeSniffer sniffer;
  sniffer.Update(content);
  return sniffer.Type(file_name);
}

}  // namespace fazhi::engine
