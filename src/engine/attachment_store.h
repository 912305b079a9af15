// AttachmentStore: the content-addressed files behind attachments, under the
// --attachments directory: DIR/<first two hex digits>/<SHA-256 hex>. The same
// bytes are stored once; a stored file is complete (it appears by rename
// after fsync) and never changes.
//
// Files arrive on disk (an upload spooled by the HTTP server) and are never
// held in memory: Scan reads one in chunks, Place moves it into the store.
// Thread-safe: uploads of the same content may run concurrently, and a
// Placement that is discarded (its database write failed) never removes a
// file another upload or a stored row relies on.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "base/result.h"

namespace fazhi::engine {

struct ScannedFile {
  std::string sha256;        // lower-case hex, as stored in attachments.sha256
  uint64_t size = 0;
  std::string content_type;  // "" when the content is not an accepted type
};

// Reads the file at path once, in chunks: its digest, size and content type
// (AttachmentTypeSniffer; file_name picks DOCX/XLSX/OFD for ZIP containers).
// Errors: io_error.
Result<ScannedFile> ScanFile(const std::string& path, const std::string& file_name);

class AttachmentStore {
 public:
  // rename(2) by default; tests pass one that fails to exercise the copy.
  using RenameFn = std::function<int(const char* from, const char* to)>;
  explicit AttachmentStore(std::string dir, RenameFn rename_fn = nullptr);

  class Placement;
  // Puts the file at source, whose digest is sha256 (from ScanFile), into the
  // store: fsync then rename, or, when rename fails (another filesystem), a
  // copy that is fsynced and renamed into place. When the content is already
  // stored, source is left where it is. The caller removes whatever remains
  // at source. Errors: io_error (nothing is left in the store).
  Result<Placement> Place(const std::string& source, const std::string& sha256);

  std::string PathOf(const std::string& sha256) const;

 private:
  // REQUIRES: mu_ not held. Pins the placement's digest, then places.
  Status PlacePinned(const std::string& source, Placement* placement);
  // REQUIRES: mu_ held; target was just renamed into place for placement.
  Status Publish(const std::string& target, Placement* placement);
  void Unpin(const std::string& sha256, bool remove_if_unused,
             const std::function<bool()>& referenced);

  std::string dir_;
  RenameFn rename_;
  std::mutex mu_;
  std::map<std::string, int> pins_;  // digest → placements alive; GUARDED_BY(mu_)
};

// A file put into the store for one upload, pinned while the upload's
// database write runs. Destroying it keeps the file; Discard removes it if
// this placement created it, no other placement of the same content is alive
// and referenced() (asked under the store's lock) says no stored row names it.
class AttachmentStore::Placement {
 public:
  Placement(Placement&& other) noexcept;
  Placement& operator=(Placement&&) = delete;
  ~Placement();
  bool created() const { return created_; }
  void Discard(const std::function<bool()>& referenced);

 private:
  friend class AttachmentStore;
  Placement(AttachmentStore* store, std::string sha256, bool created)
      : store_(store), sha256_(std::move(sha256)), created_(created) {}
  AttachmentStore* store_;
  std::string sha256_;
  bool created_;
};

}  // namespace fazhi::engine
