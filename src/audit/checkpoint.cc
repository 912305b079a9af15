#include "audit/checkpoint.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "base/crypto.h"

namespace fazhi::audit {
namespace {

constexpr size_t kMaxFileSize = 4096;  // a valid file is < 100 bytes

Status IoError(const std::string& what, const std::string& path, int err) {
  return Status(codes::kIo, what + " " + path + ": " + std::strerror(err));
}

// Closes a descriptor on every path out of a scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  // Closes now and reports the error close() gave (a late write error).
  int Close() {
    int rc = ::close(fd_);
    fd_ = -1;
    return rc;
  }

 private:
  int fd_;
};

bool IsLowerHex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Status WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status(codes::kIo, std::strerror(errno));
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

Status SyncDirectory(const std::filesystem::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return IoError("无法打开目录", dir.string(), errno);
  if (::fsync(fd.get()) != 0) return IoError("无法同步目录", dir.string(), errno);
  return Status::Ok();
}

}  // namespace

Status WriteCheckpointFile(const std::string& path, const ChainHead& head) {
  if (path.empty()) return Status(codes::kInvalid, "未配置审计检查点文件路径");
  std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    std::filesystem::create_directories(dir, ec);
    if (ec)
      return Status(codes::kIo, "无法创建审计检查点目录 " + dir.string() + ": " + ec.message());
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
  }

  // A unique name: several threads or processes may checkpoint at once.
  std::string temp = path + ".tmp-" + std::to_string(::getpid()) + "-" + ToHex(RandomBytes(6));
  Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (fd.get() < 0) return IoError("无法创建审计检查点临时文件", temp, errno);
  const std::string line = std::to_string(head.seq) + " " + head.hash + "\n";
  Status s = WriteAll(fd.get(), line);
  if (s.ok() && ::fsync(fd.get()) != 0) s = IoError("无法同步审计检查点文件", temp, errno);
  if (fd.Close() != 0 && s.ok()) s = IoError("无法写入审计检查点文件", temp, errno);
  if (s.ok() && ::rename(temp.c_str(), path.c_str()) != 0) {
    s = IoError("无法替换审计检查点文件", path, errno);
  }
  if (!s.ok()) {
    ::unlink(temp.c_str());
    return Status(codes::kIo, "写入审计检查点失败: " + s.message());
  }
  // Make the rename itself durable.
  return SyncDirectory(dir);
}

Result<std::optional<ChainHead>> ReadCheckpointFile(const std::string& path) {
  if (path.empty()) return std::optional<ChainHead>();
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return std::optional<ChainHead>();
    return IoError("无法读取审计检查点文件", path, errno);
  }
  std::string text;
  char buf[512];
  for (;;) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError("无法读取审计检查点文件", path, errno);
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
    if (text.size() > kMaxFileSize) break;
  }

  const Status malformed(codes::kInvalid,
                         "审计检查点文件 " + path + " 格式无效（应为 \"序号 哈希\"）");
  std::string_view v(text);
  if (!v.empty() && v.back() == '\n') v.remove_suffix(1);
  size_t space = v.find(' ');
  if (space == std::string_view::npos || space == 0) return malformed;
  ChainHead head;
  std::string_view digits = v.substr(0, space);
  auto [end, err] = std::from_chars(digits.data(), digits.data() + digits.size(), head.seq);
  if (err != std::errc() || end != digits.data() + digits.size() || head.seq < 1) return malformed;
  std::string_view hash = v.substr(space + 1);
  if (hash.size() != 64 || !IsLowerHex(hash)) return malformed;
  head.hash = std::string(hash);
  return std::optional<ChainHead>(std::move(head));
}

}  // namespace fazhi::audit
