// The command line: version, usage errors, first org and account without
// demo data, and audit verification catching tampering (on a scratch SQLite
// database of its own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FAZHI = path.resolve('build/fazhi');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-'));
const common = ['--db', `sqlite:${dir}/cli.db`, '--key-file', `${dir}/keys/k`, '--audit-checkpoint', `${dir}/audit/cp`];

function fazhi(args, input) {
  const r = spawnSync(FAZHI, args, { input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function sqlite(sql) {
  const r = spawnSync('sqlite3', [`${dir}/cli.db`, sql], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('version and usage errors', () => {
  const v = fazhi(['version']);
  assert.equal(v.code, 0);
  assert.match(v.out, /^fazhi \d+\.\d+\.\d+/);
  for (const args of [['serve', '--bogus'], ['serve', '--listen', 'nowhere'], ['frobnicate'], ['user', 'add']]) {
    const r = fazhi(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.ok(r.err.length > 0);
  }
});

test('first org and account from the command line; weak passwords refused', () => {
  assert.equal(fazhi(['migrate', ...common]).code, 0);
  const org = fazhi(['org', 'add', '--code', 'GOV', '--name', '某县人民政府', '--type', 'government', ...common]);
  assert.equal(org.code, 0, org.err);
  const weak = fazhi(['user', 'add', '--username', 'admin1', '--org', 'GOV', '--role', 'sysadmin', '--scope', 'all', '--password-stdin', ...common], 'password\n');
  assert.equal(weak.code, 1);
  assert.match(weak.err, /password/);
  const ok = fazhi(['user', 'add', '--username', 'admin1', '--org', 'GOV', '--role', 'sysadmin', '--scope', 'all', '--password-stdin', ...common], 'Str0ng&Unusual\n');
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /created user admin1/);
  assert.equal(sqlite("SELECT must_change_password FROM users WHERE username='admin1';").trim(), '1');
});

test('audit verify: ok, then each kind of tampering names the first bad record', () => {
  const good = fazhi(['audit', 'verify', ...common]);
  assert.equal(good.code, 0, good.err + good.out);
  const count = Number(/(\d+) records/.exec(good.out)[1]);
  assert.ok(count >= 2, good.out);
  fs.copyFileSync(`${dir}/cli.db`, `${dir}/pristine.db`);
  const restore = () => fs.copyFileSync(`${dir}/pristine.db`, `${dir}/cli.db`);
  const attacks = {
    modify: "DROP TRIGGER IF EXISTS audit_log_no_update; UPDATE audit_log SET detail='x' WHERE seq=1;",
    delete: 'DROP TRIGGER IF EXISTS audit_log_no_delete; DELETE FROM audit_log WHERE seq=1;',
  };
  const triggers = sqlite("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log';").trim().split('\n');
  const drop = triggers.map((t) => `DROP TRIGGER ${t};`).join(' ');
  for (const [name, sql] of Object.entries(attacks)) {
    restore();
    sqlite(drop + sql.replace(/DROP TRIGGER IF EXISTS \w+;/, ''));
    const r = fazhi(['audit', 'verify', ...common]);
    assert.equal(r.code, 1, `${name}: ${r.out}`);
    assert.match(r.out + r.err, /seq 1\b/, name);
  }
  // Truncation: the external checkpoint still names the removed tail.
  restore();
  sqlite(`${drop} DELETE FROM audit_log WHERE seq=${count}; UPDATE audit_head SET seq=${count - 1}, hash=(SELECT hash FROM audit_log WHERE seq=${count - 1});`);
  const t = fazhi(['audit', 'verify', ...common]);
  assert.equal(t.code, 1, t.out);
  // Updating the trigger-protected table without dropping the triggers fails.
  restore();
  const r = spawnSync('sqlite3', [`${dir}/cli.db`, 'UPDATE audit_log SET detail=1 WHERE seq=1;'], { encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.equal(fazhi(['audit', 'verify', ...common]).code, 0);
});

test('a bad kind definition stops the server with file, line and problem', () => {
  const defs = path.join(dir, 'defs');
  fs.cpSync(path.resolve('definitions'), defs, { recursive: true });
  fs.writeFileSync(path.join(defs, 'kinds', 'broken.yaml'),
    'kind: broken\nlabel: 坏\nstates: [a, b]\ninitial: a\nfinal: [b]\nactions:\n  - {name: go, label: 走, from: [a], to: nowhere, roles: [review_clerk]}\n');
  const r = spawnSync(FAZHI, ['serve', '--definitions', defs, '--listen', '127.0.0.1:0', ...common], { encoding: 'utf8', timeout: 20000 });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /broken\.yaml:7: .*nowhere/);
});

test('calendar deadline from the command line', () => {
  const r = fazhi(['calendar', 'deadline', '--from', '2024-09-30', '--days', '5', '--unit', 'working_day']);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.trim(), '2024-10-12');
  assert.equal(fazhi(['calendar', 'deadline', '--from', '2024-02-30', '--days', '5', '--unit', 'working_day']).code, 2);
});
