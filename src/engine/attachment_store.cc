#include "engine/attachment_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "base/crypto.h"
#include "engine/attachment_type.h"

namespace fazhi::engine {
namespace fs = std::filesystem;

namespace {

constexpr size_t kChunk = 64 * 1024;

Status IoError(const std::string& what, const std::string& path) {
  return Status(codes::kIo, what + " " + path + ": " + std::strerror(errno));
}

// fsync of a file or directory by path.
bool SyncPath(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

Result<ScannedFile> ScanFile(const std::string& path, const std::string& file_name) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError("cannot open", path);
  Sha256Stream digest;
  AttachmentTypeSniffer sniffer;
  ScannedFile out;
  std::vector<char> buffer(kChunk);
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status st = IoError("cannot read", path);
      ::close(fd);
      return st;
    }
    if (n == 0) break;
    const std::string_view piece(buffer.data(), static_cast<size_t>(n));
    digest.Update(piece);
    sniffer.Update(piece);
    out.size += static_cast<uint64_t>(n);
  }
  ::close(fd);
  out.sha256 = ToHex(digest.Finish());
  out.content_type = sniffer.Type(file_name);
  return out;
}

AttachmentStore::AttachmentStore(std::string dir, RenameFn rename_fn)
    : dir_(std::move(dir)), rename_(rename_fn ? std::move(rename_fn) : RenameFn(::rename)) {}

std::string AttachmentStore::PathOf(const std::string& sha256) const {
  return (fs::path(dir_) / sha256.substr(0, 2) / sha256).string();
}

Result<AttachmentStore::Placement> AttachmentStore::Place(const std::string& source,
                                                          const std::string& sha256) {
  if (sha256.size() != 64) return Status(codes::kInvalid, "bad digest");
  Placement placement(this, sha256, false);  // unpinned when it goes, lock not held
  Status st = PlacePinned(source, &placement);
  if (!st.ok()) return st;
  return placement;
}

Status AttachmentStore::PlacePinned(const std::string& source, Placement* placement) {
  const std::string target = PathOf(placement->sha256_);
  const std::string parent = fs::path(target).parent_path().string();
  std::error_code ec;
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++pins_[placement->sha256_];
    if (fs::exists(target, ec)) return Status::Ok();
  }
  fs::create_directories(parent, ec);
  if (ec) return Status(codes::kIo, "cannot create " + parent + ": " + ec.message());
  // The data must be on disk before the name that promises it is.
  if (!SyncPath(source, false)) return IoError("cannot fsync", source);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (fs::exists(target, ec)) return Status::Ok();
    if (rename_(source.c_str(), target.c_str()) == 0) return Publish(target, placement);
  }
  // Another filesystem (or a source we may not move): copy beside the target,
  // fsync, then rename within the store's own directory.
  const std::string tmp = target + ".tmp-" + ToHex(RandomBytes(6));
  fs::copy_file(source, tmp, ec);
  if (ec || !SyncPath(tmp, false)) {
    Status st(codes::kIo, "cannot copy " + source + " to " + tmp + (ec ? ": " + ec.message() : ""));
    fs::remove(tmp, ec);
    return st;
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (fs::exists(target, ec)) {
    fs::remove(tmp, ec);
    return Status::Ok();
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    Status st = IoError("cannot rename into", target);
    fs::remove(tmp, ec);
    return st;
  }
  return Publish(target, placement);
}

Status AttachmentStore::Publish(const std::string& target, Placement* placement) {
  const std::string parent = fs::path(target).parent_path().string();
  if (!SyncPath(parent, true)) {
    Status st = IoError("cannot fsync", parent);
    std::error_code ec;
    // Nobody else holds this content yet (they would wait for mu_): take it back.
    if (pins_[placement->sha256_] == 1) fs::remove(target, ec);
    return st;
  }
  placement->created_ = true;
  return Status::Ok();
}

void AttachmentStore::Unpin(const std::string& sha256, bool remove_if_unused,
                            const std::function<bool()>& referenced) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = pins_.find(sha256);
  if (it == pins_.end()) return;
  if (remove_if_unused && it->second == 1 && !(referenced && referenced())) {
    std::error_code ec;
    fs::remove(PathOf(sha256), ec);
  }
  if (--it->second == 0) pins_.erase(it);
}

AttachmentStore::Placement::Placement(Placement&& other) noexcept
    : store_(other.store_), sha256_(std::move(other.sha256_)), created_(other.created_) {
  other.store_ = nullptr;
}

AttachmentStore::Placement::~Placement() {
  if (store_) store_->Unpin(sha256_, false, nullptr);
}

void AttachmentStore::Placement::Discard(const std::function<bool()>& referenced) {
  if (!store_) return;
  store_->Unpin(sha256_, created_, referenced);
  store_ = nullptr;
}

}  // namespace fazhi::engine
