// Personal data: encrypted at rest, masked in lists, revealed only through an
// audited action with its own permission and scope.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { demoClient, uniqueName } from './lib.mjs';

const ID_NUMBER = '11010519491231002X';
const PHONE = '13912345678';

function filesUnder(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

test('ID number and phone: masked, revealed with audit, never stored in clear', async () => {
  const sys = await demoClient('sysadmin');
  const orgs = (await sys.get('/api/v1/orgs')).body.items;
  const rc = orgs.find((o) => o.code === 'JUS-RC');
  const username = uniqueName('p');
  const created = await sys.post('/api/v1/users', { username, displayName: '刘个人', orgId: rc.id, password: 'Good#Pass2024', idNumber: ID_NUMBER, phone: PHONE });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.body.idNumber, '110105********002X');
  assert.equal(created.body.phone, '139****5678');
  const list = await sys.get(`/api/v1/users?q=${username}`);
  assert.ok(!list.text.includes(ID_NUMBER) && !list.text.includes(PHONE));

  // sysadmin manages accounts but may not see personal data.
  assert.equal((await sys.post(`/api/v1/users/${created.body.id}/reveal`, { field: 'idNumber' })).status, 403);
  // recon holds personal_data:reveal for its own org.
  const recon = await demoClient('recon');
  const shown = await recon.post(`/api/v1/users/${created.body.id}/reveal`, { field: 'idNumber' });
  assert.equal(shown.status, 200, shown.text);
  assert.equal(shown.body.value, ID_NUMBER);
  assert.match(shown.headers.get('cache-control'), /no-store/);
  // Out of scope: a user of another org is not found.
  const other = await sys.post('/api/v1/users', { username: uniqueName('q'), displayName: '钱', orgId: orgs.find((o) => o.code === 'SCJG').id, password: 'Good#Pass2024', idNumber: ID_NUMBER });
  assert.equal((await recon.post(`/api/v1/users/${other.body.id}/reveal`, { field: 'idNumber' })).status, 404);

  const audit = await demoClient('auditadmin');
  const log = await audit.get('/api/v1/audit?action=personal_data.reveal&pageSize=50');
  const entry = log.body.items.find((e) => e.object === `user:${created.body.id}`);
  assert.ok(entry, 'reveal audited');
  assert.equal(entry.username, 'recon');
  assert.ok(!log.text.includes(ID_NUMBER), 'audit detail holds no clear value');

  // Nothing on disk holds the clear value: database files (with WAL) and the log.
  const db = process.env.FAZHI_DB_URL ?? '';
  let files = [];
  if (db.startsWith('sqlite:')) {
    const file = db.slice('sqlite:'.length);
    files = [file, `${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f));
    assert.ok(files.length >= 1);
  } else if (process.env.FAZHI_PG_DATA) {
    files = filesUnder(process.env.FAZHI_PG_DATA).filter((f) => /\/(base|pg_wal|global)\//.test(f));
  }
  if (process.env.FAZHI_SERVER_LOG) files.push(process.env.FAZHI_SERVER_LOG);
  assert.ok(files.length > 0, 'files to search');
  for (const f of files) {
    const bytes = fs.readFileSync(f);
    assert.equal(bytes.indexOf(ID_NUMBER), -1, `clear ID number in ${f}`);
    assert.equal(bytes.indexOf(PHONE), -1, `clear phone in ${f}`);
  }
});
