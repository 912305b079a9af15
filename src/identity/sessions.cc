// Sign-in, sessions, password change and TOTP enrolment.
#include <cstdlib>

#include "base/crypto.h"
#include "identity/identity_service.h"
#include "identity/totp.h"

namespace fazhi::identity {
namespace {

using store::Rows;
using store::Transaction;
using store::Value;

const char* kBadCredentials = "用户名或密码错误";

struct UserRow {
  int64_t id = 0;
  std::string username, password_hash, status, totp_secret_enc;
  int failed = 0;
  int64_t locked_until = 0, totp_last_step = 0;
  bool totp_enabled = false;
};

Result<std::optional<UserRow>> FindByUsername(Transaction& tx, const std::string& username) {
  auto rows = tx.Query(
      "SELECT id, username, password_hash, status, failed_attempts, locked_until, totp_secret, "
      "totp_enabled, totp_last_step FROM users WHERE username = ?",
      {username});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<UserRow>();
  const auto& r = rows->rows[0];
  UserRow u;
  u.id = r.Int(0);
  u.username = r.Text(1);
  u.password_hash = r.Text(2);
  u.status = r.Text(3);
  u.failed = static_cast<int>(r.Int(4));
  u.locked_until = r.Int(5);
  u.totp_secret_enc = r.Text(6);
  u.totp_enabled = r.Int(7) != 0;
  u.totp_last_step = r.Int(8);
  return std::optional<UserRow>(u);
}

std::string LockMessage(int64_t until_ms, int64_t now_ms) {
  int64_t minutes = (until_ms - now_ms + 59999) / 60000;
  if (minutes < 1) minutes = 1;
  return "连续登录失败次数过多，账号已锁定，请 " + std::to_string(minutes) +
         " 分钟后重试或联系系统管理员解锁";
}

// The actor of a sign-in attempt: the name as typed (and the id when known),
// so the audit viewer finds failed attempts by username.
Principal Attempt(const std::string& username, int64_t user_id) {
  Principal p;
  p.username = username;
  p.user_id = user_id;
  return p;
}

}  // namespace

std::string TokenHash(const std::string& token) { return ToHex(Sm3(token)); }

Result<SignInResult> IdentityService::SignIn(const SignInRequest& req) {
  const int64_t now = clock_.NowMs();
  // Read first (outside the writer): the password hash check is slow and must
  // not hold the write transaction.
  std::optional<UserRow> user;
  Status st = db_.Read([&](Transaction& tx) {
    auto found = FindByUsername(tx, req.username);
    if (!found.ok()) return found.status();
    user = found.value();
    return Status::Ok();
  });
  if (!st.ok()) return st;

  const bool password_ok = VerifyPassword(req.password, user ? user->password_hash : dummy_hash_);
  if (!user) {
    FAZHI_RETURN_IF_ERROR(db_.Write([&](Transaction& tx) {
      const Principal who = Attempt(req.username, 0);
      return Audit(tx, &who, req.ip, "session.sign_in", "user:" + req.username, "failure",
                   "unknown user");
    }));
    return Status("invalid_credentials", kBadCredentials);
  }
  if (user->locked_until > now) {
    FAZHI_RETURN_IF_ERROR(db_.Write([&](Transaction& tx) {
      const Principal who = Attempt(user->username, user->id);
      return Audit(tx, &who, req.ip, "session.sign_in", "user:" + std::to_string(user->id),
                   "failure", "account locked");
    }));
    return Status("account_locked", LockMessage(user->locked_until, now));
  }

  // Second factor.
  bool totp_missing = false, totp_bad = false;
  int64_t totp_step = 0;
  if (password_ok && user->totp_enabled) {
    if (req.totp.empty()) {
      totp_missing = true;
    } else {
      auto secret = cipher_.Decrypt(user->totp_secret_enc);
      auto step = secret.ok() ? VerifyTotp(secret.value(), req.totp, now / 1000, 1)
                              : std::optional<int64_t>();
      if (!step || *step <= user->totp_last_step) {
        totp_bad = true;  // wrong, or a code already used (replay)
      } else {
        totp_step = *step;
      }
    }
  }
  if (totp_missing) return Status("totp_required", "请输入动态验证码");

  if (!password_ok || totp_bad) {
    bool locked = false;
    int64_t until = 0;
    FAZHI_RETURN_IF_ERROR(db_.Write([&](Transaction& tx) {
      // Re-read inside the writer so concurrent failures all count.
      auto rows = tx.Query("SELECT failed_attempts FROM users WHERE id = ?", {user->id});
      if (!rows.ok()) return rows.status();
      int failed = rows->empty() ? 0 : static_cast<int>(rows->rows[0].Int(0)) + 1;
      locked = failed >= opt_.max_failures;
      until = locked ? now + opt_.lockout_ms : 0;
      auto upd = tx.Exec("UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                         {static_cast<int64_t>(locked ? 0 : failed), until, user->id});
      if (!upd.ok()) return upd.status();
      const std::string object = "user:" + std::to_string(user->id);
      const Principal who = Attempt(user->username, user->id);
      FAZHI_RETURN_IF_ERROR(Audit(tx, &who, req.ip, "session.sign_in", object, "failure",
                                  totp_bad ? "wrong totp" : "wrong password"));
      if (locked)
        FAZHI_RETURN_IF_ERROR(Audit(tx, &who, req.ip, "user.lock", object, "success",
                                    "locked after " + std::to_string(failed) + " failures"));
      return Status::Ok();
    }));
    if (locked) return Status("account_locked", LockMessage(until, now));
    if (totp_bad) return Status("totp_required", "动态验证码错误或已使用，请重新输入");
    return Status("invalid_credentials", kBadCredentials);
  }
  if (user->status == "disabled") {
    FAZHI_RETURN_IF_ERROR(db_.Write([&](Transaction& tx) {
      const Principal who = Attempt(user->username, user->id);
      return Audit(tx, &who, req.ip, "session.sign_in", "user:" + std::to_string(user->id),
                   "failure", "account disabled");
    }));
    return Status("account_disabled", "账号已停用，请联系系统管理员");
  }

  SignInResult out;
  out.token = Base64Encode(RandomBytes(32));
  for (char& c : out.token) {  // URL- and cookie-safe alphabet
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  while (!out.token.empty() && out.token.back() == '=') out.token.pop_back();
  const std::string csrf = ToHex(RandomBytes(32));
  const int64_t session_id = ids_.Next();
  st = db_.Write([&](Transaction& tx) {
    if (!req.previous_token.empty()) {
      auto r = tx.Exec("UPDATE sessions SET revoked = 1 WHERE token_hash = ?",
                       {TokenHash(req.previous_token)});
      if (!r.ok()) return r.status();
    }
    auto r = tx.Exec(
        "UPDATE users SET failed_attempts = 0, locked_until = 0, totp_last_step = ? WHERE id = ?",
        {totp_step > 0 ? totp_step : user->totp_last_step, user->id});
    if (!r.ok()) return r.status();
    r = tx.Exec(
        "INSERT INTO sessions (id, token_hash, user_id, csrf_token, ip, created_at, last_seen_at, "
        "expires_at, revoked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
        {session_id, TokenHash(out.token), user->id, csrf, req.ip, now, now,
         now + opt_.lifetime_ms});
    if (!r.ok()) return r.status();
    auto p = LoadPrincipal(tx, user->id);
    if (!p.ok()) return p.status();
    out.principal = std::move(p).value();
    out.principal.session_id = session_id;
    out.principal.csrf_token = csrf;
    auto u = LoadUser(tx, user->id);
    if (!u.ok()) return u.status();
    out.user = std::move(u).value();
    return Audit(tx, &out.principal, req.ip, "session.sign_in",
                 "user:" + std::to_string(user->id), "success", "");
  });
  if (!st.ok()) return st;
  return out;
}

Status IdentityService::SignOut(const Principal& p, const std::string& ip) {
  return db_.Write([&](Transaction& tx) {
    auto r = tx.Exec("UPDATE sessions SET revoked = 1 WHERE id = ?", {p.session_id});
    if (!r.ok()) return r.status();
    return Audit(tx, &p, ip, "session.sign_out", "user:" + std::to_string(p.user_id), "success",
                 "");
  });
}

Result<Principal> IdentityService::Authenticate(const std::string& token) {
  if (token.empty() || token.size() > 128) return Status("unauthenticated", "请先登录");
  const int64_t now = clock_.NowMs();
  const std::string hash = ToHex(sm3_.Hash(token));  // TokenHash(token)
  Principal p;
  int64_t last_seen = 0;
  Status st = db_.Read([&](Transaction& tx) {
    // The session, its user and the security epoch in one indexed read: all
    // that decides whether the session is still good and whether a cached
    // principal may be used; and the content version, under which the
    // engine finds what it keeps of its reads (engine/read_cache.h).
    auto rows = tx.Query(
        "SELECT s.id, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, s.revoked, u.status, "
        "u.username, u.display_name, u.org_id, u.must_change_password, u.password_changed_at, "
        "u.totp_enabled, e.value, c.value "
        "FROM sessions s JOIN users u ON u.id = s.user_id JOIN security_epoch e ON e.id = 1 "
        "JOIN content_version c ON c.id = 1 WHERE s.token_hash = ?",
        {hash});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status("unauthenticated", "请先登录");
    const auto& r = rows->rows[0];
    last_seen = r.Int(3);
    if (r.Int(5) != 0 || r.Text(6) == "disabled")
      return Status("session_expired", "会话已失效，请重新登录");
    if (now >= r.Int(4) || now - last_seen >= opt_.idle_ms)
      return Status("session_expired", "长时间未操作，会话已过期，请重新登录");
    const PrincipalStamp stamp{r.Int(1), r.Int(9), r.Int(12) != 0, r.Int(13)};
    if (auto cached = principals_.Find(hash, stamp)) {
      p = std::move(*cached);
    } else {
      auto loaded = LoadPrincipal(tx, stamp.user_id);
      if (!loaded.ok()) return loaded.status();
      p = std::move(loaded).value();
      principals_.Put(hash, stamp, p);
    }
    // The user row as it is now.
    p.username = r.Text(7);
    p.display_name = r.Text(8);
    p.must_change_password = r.Int(10) != 0 || PasswordExpired(r.Int(11), now);
    p.session_id = r.Int(0);
    p.csrf_token = r.Text(2);
    p.content_version = r.Int(14);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  // Refresh the idle clock at most once a minute to keep reads read-only.
  if (now - last_seen >= 60 * 1000) {
    FAZHI_RETURN_IF_ERROR(db_.Write([&](Transaction& tx) {
      auto r = tx.Exec("UPDATE sessions SET last_seen_at = ? WHERE id = ?", {now, p.session_id});
      return r.ok() ? Status::Ok() : r.status();
    }));
  }
  return p;
}

Status IdentityService::ChangePassword(const Principal& p, const std::string& old_password,
                                       const std::string& new_password, const std::string& ip) {
  std::string hash;
  FAZHI_RETURN_IF_ERROR(db_.Read([&](Transaction& tx) {
    auto rows = tx.Query("SELECT password_hash FROM users WHERE id = ?", {p.user_id});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status("not_found", "用户不存在");
    hash = rows->rows[0].Text(0);
    return Status::Ok();
  }));
  if (!VerifyPassword(old_password, hash)) {
    FAZHI_RETURN_IF_ERROR(db_.Write([&](Transaction& tx) {
      return Audit(tx, &p, ip, "user.password_change", "user:" + std::to_string(p.user_id),
                   "failure", "wrong current password");
    }));
    return Status("invalid_credentials", "原密码错误");
  }
  FAZHI_RETURN_IF_ERROR(policy_.Check(new_password, p.username));
  if (new_password == old_password) return Status("weak_password", "新密码不能与原密码相同");
  auto new_hash = HashPassword(new_password);
  if (!new_hash.ok()) return new_hash.status();
  const int64_t now = clock_.NowMs();
  return db_.Write([&](Transaction& tx) {
    auto r = tx.Exec(
        "UPDATE users SET password_hash = ?, password_changed_at = ?, must_change_password = 0, "
        "updated_at = ? WHERE id = ?",
        {new_hash.value(), now, now, p.user_id});
    if (!r.ok()) return r.status();
    // Every other session of this user ends.
    r = tx.Exec("UPDATE sessions SET revoked = 1 WHERE user_id = ? AND id <> ?",
                {p.user_id, p.session_id});
    if (!r.ok()) return r.status();
    return Audit(tx, &p, ip, "user.password_change", "user:" + std::to_string(p.user_id),
                 "success", "other sessions revoked");
  });
}

Result<IdentityService::TotpEnrollment> IdentityService::BeginTotp(const Principal& p,
                                                                   const std::string& ip) {
  TotpEnrollment e;
  e.secret = NewTotpSecret();
  e.uri = OtpauthUri("法治平台", p.username, e.secret);
  // The pending secret is stored encrypted but not enabled until confirmed.
  Status st = db_.Write([&](Transaction& tx) {
    auto r = tx.Exec("UPDATE users SET totp_secret = ?, totp_enabled = 0 WHERE id = ? AND totp_enabled = 0",
                     {cipher_.Encrypt(e.secret), p.user_id});
    if (!r.ok()) return r.status();
    if (r.value() == 0) return Status("conflict", "已启用双因素认证，如需更换请联系系统管理员");
    return Audit(tx, &p, ip, "user.totp_begin", "user:" + std::to_string(p.user_id), "success", "");
  });
  if (!st.ok()) return st;
  return e;
}

Status IdentityService::ConfirmTotp(const Principal& p, const std::string& code,
                                    const std::string& ip) {
  const int64_t now = clock_.NowMs();
  return db_.Write([&](Transaction& tx) {
    auto rows = tx.Query("SELECT totp_secret, totp_enabled FROM users WHERE id = ?", {p.user_id});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status("not_found", "用户不存在");
    if (rows->rows[0].Int(1) != 0) return Status("conflict", "双因素认证已启用");
    auto secret = cipher_.Decrypt(rows->rows[0].Text(0));
    if (!secret.ok()) return Status("conflict", "请先开始绑定双因素认证");
    auto step = VerifyTotp(secret.value(), code, now / 1000, 1);
    if (!step) return Status("validation_failed", "动态验证码错误");
    auto r = tx.Exec("UPDATE users SET totp_enabled = 1, totp_last_step = ? WHERE id = ?",
                     {*step, p.user_id});
    if (!r.ok()) return r.status();
    return Audit(tx, &p, ip, "user.totp_enable", "user:" + std::to_string(p.user_id), "success", "");
  });
}

}  // namespace fazhi::identity
