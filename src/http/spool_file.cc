#include "http/spool_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/crypto.h"

namespace fazhi::http {
namespace fs = std::filesystem;

namespace {
constexpr const char* kPrefix = "upload-";
}  // namespace

Result<SpoolFile> SpoolFile::Create(const std::string& dir) {
  const std::string path = (fs::path(dir) / (kPrefix + ToHex(RandomBytes(12)))).string();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Status(codes::kIo, "无法在 " + dir + " 创建上传暂存文件: " + std::strerror(errno));
  return SpoolFile(path, fd);
}

SpoolFile::SpoolFile(SpoolFile&& other) noexcept : path_(std::move(other.path_)), fd_(other.fd_) {
  other.path_.clear();
  other.fd_ = -1;
}

SpoolFile::~SpoolFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!path_.empty()) ::unlink(path_.c_str());
}

int SpoolFile::ReleaseFd() {
  const int fd = fd_;
  fd_ = -1;
  return fd;
}

std::string PrepareSpoolDir(const std::string& dir, std::chrono::seconds stale_after) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return "无法创建上传暂存目录 " + dir + ": " + ec.message();
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) return "无法设置上传暂存目录权限 " + dir + ": " + ec.message();
  const auto cutoff = fs::file_time_type::clock::now() - stale_after;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().rfind(kPrefix, 0) != 0) continue;
    std::error_code entry_ec;
    const bool regular = it->is_regular_file(entry_ec);
    const auto written = it->last_write_time(entry_ec);
    if (!entry_ec && regular && written < cutoff) fs::remove(it->path(), entry_ec);
  }
  if (ec) return "无法读取上传暂存目录 " + dir + ": " + ec.message();
  return "";
}

}  // namespace fazhi::http
