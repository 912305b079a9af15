// Sign-in, sessions, CSRF, lockout, idle expiry, fixation, TOTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request, Client, demoClient, freshTotp, advanceClock, freshUser, uniqueName, ADMIN_TOTP_SECRET, DEMO_PASSWORD } from './lib.mjs';

test('sign-in returns the user, a CSRF token and a strict HttpOnly cookie', async () => {
  const c = new Client();
  const r = await c.signIn('clerk');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.user.username, 'clerk');
  assert.equal(r.body.user.orgName, '合法性审查办公室');
  assert.ok(r.body.user.permissions.includes('legality_review:handle'));
  assert.ok(!r.body.user.permissions.includes('user:manage'));
  assert.match(r.body.csrfToken, /^[0-9a-f]{64}$/);
  const cookie = r.headers.get('set-cookie');
  assert.match(cookie, /^fazhi_session=[A-Za-z0-9_-]{40,}/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const me = await c.get('/api/v1/me');
  assert.equal(me.status, 200);
  assert.equal(me.body.user.username, 'clerk');
  assert.equal(me.body.csrfToken, r.body.csrfToken);
});

test('bad credentials: same answer for unknown user and wrong password', async () => {
  const a = await new Client().signIn('no-such-user-xyz', 'Whatever#123');
  const b = await new Client().signIn('leader', 'Wrong#Password1');
  assert.equal(a.status, 401);
  assert.equal(b.status, 401);
  assert.equal(a.body.error.code, 'invalid_credentials');
  assert.deepEqual(a.body.error, b.body.error);
  assert.equal((await request('GET', '/api/v1/me')).status, 401);
});

test('missing fields are 422, not 500', async () => {
  const r = await request('POST', '/api/v1/session', { body: { username: 'clerk' } });
  assert.equal(r.status, 422);
  const t = await request('POST', '/api/v1/session', { body: { username: 5, password: [] } });
  assert.equal(t.status, 422);
});

test('administrators need TOTP: missing and wrong codes are totp_required', async () => {
  const c = new Client();
  let r = await c.signIn('auditadmin');
  assert.equal(r.status, 401);
  assert.equal(r.body.error.code, 'totp_required');
  const code = await freshTotp(ADMIN_TOTP_SECRET);
  r = await c.signIn('auditadmin', DEMO_PASSWORD, code === '000000' ? '111111' : '000000');
  assert.equal(r.status, 401);
  assert.equal(r.body.error.code, 'totp_required');
  r = await c.signIn('auditadmin', DEMO_PASSWORD, code);
  assert.equal(r.status, 200, r.text);
  assert.ok(r.body.user.permissions.includes('audit:read'));
});

test('sign-out kills the session server-side', async () => {
  const c = await demoClient('chief');
  const cookie = c.cookie;
  for (let i = 0; i < 3; i++) assert.equal((await c.get('/api/v1/me')).status, 200);  // cached by now
  const r = await c.del('/api/v1/session');
  assert.equal(r.status, 204);
  const again = await request('GET', '/api/v1/me', { headers: { cookie } });
  assert.equal(again.status, 401);
});

test('CSRF: state changes need the token and a same-origin Origin', async () => {
  const c = await demoClient('clerk');
  const body = { oldPassword: 'x', newPassword: 'y' };
  let r = await c.post('/api/v1/me/password', body, { csrf: false });
  assert.equal(r.status, 403);
  assert.equal(r.body.error.code, 'csrf');
  r = await c.post('/api/v1/me/password', body, { csrf: false, headers: { 'x-csrf-token': 'f'.repeat(64) } });
  assert.equal(r.status, 403);
  r = await c.post('/api/v1/me/password', body, { headers: { origin: 'http://evil.example' } });
  assert.equal(r.status, 403);
  assert.equal(r.body.error.code, 'csrf');
  // With the token the request reaches the handler (wrong old password → 422).
  r = await c.post('/api/v1/me/password', body);
  assert.equal(r.status, 422);
});

test('session fixation: sign-in issues a new token and kills the old one', async () => {
  const first = new Client();
  await first.signIn('leader');
  const old = first.cookie;
  const r = await request('POST', '/api/v1/session', {
    body: { username: 'leader', password: DEMO_PASSWORD }, headers: { cookie: old },
  });
  assert.equal(r.status, 200);
  const fresh = r.headers.get('set-cookie').split(';')[0];
  assert.notEqual(fresh, old);
  assert.equal((await request('GET', '/api/v1/me', { headers: { cookie: old } })).status, 401);
  assert.equal((await request('GET', '/api/v1/me', { headers: { cookie: fresh } })).status, 200);
});

test('idle sessions expire after 30 minutes (controlled clock)', async () => {
  const c = await demoClient('supervisor');
  await advanceClock(29 * 60 * 1000);
  assert.equal((await c.get('/api/v1/me')).status, 200);  // activity refreshes idle time
  await advanceClock(29 * 60 * 1000);
  assert.equal((await c.get('/api/v1/me')).status, 200);
  await advanceClock(31 * 60 * 1000);
  const r = await c.get('/api/v1/me');
  assert.equal(r.status, 401);
  assert.equal(r.body.error.code, 'session_expired');
});

test('five failures lock the account (423), audited; unlock by sysadmin', async () => {
  const u = await freshUser();
  for (let i = 0; i < 4; i++) {
    const r = await new Client().signIn(u.username, 'Wrong#pass' + i);
    assert.equal(r.status, 401);
  }
  let r = await new Client().signIn(u.username, 'Wrong#pass5');
  assert.equal(r.status, 423);
  assert.equal(r.body.error.code, 'account_locked');
  r = await new Client().signIn(u.username, u.password);  // right password, still locked
  assert.equal(r.status, 423);
  const audit = await demoClient('auditadmin');
  const log = await audit.get(`/api/v1/audit?action=user.lock&pageSize=50`);
  assert.equal(log.status, 200);
  assert.ok(log.body.items.some((e) => e.object === `user:${u.id}`), 'lock is audited');
  const failures = await audit.get(`/api/v1/audit?username=${u.username}&action=session.sign_in&result=failure`);
  assert.ok(failures.body.total >= 5, 'failed attempts are found by the name typed');
  const sys = await demoClient('sysadmin');
  const unlocked = await sys.post(`/api/v1/users/${u.id}/unlock`, {});
  assert.equal(unlocked.status, 200);
  assert.equal(unlocked.body.status, 'active');
  assert.equal((await new Client().signIn(u.username, u.password)).status, 200);
});

test('lock expires by itself after the lockout period', async () => {
  const u = await freshUser();
  for (let i = 0; i < 5; i++) await new Client().signIn(u.username, 'Nope#nope' + i);
  assert.equal((await new Client().signIn(u.username, u.password)).status, 423);
  await advanceClock(31 * 60 * 1000);
  assert.equal((await new Client().signIn(u.username, u.password)).status, 200);
});

test('first sign-in forces a password change; weak passwords refused', async () => {
  const sys = await demoClient('sysadmin');
  const orgs = (await sys.get('/api/v1/orgs')).body.items;
  const username = uniqueName('n');
  const created = await sys.post('/api/v1/users', { username, displayName: '新用户', orgId: orgs[0].id, password: 'Initial#2024x' });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.body.mustChangePassword, true);
  const c = new Client();
  const r = await c.signIn(username, 'Initial#2024x');
  assert.equal(r.status, 200);
  assert.equal(r.body.user.mustChangePassword, true);
  const blocked = await c.get('/api/v1/orgs');
  assert.equal(blocked.status, 403);
  assert.equal(blocked.body.error.code, 'password_change_required');
  for (const weak of ['short1A', 'alllowercase', 'Password1', 'P@ssw0rd', `${username}Ab1!`]) {
    const w = await c.post('/api/v1/me/password', { oldPassword: 'Initial#2024x', newPassword: weak });
    assert.equal(w.status, 422, weak);
    assert.ok(w.body.error.message.length > 0);
  }
  const ok = await c.post('/api/v1/me/password', { oldPassword: 'Initial#2024x', newPassword: 'Str0ng&Unusual' });
  assert.equal(ok.status, 204, ok.text);
  assert.equal((await c.get('/api/v1/orgs')).status, 200);
});

test('password change ends the other sessions', async () => {
  const u = await freshUser();
  const a = new Client();
  const b = new Client();
  await a.signIn(u.username, u.password);
  await b.signIn(u.username, u.password);
  // Both sessions busy first, so each principal is in the server's cache.
  for (let i = 0; i < 3; i++) {
    assert.equal((await a.get('/api/v1/me')).status, 200);
    assert.equal((await b.get('/api/v1/me')).status, 200);
  }
  const r = await a.post('/api/v1/me/password', { oldPassword: u.password, newPassword: 'Another#Pass9' });
  assert.equal(r.status, 204, r.text);
  assert.equal((await a.get('/api/v1/me')).status, 200);
  assert.equal((await b.get('/api/v1/me')).status, 401);
});

test('TOTP enrolment: begin, confirm with a code, then required at sign-in', async () => {
  const u = await freshUser();
  const c = new Client();
  await c.signIn(u.username, u.password);
  const begin = await c.post('/api/v1/me/totp', {});
  assert.equal(begin.status, 200, begin.text);
  assert.match(begin.body.uri, /^otpauth:\/\/totp\//);
  assert.equal((await c.post('/api/v1/me/totp/confirm', { code: '12345' })).status, 422);
  const ok = await c.post('/api/v1/me/totp/confirm', { code: await freshTotp(begin.body.secret) });
  assert.equal(ok.status, 204, ok.text);
  const r = await new Client().signIn(u.username, u.password);
  assert.equal(r.body.error.code, 'totp_required');
  const code = await freshTotp(begin.body.secret);
  const good = await new Client().signIn(u.username, u.password, code);
  assert.equal(good.status, 200, good.text);
  // A code is good once: replaying it is refused.
  const replay = await new Client().signIn(u.username, u.password, code);
  assert.equal(replay.status, 401);
  assert.equal(replay.body.error.code, 'totp_required');
});
