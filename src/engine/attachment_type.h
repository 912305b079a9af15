// AttachmentTypeSniffer: decides an upload's content type from its bytes,
// never from what the client claims. Fed in pieces, so a file is checked while
// it is read from disk without holding it in memory.
//
// Accepted: PDF, PNG, JPEG (magic bytes at the start); ZIP containers
// (reported as DOCX, XLSX or OFD by the file name's extension, otherwise as
// ZIP); legacy Office (OLE2); and plain text, i.e. non-empty, well-formed
// UTF-8 (shortest forms only) without control bytes other than \t \n \r.
// Pure; one object per file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fazhi::engine {

class AttachmentTypeSniffer {
 public:
  void Update(std::string_view data);
  // The content type of everything fed so far, or "" when it is not accepted.
  std::string Type(const std::string& file_name) const;

 private:
  void CheckText(unsigned char ch);

  static constexpr size_t kHeadSize = 8;  // the longest magic (PNG)
  std::string head_;                      // the first kHeadSize bytes
  uint64_t size_ = 0;
  // Plain-text check: still possible, the code point being assembled, the
  // continuation bytes it still needs and its smallest value in this length.
  bool text_ = true;
  uint32_t code_point_ = 0;
  int pending_ = 0;
  uint32_t min_code_point_ = 0;
};

// The type of a whole file in memory (one Update, then Type).
std::string SniffAttachmentType(std::string_view content, const std::string& file_name);

}  // namespace fazhi::engine
