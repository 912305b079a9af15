// People in `user` fields (法律顾问, 平台账号): the lookup business users pick
// them from (name and org only, active holders of business roles), the roles
// a field allows, and names instead of ids and account names in matter views
// and timelines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoClient, freshUser, uniqueName, advanceClock } from './lib.mjs';
import { create, walk, chinaDate } from './matter-steps.mjs';

let clerk, chief, counsel, unit, leader, sys;
let orgs;
const org = (code) => orgs.find((o) => o.code === code).id;

async function lookup(c, query = '') {
  return c.get(`/api/v1/users/lookup${query}`);
}

test('setup', async () => {
  [clerk, chief, counsel, unit, leader, sys] = await Promise.all(
    ['clerk', 'chief', 'counsel', 'unit', 'leader', 'sysadmin'].map((u) => demoClient(u)));
  orgs = (await clerk.get('/api/v1/orgs')).body.items;
});

test('lookup: by name or org, by role, only id, name and org', async () => {
  let r = await lookup(clerk, `?q=${encodeURIComponent('赵')}`);
  assert.equal(r.status, 200, r.text);
  const zhao = r.body.items.find((p) => p.id === counsel.user.id);
  assert.deepEqual(zhao, { id: counsel.user.id, name: '赵律师', orgName: '明理律师事务所' });
  for (const p of r.body.items) assert.deepEqual(Object.keys(p).sort(), ['id', 'name', 'orgName']);

  r = await lookup(clerk, `?q=${encodeURIComponent('明理')}`);
  assert.ok(r.body.items.some((p) => p.id === counsel.user.id), 'found by the org name');

  r = await lookup(clerk, '?role=external_counsel');
  assert.ok(r.body.items.some((p) => p.id === counsel.user.id));
  assert.ok(!r.body.items.some((p) => p.id === chief.user.id));
  r = await lookup(clerk, '?role=chief_counsel,external_counsel&limit=50');
  assert.ok(r.body.items.some((p) => p.id === counsel.user.id) && r.body.items.some((p) => p.id === chief.user.id));

  // Everyone with a business role, by name; never the three administrators.
  r = await lookup(clerk, '?limit=50');
  assert.ok(r.body.items.some((p) => p.id === leader.user.id));
  assert.ok(!r.body.items.some((p) => p.id === sys.user.id));
  const names = r.body.items.map((p) => p.name);
  assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  assert.ok((await lookup(clerk, '?limit=2')).body.items.length <= 2);
  assert.deepEqual((await lookup(clerk, `?q=${encodeURIComponent('无此人_%')}`)).body.items, []);
});

test('lookup: bad parameters are 400, administrators 403', async () => {
  for (const q of ['?limit=0', '?limit=51', '?limit=abc', '?role=Bad%20Role', '?role=a,,b', `?q=${'赵'.repeat(51)}`]) {
    const r = await lookup(clerk, q);
    assert.equal(r.status, 400, `${q}: ${r.text}`);
    assert.equal(r.body.error.code, 'invalid_query');
  }
  const r = await lookup(sys);
  assert.equal(r.status, 403);
  assert.equal(r.body.error.message, '没有查找人员的权限');
});

test('lookup and user fields: a disabled account is not offered and cannot be named', async () => {
  const u = await freshUser('external_counsel', 'LAW1');
  const q = `?role=external_counsel&q=${encodeURIComponent('测试用户')}&limit=50`;
  assert.ok((await lookup(clerk, q)).body.items.some((p) => p.id === u.id));
  const d = await sys.post(`/api/v1/users/${u.id}/disable`, {});
  assert.equal(d.status, 200, d.text);
  assert.ok(!(await lookup(clerk, q)).body.items.some((p) => p.id === u.id));
  const day = chinaDate(await advanceClock(0));
  const r = await create(clerk, 'counsel_work', { work_type: '会议', counsel: u.id, work_date: day, hours: 1 });
  assert.equal(r.status, 422, r.text);
  assert.equal(r.body.error.details.fields.counsel, '法律顾问所选人员不存在或已停用');
});

test('user fields name only holders of the roles the field allows', async () => {
  const day = chinaDate(await advanceClock(0));
  let r = await create(clerk, 'counsel_work', { work_type: '会议', counsel: unit.user.id, work_date: day, hours: 1 });
  assert.equal(r.status, 422, r.text);
  assert.equal(r.body.error.details.fields.counsel, '所选人员不能作为“法律顾问”，须为：外聘法律顾问、政府总法律顾问、法律顾问助理');
  r = await create(clerk, 'counsel_contract', { counsel_name: '吴县长', counsel_role: '外聘法律顾问', counsel_user: leader.user.id,
    firm: org('LAW1'), service_start: '2026-01-01', service_end: '2026-12-31' });
  assert.equal(r.status, 422, r.text);
  assert.match(r.body.error.details.fields.counsel_user, /^所选人员不能作为“平台账号”，须为：/);
  // Only the review clerk registers counsel work (create_roles).
  r = await create(unit, 'counsel_work', { work_type: '会议', counsel: counsel.user.id, work_date: day, hours: 1 });
  assert.equal(r.status, 403, r.text);
});

test('views and timelines show people by name: user fields, actors, assignees', async () => {
  const day = chinaDate(await advanceClock(0));
  const title = `法律意见：${uniqueName('工作')}`;
  let r = await create(clerk, 'counsel_work', { work_type: '法律意见', counsel: counsel.user.id, work_date: day, hours: 2 }, { title });
  assert.equal(r.status, 201, r.text);
  let m = r.body;
  assert.deepEqual(m.people, [{ id: counsel.user.id, name: '赵律师', orgName: '明理律师事务所' }]);
  // The user field changes hands; a reader (no lookup of their own) sees both names.
  r = await clerk.call('PATCH', `/api/v1/matters/${m.id}`, { body: { fields: { counsel: chief.user.id } }, headers: { 'if-match': `"${m.version}"` } });
  assert.equal(r.status, 200, r.text);
  m = await walk(r.body, [[chief, 'confirm']]);
  const seen = (await leader.get(`/api/v1/matters/${m.id}`)).body;
  assert.deepEqual(seen.people, [{ id: chief.user.id, name: '李顾问', orgName: '示范县司法局' }]);
  const t = (await leader.get(`/api/v1/matters/${m.id}/events`)).body;
  assert.deepEqual(t.items.map((e) => [e.action, e.username, e.displayName]),
    [['create', 'clerk', '王审查'], ['update', 'clerk', '王审查'], ['confirm', 'chief', '李顾问']]);
  assert.deepEqual(t.people.map((p) => p.name).sort(), ['李顾问', '赵律师'].sort());

  // An assignment's diff names the assignee.
  r = await create(unit, 'legality_review', { category: '其他', submitting_org: org('SCJG') }, { title: `关于${uniqueName('送审')}的审查` });
  assert.equal(r.status, 201, r.text);
  const review = await walk(r.body, [[clerk, 'accept'], [clerk, 'assign', { assigneeId: counsel.user.id }]]);
  const rt = (await clerk.get(`/api/v1/matters/${review.id}/events`)).body;
  assert.deepEqual(rt.items.find((e) => e.action === 'assign').diff.assignee, ['0', counsel.user.id]);
  assert.deepEqual(rt.people, [{ id: counsel.user.id, name: '赵律师', orgName: '明理律师事务所' }]);
  assert.equal(rt.items[0].displayName, '陈报送');
});
