// Attachment uploads stream to a spool file and downloads stream from the
// store: a large file round-trips byte for byte while the server's peak
// memory barely moves, and a refused, oversized or interrupted upload leaves
// no spool file, no stored file and no row. Needs the server's directory
// (FAZHI_SERVER_DIR, as scripts/test sets it) to look into its spool and store.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { BASE, demoClient, uniqueName, statusOf } from './lib.mjs';

const MiB = 1024 * 1024;
const CAP = 64 * MiB;  // the default --attachment-max-bytes, as scripts/test runs the server
const SERVER_DIR = process.env.FAZHI_SERVER_DIR;
const SPOOL = SERVER_DIR && path.join(SERVER_DIR, 'attachments', 'spool');

let clerk, leader, orgs;

before(async () => {
  assert.ok(SERVER_DIR, 'FAZHI_SERVER_DIR must name the server directory (scripts/test sets it)');
  [clerk, leader] = await Promise.all(['clerk', 'leader'].map((u) => demoClient(u)));
  orgs = (await clerk.get('/api/v1/orgs')).body.items;
});

function org(code) { return orgs.find((o) => o.code === code).id; }

async function newMatter() {
  const r = await clerk.post('/api/v1/matters', {
    kind: 'test_case', title: `关于${uniqueName('附件')}的合法性审查`, orgId: org('JUS-LR'),
    fields: { subject: '示范县城市道路停车管理办法', category: '行政规范性文件', submitting_org: org('SCJG') },
  });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

async function attachmentsOf(m) {
  const r = await clerk.get(`/api/v1/matters/${m.id}`);
  assert.equal(r.status, 200, r.text);
  return r.body.attachments;
}

function upload(c, m, name, body) {
  return fetch(`${BASE}/api/v1/matters/${m.id}/attachments?name=${encodeURIComponent(name)}`, {
    method: 'POST', body, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf },
  });
}

const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');
const storedPath = (sha) => path.join(SERVER_DIR, 'attachments', sha.slice(0, 2), sha);
const spoolFiles = () => fs.readdirSync(SPOOL);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls until check() is true (or the time is up); returns its last value.
async function eventually(check, ms = 5000) {
  const until = Date.now() + ms;
  let ok = check();
  while (!ok && Date.now() < until) {
    await sleep(25);
    ok = check();
  }
  return ok;
}

// A PDF by its magic bytes, the rest random (so nothing compresses).
function pdfOf(size) {
  const buf = crypto.randomBytes(size);
  buf.write('%PDF-1.7\n', 0, 'latin1');
  return buf;
}

// The server's pid: FAZHI_SERVER_PID (scripts/test), or the `fazhi serve`
// process listening on the port of FAZHI_BASE_URL.
function serverPid() {
  if (process.env.FAZHI_SERVER_PID) return Number(process.env.FAZHI_SERVER_PID);
  const listen = new URL(BASE).host;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args;
    try { args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0'); } catch { continue; }
    if (args.includes('serve') && args.some((a) => a === listen || a === `--listen=${listen}`)) return Number(entry);
  }
  throw new Error(`no fazhi serve process listening on ${listen}; set FAZHI_SERVER_PID`);
}

function memoryKiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

// A raw HTTP/1.1 upload on its own socket: `send` writes more body bytes
// (false once the socket is gone); `response` resolves with everything the
// server sent when it closes the connection.
function rawUpload(c, m, name, headerLines) {
  const url = new URL(BASE);
  const sock = net.connect(Number(url.port), url.hostname);
  sock.on('error', () => {});
  let received = '';
  sock.on('data', (d) => { received += d.toString('latin1'); });
  const response = new Promise((resolve) => sock.on('close', () => resolve(received)));
  sock.write([`POST /api/v1/matters/${m.id}/attachments?name=${encodeURIComponent(name)} HTTP/1.1`,
    `Host: ${url.host}`, `Cookie: ${c.cookie}`, `X-CSRF-Token: ${c.csrf}`, ...headerLines, '', ''].join('\r\n'));
  const send = (data) => new Promise((resolve) => {
    if (sock.destroyed || !sock.writable) return resolve(false);
    if (sock.write(data)) return resolve(true);
    const done = (v) => { sock.off('drain', onDrain); sock.off('close', onClose); resolve(v); };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    sock.on('drain', onDrain);
    sock.on('close', onClose);
  });
  return { sock, send, response, responded: () => received.length > 0 };
}

test('a 40 MiB upload streams to disk and back, byte for byte, in little server memory', async () => {
  const m = await newMatter();
  const file = pdfOf(40 * MiB);
  const digest = sha256(file);
  const pid = serverPid();
  // Peak RSS from here on (Linux: writing 5 to clear_refs resets VmHWM to the current RSS).
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const before = memoryKiB(pid);
  assert.ok(before.peak - before.rss < 1024, `peak was not reset: ${JSON.stringify(before)}`);

  const up = await upload(clerk, m, '大文件.pdf', file);
  assert.equal(up.status, 201, await up.clone().text());
  const att = await up.json();
  assert.equal(att.size, file.length);
  assert.equal(att.sha256, digest);
  assert.equal(att.contentType, 'application/pdf');
  assert.equal(sha256(fs.readFileSync(storedPath(digest))), digest, 'stored under its digest');
  assert.deepEqual(spoolFiles(), []);

  const dl = await fetch(`${BASE}${att.url}`, { headers: { cookie: clerk.cookie } });
  assert.equal(dl.status, 200);
  assert.equal(dl.headers.get('content-length'), String(file.length));
  assert.equal(dl.headers.get('content-type'), 'application/pdf');
  assert.equal(dl.headers.get('content-disposition'), `attachment; filename*=UTF-8''${encodeURIComponent('大文件.pdf')}`);
  assert.equal(dl.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(dl.headers.get('cache-control'), 'private, no-store');
  const hash = crypto.createHash('sha256');
  let length = 0;
  for await (const chunk of dl.body) {
    hash.update(chunk);
    length += chunk.length;
  }
  assert.equal(length, file.length);
  assert.equal(hash.digest('hex'), digest, 'downloaded bytes are the uploaded bytes');

  const after = memoryKiB(pid);
  const growthMiB = (after.peak - before.rss) / 1024;
  console.log(`server peak RSS growth across a 40 MiB upload and download: ${growthMiB.toFixed(1)} MiB`);
  assert.ok(growthMiB < 16, `peak RSS grew by ${growthMiB.toFixed(1)} MiB for a 40 MiB file`);

  // HEAD gives the length without the body; every download is an audited export.
  const head = await fetch(`${BASE}${att.url}`, { method: 'HEAD', headers: { cookie: clerk.cookie } });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-length'), String(file.length));
  const audit = await demoClient('auditadmin');
  const log = await audit.get('/api/v1/audit?action=matter.export&pageSize=50');
  assert.ok(log.body.items.some((e) => e.object === `matter:${m.id}` && e.detail === `attachment:${att.id}` && e.username === 'clerk'));
});

test('the same content is stored once; small files still round-trip', async () => {
  const m = await newMatter();
  const text = Buffer.from(`第一条 ${uniqueName('内容')}\n`);
  const first = await (await upload(clerk, m, '说明.txt', text)).json();
  const second = await (await upload(clerk, m, '说明（副本）.txt', text)).json();
  assert.equal(first.contentType, 'text/plain; charset=utf-8');
  assert.equal(second.sha256, first.sha256);
  assert.notEqual(second.id, first.id);
  assert.deepEqual(fs.readFileSync(storedPath(first.sha256)), text);
  const dl = await fetch(`${BASE}${second.url}`, { headers: { cookie: clerk.cookie } });
  assert.deepEqual(Buffer.from(await dl.arrayBuffer()), text);
  assert.equal((await attachmentsOf(m)).length, 2);
  assert.deepEqual(spoolFiles(), []);
});

test('an upload declared over the cap is 413 before any byte is stored', async () => {
  const m = await newMatter();
  const u = rawUpload(clerk, m, 'big.pdf', [`Content-Length: ${CAP + 1}`, 'Content-Type: application/pdf']);
  await u.send(pdfOf(MiB));
  const raw = await u.response;
  assert.equal(statusOf(raw), 413, raw.slice(0, 200));
  assert.match(raw, /"code":"payload_too_large"/);
  assert.deepEqual(spoolFiles(), []);
  assert.deepEqual(await attachmentsOf(m), []);
});

test('a chunked upload that grows past the cap is 413 and its spool file is removed', async () => {
  const m = await newMatter();
  const u = rawUpload(clerk, m, 'endless.pdf', ['Transfer-Encoding: chunked']);
  const chunk = pdfOf(MiB);
  const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
  let sent = 0;
  let sawSpool = false;
  while (!u.responded() && sent <= CAP + 8 * MiB) {
    if (!(await u.send(frame))) break;
    sent += chunk.length;
    if (sent === 8 * MiB) sawSpool = await eventually(() => spoolFiles().length === 1);
  }
  assert.ok(sawSpool, 'the body was being written to a spool file');
  u.sock.end();
  const raw = await u.response;
  assert.equal(statusOf(raw), 413, raw.slice(0, 200));
  assert.match(raw, /"code":"payload_too_large"/);
  assert.ok(await eventually(() => spoolFiles().length === 0), `left in the spool: ${spoolFiles()}`);
  assert.deepEqual(await attachmentsOf(m), []);
});

test('an upload without a session, or without its CSRF token, is refused on its headers, before any body is spooled', async () => {
  const m = await newMatter();
  for (const [who, code] of [[{ cookie: '', csrf: '' }, 'unauthenticated'], [{ cookie: clerk.cookie, csrf: '' }, 'csrf']]) {
    // 10 MiB announced, 1 MiB sent: the answer must not wait for the rest.
    const u = rawUpload(who, m, '匿名.pdf', [`Content-Length: ${10 * MiB}`, 'Content-Type: application/pdf']);
    await u.send(pdfOf(MiB));
    const answered = await eventually(() => u.responded());
    assert.ok(answered, 'answered before the body was complete');
    u.sock.end();
    const raw = await u.response;
    assert.equal(statusOf(raw), code === 'csrf' ? 403 : 401, raw.slice(0, 200));
    assert.match(raw, new RegExp(`"code":"${code}"`));
    assert.deepEqual(spoolFiles(), []);
  }
  assert.deepEqual(await attachmentsOf(m), []);
});

test('a file of a refused type, or an empty one, is stored nowhere', async () => {
  const m = await newMatter();
  // 2 MiB: more than any in-memory body may be, so this went through the spool.
  const exe = crypto.randomBytes(2 * MiB);
  exe.write('MZ', 0, 'latin1');
  const r = await upload(clerk, m, 'a.pdf', exe);
  assert.equal(r.status, 415);
  assert.equal((await r.json()).error.code, 'unsupported_media_type');
  assert.ok(!fs.existsSync(storedPath(sha256(exe))));
  const empty = await upload(clerk, m, 'a.txt', Buffer.alloc(0));
  assert.equal(empty.status, 422);
  assert.equal((await empty.json()).error.code, 'validation_failed');
  assert.deepEqual(spoolFiles(), []);
  assert.deepEqual(await attachmentsOf(m), []);
});

test('an upload by someone who may not attach stores no file and no row', async () => {
  const m = await newMatter();
  const file = pdfOf(3 * MiB);
  const r = await upload(leader, m, '越权.pdf', file);
  assert.equal(r.status, 403, await r.clone().text());
  const bad = await upload(clerk, m, 'a/b.pdf', file);
  assert.equal(bad.status, 422);
  assert.ok(!fs.existsSync(storedPath(sha256(file))));
  assert.deepEqual(spoolFiles(), []);
  assert.deepEqual(await attachmentsOf(m), []);
});

test('an upload cut off mid-body leaves no spool file and the server serves on', async () => {
  const m = await newMatter();
  const u = rawUpload(clerk, m, 'cut.pdf', [`Content-Length: ${10 * MiB}`, 'Content-Type: application/pdf']);
  assert.ok(await u.send(pdfOf(MiB)));
  const spooling = await eventually(() => {
    const files = spoolFiles();
    return files.length === 1 && fs.statSync(path.join(SPOOL, files[0])).size === MiB;
  });
  assert.ok(spooling, 'the first MiB was written to a spool file');
  u.sock.destroy();
  assert.ok(await eventually(() => spoolFiles().length === 0), `left in the spool: ${spoolFiles()}`);
  assert.deepEqual(await attachmentsOf(m), []);
  assert.equal((await fetch(`${BASE}/api/v1/health`)).status, 200);
});
