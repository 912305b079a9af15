// The server keeps list pages, matter views and timelines in memory under the
// database's content version (engine/read_cache.h). Through the API: names of
// people and orgs changed by the API or by plain SQL (as another node, the CLI
// or a manual fix would) show on the very next read, and what one user's reads
// put into the caches never reaches a user who may not read the matter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { demoClient, freshUser, uniqueName, Client } from './lib.mjs';
import { create, walk } from './matter-steps.mjs';

// Runs one statement on the server's database, outside the server.
function sql(statement) {
  const db = process.env.FAZHI_DB_URL ?? '';
  if (db.startsWith('sqlite:')) {
    execFileSync('sqlite3', ['-cmd', '.timeout 10000', db.slice('sqlite:'.length), statement]);
  } else if (db.startsWith('postgresql:')) {
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', db, '-c', statement]);
  } else {
    throw new Error('FAZHI_DB_URL is not set: the test needs the server database');
  }
}

// An id as an SQL literal (ids are decimal strings beyond a JS number's precision).
const lit = (id) => { assert.match(id, /^[0-9]+$/); return id; };

let clerk, chief, counsel, sys, orgs;
const org = (code) => orgs.find((o) => o.code === code).id;

test('setup', async () => {
  [clerk, chief, counsel, sys] = await Promise.all(['clerk', 'chief', 'counsel', 'sysadmin'].map((u) => demoClient(u)));
  orgs = (await sys.get('/api/v1/orgs')).body.items;
});

async function twice(c, path) {
  const first = await c.get(path);
  assert.equal(first.status, 200, `${path}: ${first.text}`);
  const second = await c.get(path);  // from the caches when nothing changed
  assert.equal(second.status, 200, `${path}: ${second.text}`);
  assert.deepEqual(second.body, first.body, path);
  return second.body;
}

test('renamed people and orgs show at once in lists, views and timelines', async () => {
  const code = `C${Date.now().toString(36)}`.toUpperCase();
  const firm = await sys.post('/api/v1/orgs', { code, name: '缓存测试律师事务所', type: 'office', parentId: org('LAW1') });
  assert.equal(firm.status, 201, firm.text);
  const lawyer = await freshUser('external_counsel', code);
  const submitter = await freshUser('unit_submitter', 'SCJG');
  const sub = new Client();
  assert.equal((await sub.signIn(submitter.username, submitter.password)).status, 200);

  const r = await create(sub, 'legality_review', { category: '其他', submitting_org: org('SCJG') }, { title: `关于${uniqueName('缓存')}的审查` });
  assert.equal(r.status, 201, r.text);
  const m = await walk(r.body, [[clerk, 'accept'], [clerk, 'assign', { assigneeId: lawyer.id }]]);
  const list = `/api/v1/matters?kind=legality_review&sort=updated_at&order=desc&pageSize=5`;
  const row = async () => (await twice(chief, list)).items.find((s) => s.id === m.id);
  const timeline = () => twice(chief, `/api/v1/matters/${m.id}/events`);

  assert.equal((await row()).assigneeName, '测试用户');
  let t = await timeline();
  assert.equal(t.items[0].displayName, '测试用户');  // the submitter created it
  assert.deepEqual(t.people, [{ id: lawyer.id, name: '测试用户', orgName: '缓存测试律师事务所' }]);
  await twice(chief, `/api/v1/matters/${m.id}`);

  // Display names changed outside the server.
  sql(`UPDATE users SET display_name = '缓存改名顾问' WHERE id = ${lit(lawyer.id)}`);
  sql(`UPDATE users SET display_name = '缓存改名报送人' WHERE id = ${lit(submitter.id)}`);
  assert.equal((await row()).assigneeName, '缓存改名顾问');
  t = await timeline();
  assert.equal(t.items[0].displayName, '缓存改名报送人');
  assert.deepEqual(t.people, [{ id: lawyer.id, name: '缓存改名顾问', orgName: '缓存测试律师事务所' }]);

  // The firm renamed through the API, then the lawyer moved to another org outside the server.
  const renamed = await sys.patch(`/api/v1/orgs/${firm.body.id}`, { name: '缓存测试律师事务所（更名）' });
  assert.equal(renamed.status, 200, renamed.text);
  t = await timeline();
  assert.equal(t.people[0].orgName, '缓存测试律师事务所（更名）');
  sql(`UPDATE users SET org_id = ${lit(org('LAW1'))} WHERE id = ${lit(lawyer.id)}`);
  t = await timeline();
  assert.equal(t.people[0].orgName, orgs.find((o) => o.code === 'LAW1').name);
});

test('what one reader put into the caches never reaches another who may not read it', async () => {
  const unit = await demoClient('unit');
  const r = await create(unit, 'legality_review', { category: '其他', submitting_org: org('SCJG') }, { title: `关于${uniqueName('隔离')}的审查` });
  assert.equal(r.status, 201, r.text);
  let m = await walk(r.body, [[clerk, 'accept']]);
  const list = `/api/v1/matters?kind=legality_review&sort=updated_at&order=desc&pageSize=20`;
  // Read by the chief counsel (all matters) and the clerk: list, view, timeline.
  for (const c of [chief, clerk]) {
    assert.ok((await twice(c, list)).items.some((s) => s.id === m.id));
    await twice(c, `/api/v1/matters/${m.id}`);
    await twice(c, `/api/v1/matters/${m.id}/events`);
  }
  // The external counsel sees only what is assigned to them.
  for (let round = 0; round < 2; ++round) {
    assert.equal((await counsel.get(`/api/v1/matters/${m.id}`)).status, 404);
    assert.equal((await counsel.get(`/api/v1/matters/${m.id}/events`)).status, 404);
    assert.ok(!(await counsel.get(list)).body.items.some((s) => s.id === m.id));
  }
  // Assigned to them: now they do, and the actions offered are theirs, not the clerk's.
  m = await walk(m, [[clerk, 'assign', { assigneeId: counsel.user.id }]]);
  const view = await twice(counsel, `/api/v1/matters/${m.id}`);
  assert.ok((await twice(counsel, list)).items.some((s) => s.id === m.id));
  const clerkView = await twice(clerk, `/api/v1/matters/${m.id}`);
  assert.ok(!view.actions.some((a) => a.name === 'assign'), 'the counsel may not re-assign');
  assert.ok(clerkView.actions.some((a) => a.name === 'assign'), 'the clerk may re-assign');
});
