// Shared helpers for the black-box API tests. The server under test is
// started by scripts/test; its URL comes from FAZHI_BASE_URL.
import net from 'node:net';
import crypto from 'node:crypto';

export const BASE = process.env.FAZHI_BASE_URL ?? 'http://127.0.0.1:8080';
export const EXPECT_DB = process.env.FAZHI_EXPECT_DB ?? 'sqlite';
export const DEMO_PASSWORD = 'Demo@2024';
export const ADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

// fetch with JSON handling; returns {status, headers, body, text}.
export async function request(method, path, { body, headers = {}, raw } = {}) {
  const init = { method, headers: { ...headers }, redirect: 'manual' };
  if (raw !== undefined) {
    init.body = raw;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['content-type'] = 'application/json';
  }
  const res = await fetch(BASE + path, init);
  const text = await res.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: res.status, headers: res.headers, body: json, text };
}

// Sends raw bytes over a fresh TCP connection and returns the raw response.
export function rawHttp(payload, { timeoutMs = 5000 } = {}) {
  const url = new URL(BASE);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(url.port), url.hostname);
    let data = '';
    const timer = setTimeout(() => { sock.destroy(); resolve(data); }, timeoutMs);
    sock.on('connect', () => sock.write(payload));
    sock.on('data', (d) => { data += d.toString('latin1'); });
    sock.on('end', () => { clearTimeout(timer); resolve(data); });
    sock.on('close', () => { clearTimeout(timer); resolve(data); });
    sock.on('error', (e) => { clearTimeout(timer); if (data) resolve(data); else reject(e); });
  });
}

export function statusOf(rawResponse) {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(rawResponse);
  return m ? Number(m[1]) : 0;
}

// RFC 6238 TOTP (SHA-1, 30 s, 6 digits) for a Base32 secret.
export function totp(secretBase32, unixSeconds = Math.floor(Date.now() / 1000)) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secretBase32.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const h = crypto.createHmac('sha1', Buffer.from(bytes)).update(counter).digest();
  const off = h[h.length - 1] & 0xf;
  const code = ((h.readUInt32BE(off) & 0x7fffffff) % 1000000).toString().padStart(6, '0');
  return code;
}

// A signed-in client: keeps the session cookie and CSRF token.
export class Client {
  constructor() { this.cookie = ''; this.csrf = ''; this.user = undefined; }

  async signIn(username, password = DEMO_PASSWORD, totpCode) {
    const body = { username, password };
    if (totpCode) body.totp = totpCode;
    const r = await request('POST', '/api/v1/session', { body });
    if (r.status === 200) {
      const setCookie = r.headers.get('set-cookie') ?? '';
      this.cookie = setCookie.split(';')[0];
      this.csrf = r.body.csrfToken;
      this.user = r.body.user;
    }
    return r;
  }

  async call(method, path, { body, headers = {}, csrf = true } = {}) {
    const h = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (csrf && method !== 'GET' && method !== 'HEAD' && this.csrf) h['x-csrf-token'] = this.csrf;
    return request(method, path, { body, headers: h });
  }

  get(path, opts) { return this.call('GET', path, opts); }
  post(path, body, opts = {}) { return this.call('POST', path, { ...opts, body }); }
  put(path, body, opts = {}) { return this.call('PUT', path, { ...opts, body }); }
  patch(path, body, opts = {}) { return this.call('PATCH', path, { ...opts, body }); }
  del(path, opts) { return this.call('DELETE', path, opts); }
}

// Moves the server's test clock (serve --test-clock) and returns its time in ms.
export async function advanceClock(ms) {
  const r = await request('POST', '/api/v1/testing/clock', { body: { advanceMs: ms } });
  if (r.status !== 200) throw new Error(`test clock: ${r.status} ${r.text}`);
  return r.body.now;
}

// A TOTP code that the server will accept now: a TOTP step may be used only
// once, so the server clock moves to a fresh 30 s step first.
export async function freshTotp(secret) {
  const now = await advanceClock(30 * 1000);
  return totp(secret, Math.floor(now / 1000));
}

// Signs in a demo account (admins with their TOTP).
export async function demoClient(username) {
  const c = new Client();
  const admin = ['sysadmin', 'secadmin', 'auditadmin'].includes(username);
  const r = await c.signIn(username, DEMO_PASSWORD, admin ? await freshTotp(ADMIN_TOTP_SECRET) : undefined);
  if (r.status !== 200) throw new Error(`sign-in of ${username} failed: ${r.status} ${r.text}`);
  return c;
}

export function uniqueName(prefix) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

// A fresh account for tests that lock or change things (created by sysadmin,
// password changed once so it is usable).
export async function freshUser(role = 'unit_submitter', orgCode = 'SCJG') {
  const sys = await demoClient('sysadmin');
  const sec = await demoClient('secadmin');
  const orgs = (await sys.get('/api/v1/orgs')).body.items;
  const org = orgs.find((o) => o.code === orgCode);
  const username = uniqueName('u');
  const created = await sys.post('/api/v1/users', { username, displayName: '测试用户', orgId: org.id, password: 'Initial#2024x' });
  if (created.status !== 201) throw new Error(created.text);
  const assigned = await sec.put(`/api/v1/users/${created.body.id}/roles`, { roles: [{ role, scope: 'org' }] });
  if (assigned.status !== 200) throw new Error(assigned.text);
  const c = new Client();
  if ((await c.signIn(username, 'Initial#2024x')).status !== 200) throw new Error('sign-in failed');
  const changed = await c.post('/api/v1/me/password', { oldPassword: 'Initial#2024x', newPassword: 'Changed#2024y' });
  if (changed.status !== 204) throw new Error(changed.text);
  return { username, password: 'Changed#2024y', id: created.body.id, orgId: org.id };
}

