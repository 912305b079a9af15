// R1 (QUALITY.md): kill -9 under write load — Jepsen's set test.
//
// Eight clients create matters (POST /api/v1/matters as `clerk`, kind
// test_case) with unique titles (the client id and a counter) and record
// every title they attempt and every one acknowledged with 201. Meanwhile the
// server is killed with SIGKILL at random moments and restarted. At the end:
//   - every acknowledged title exists exactly once, under the acknowledged id;
//   - no title exists that was never attempted;
//   - each of this run's matters has exactly one `create` event and one
//     `matter.create` audit record (the write was atomic);
//   - `fazhi audit verify` exits 0;
//   - SQLite: PRAGMA integrity_check = ok; PostgreSQL: pg_amcheck is clean
//     (when the amcheck extension can be installed).
//
// The test starts and stops its own servers (`build/fazhi serve --demo
// --test-clock`) on a free port, with key file, audit checkpoint and
// attachments under a temporary directory. It checks only rows whose title
// carries this run's id, so the database may hold other data.
//
// Environment:
//   FAZHI_R1_DB     database URL (default: a new SQLite file in the temp dir)
//   FAZHI_R1_KILLS  number of kill -9 (default 5; 30+ for a full run)
//   FAZHI_BIN       the binary (default build/fazhi)
// Run: node --test tests/reliability/r1-kill.mjs   (from the repository root)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const BIN = path.resolve(ROOT, process.env.FAZHI_BIN ?? 'build/fazhi');
const KILLS = Number(process.env.FAZHI_R1_KILLS ?? 5);
const CLIENTS = 8;
const PASSWORD = 'Demo@2024';
const RUN = `R1-${Date.now().toString(36)}-${process.pid}`;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-r1-'));
const DB = process.env.FAZHI_R1_DB ?? `sqlite:${path.join(TMP, 'r1.db')}`;
const SQLITE_FILE = DB.startsWith('sqlite:') ? DB.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') : null;
const CHECKPOINT = path.join(TMP, 'audit', 'checkpoint');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const rand = (lo, hi) => lo + Math.random() * (hi - lo);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// --- the server under test
let server = null;  // { proc, port, log, exited }
let base = '';

async function startServer() {
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const log = fs.openSync(path.join(TMP, 'server.log'), 'a');
    const proc = spawn(BIN, [
      'serve', '--demo', '--test-clock', '--db', DB, '--listen', `127.0.0.1:${port}`,
      '--key-file', path.join(TMP, 'keys', 'fazhi.key'), '--audit-checkpoint', CHECKPOINT,
      '--attachments', path.join(TMP, 'attachments'), '--web-root', path.join(TMP, 'www'),
      '--access-log', 'false', '--log-level', 'warn', '--worker-threads', '8',
    ], { cwd: ROOT, stdio: ['ignore', log, log] });
    const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
    let gone = false;
    exited.then(() => { gone = true; });
    for (let i = 0; i < 300 && !gone; i++) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
        if (r.ok) {
          fs.closeSync(log);
          server = { proc, port, exited };
          base = `http://127.0.0.1:${port}`;
          return;
        }
      } catch { /* not up yet */ }
      await sleep(50);
    }
    proc.kill('SIGKILL');
    await exited;
    fs.closeSync(log);
  }
  throw new Error(`server did not start; log: ${path.join(TMP, 'server.log')}`);
}

async function killServer(signal) {
  const s = server;
  server = null;
  s.proc.kill(signal);
  return s.exited;
}

// --- clients
const attempted = new Set();
const acked = new Map();  // title -> id
const counts = { acked: 0, failed: 0, unknown: 0 };
let stopping = false;

async function signIn() {
  for (;;) {
    if (stopping) return null;
    try {
      const r = await fetch(`${base}/api/v1/session`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'clerk', password: PASSWORD }),
      });
      if (r.status === 200) {
        const body = await r.json();
        return { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0], csrf: body.csrfToken };
      }
    } catch { /* server down: retry */ }
    await sleep(50);
  }
}

async function client(k, officeId) {
  let session = await signIn();
  for (let n = 0; !stopping; n++) {
    const title = `${RUN}-c${k}-${n}`;
    attempted.add(title);  // before the request leaves: it may be applied
    let res;
    try {
      res = await fetch(`${base}/api/v1/matters`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: JSON.stringify({
          kind: 'test_case', title,
          fields: { subject: 'R1 压测', category: '其他', submitting_org: officeId },
        }),
      });
    } catch {
      counts.unknown++;  // connection lost: outcome unknown
      await sleep(20);
      continue;
    }
    if (res.status === 201) {
      const body = await res.json();
      acked.set(title, body.id);
      counts.acked++;
    } else {
      await res.text();
      if (res.status >= 500) counts.unknown++; else counts.failed++;
      if (res.status === 401) session = await signIn();
      if (!session) return;
      await sleep(20);
    }
  }
}

// --- checks straight in the database
function sqlRows(sql) {
  const out = SQLITE_FILE
    ? execFileSync('sqlite3', ['-batch', '-noheader', '-separator', '|', SQLITE_FILE, sql], { encoding: 'utf8' })
    : execFileSync('psql', ['-X', '-q', '-At', '-F', '|', '-v', 'ON_ERROR_STOP=1', DB, '-c', sql], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l !== '').map((l) => l.split('|'));
}

test(`R1: kill -9 under write load (${KILLS} kills, ${DB.split(':')[0]})`, { timeout: 600_000 }, async (t) => {
  await startServer();
  const first = await signIn();
  const orgs = await (await fetch(`${base}/api/v1/orgs`, { headers: { cookie: first.cookie } })).json();
  const office = orgs.items.find((o) => o.code === 'JUS-LR');
  assert.ok(office, 'demo org JUS-LR');

  const clients = [...Array(CLIENTS).keys()].map((k) => client(k, office.id));
  for (let i = 0; i < KILLS; i++) {
    await sleep(rand(300, 1500));
    const before = counts.acked;
    const { signal } = await killServer('SIGKILL');
    assert.equal(signal, 'SIGKILL');
    await sleep(rand(0, 200));
    await startServer();
    t.diagnostic(`kill ${i + 1}/${KILLS}: ${before} acknowledged so far`);
  }
  await sleep(800);
  stopping = true;
  await Promise.all(clients);
  const { code } = await killServer('SIGTERM');
  assert.equal(code, 0, 'graceful shutdown at the end');
  t.diagnostic(`attempted ${attempted.size}, acknowledged ${counts.acked}, ` +
    `refused ${counts.failed}, unknown outcome ${counts.unknown}`);
  assert.ok(counts.acked > KILLS * 5, 'the clients got writes through between kills');

  // Every acknowledged write is there exactly once; nothing unattempted is.
  const rows = sqlRows(`SELECT m.title, m.id, COUNT(*) OVER (PARTITION BY m.title),
      (SELECT COUNT(*) FROM matter_events e WHERE e.matter_id = m.id AND e.action = 'create'),
      (SELECT COUNT(*) FROM audit_log a WHERE a.object = 'matter:' || m.id AND a.action = 'matter.create')
    FROM matters m WHERE m.title LIKE '${RUN}-%'`);
  const found = new Map();
  for (const [title, id, copies, events, audits] of rows) {
    assert.equal(copies, '1', `${title} stored once`);
    assert.ok(attempted.has(title), `${title} was attempted`);
    assert.equal(events, '1', `${title}: one create event`);
    assert.equal(audits, '1', `${title}: one audit record`);
    found.set(title, id);
  }
  const lost = [...acked].filter(([title, id]) => found.get(title) !== id);
  assert.deepEqual(lost, [], 'acknowledged writes missing or under another id');
  t.diagnostic(`stored ${found.size} (of which ${found.size - acked.size} unacknowledged but attempted)`);

  // The audit chain verifies, against the external checkpoint too.
  const verify = execFileSync(BIN, ['audit', 'verify', '--db', DB, '--audit-checkpoint', CHECKPOINT],
    { cwd: ROOT, encoding: 'utf8' });
  assert.match(verify, /audit chain ok/);

  if (SQLITE_FILE) {
    assert.deepEqual(sqlRows('PRAGMA integrity_check'), [['ok']]);
  } else {
    const amcheck = '/usr/lib/postgresql/15/bin/pg_amcheck';
    if (fs.existsSync(amcheck)) {
      // --install-missing creates the amcheck extension when allowed; exit 0 = clean.
      execFileSync(amcheck, ['--install-missing', '--heapallindexed', DB], { encoding: 'utf8' });
    } else {
      t.diagnostic('pg_amcheck not installed: PostgreSQL physical check skipped');
    }
  }
  fs.rmSync(TMP, { recursive: true, force: true });
});
