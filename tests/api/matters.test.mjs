// The matter engine end to end with the test kind (definitions/kinds-test):
// creation with validation, every action, role/scope/state/version checks,
// deadlines (suspend, resume, extend), numbering, guards, links, parties,
// attachments, search, the inbox, the timeline and the audit trail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request, demoClient, advanceClock, uniqueName } from './lib.mjs';

const KIND = 'test_case';
let clerk, chief, counsel, unit, recon, leader;
let orgs;

function chinaDate(ms) {
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

async function serverToday() {
  return chinaDate(await advanceClock(0));
}

function org(code) { return orgs.find((o) => o.code === code).id; }

async function create(c, extra = {}) {
  const title = extra.title ?? `关于${uniqueName('事项')}的合法性审查`;
  const body = {
    kind: KIND, title, orgId: extra.orgId ?? org('JUS-LR'),
    fields: { subject: '示范县城市道路停车管理办法', category: '行政规范性文件', submitting_org: org('SCJG'), ...(extra.fields ?? {}) },
  };
  return c.post('/api/v1/matters', body);
}

async function act(c, m, action, body = {}, version = m.version) {
  return c.call('POST', `/api/v1/matters/${m.id}/actions/${action}`, { body, headers: { 'if-match': `"${version}"` } });
}

// Signs everyone in again (moving the test clock ends idle sessions).
async function signInAll() {
  [clerk, chief, counsel, unit, recon, leader] = await Promise.all(
    ['clerk', 'chief', 'counsel', 'unit', 'recon', 'leader'].map((u) => demoClient(u)));
}

async function passDays(days) {
  await advanceClock(days * 24 * 3600 * 1000);
  await signInAll();
}

test('setup: demo users', async () => {
  await signInAll();
  orgs = (await clerk.get('/api/v1/orgs')).body.items;
});

test('kinds describe fields, states, actions and deadlines', async () => {
  const r = await clerk.get(`/api/v1/kinds/${KIND}`);
  assert.equal(r.status, 200);
  assert.equal(r.body.label, '测试事项');
  const types = new Set(r.body.fields.map((f) => f.type));
  for (const t of ['text', 'long_text', 'number', 'money', 'date', 'enum', 'org', 'user', 'party', 'attachment', 'matter_link'])
    assert.ok(types.has(t), t);
  assert.ok(r.body.actions.some((a) => a.name === 'assign' && a.require.includes('assignee')));
  assert.equal((await clerk.get('/api/v1/kinds/nope')).status, 404);
  assert.ok((await clerk.get('/api/v1/kinds')).body.items.some((k) => k.kind === KIND));
});

test('creation validates fields and loses nothing on error', async () => {
  const before = (await clerk.get(`/api/v1/matters?kind=${KIND}`)).body.total;
  let r = await clerk.post('/api/v1/matters', { kind: KIND, title: '', fields: { category: '火星', page_count: 0, bogus: 1, party: { name: '张三', idNumber: '110105194912310021' } } });
  assert.equal(r.status, 422);
  const f = r.body.error.details.fields;
  for (const k of ['title', 'subject', 'category', 'submitting_org', 'page_count', 'bogus', 'party']) assert.ok(f[k], k);
  r = await clerk.post('/api/v1/matters', { kind: 'no_such_kind', title: 'x' });
  assert.equal(r.status, 422);
  r = await clerk.post('/api/v1/matters', { kind: KIND, title: 'x', fields: { subject: 's', category: '其他', submitting_org: '123' } });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.details.fields.submitting_org);
  assert.equal((await clerk.get(`/api/v1/matters?kind=${KIND}`)).body.total, before);
  // Admins hold no business permission.
  const sys = await demoClient('sysadmin');
  assert.equal((await create(sys)).status, 403);
});

test('a matter walks through its actions with deadlines, numbering and a timeline', async () => {
  const created = await create(clerk, { fields: { description: '长文本说明', page_count: 12, amount: '1234.567', requested_by: '2026-12-31' } });
  assert.equal(created.status, 201, created.text);
  let m = created.body;
  assert.equal(m.state, 'submitted');
  assert.equal(m.stateLabel, '已报送');
  assert.equal(created.headers.get('etag'), '"1"');
  assert.equal(m.fields.amount, 1234.57);
  assert.deepEqual(m.actions.map((a) => a.name).sort(), ['accept', 'return']);

  // Role, precondition and version checks.
  assert.equal((await act(unit, m, 'accept')).status, 404, 'unit sees nothing of another org');
  assert.equal((await act(leader, m, 'accept')).status, 403);
  let r = await clerk.call('POST', `/api/v1/matters/${m.id}/actions/accept`, { body: {} });
  assert.equal(r.status, 428);
  assert.equal((await act(clerk, m, 'accept', {}, 7)).status, 409);
  assert.equal((await act(clerk, m, 'approve')).status, 409);

  r = await act(clerk, m, 'accept');
  assert.equal(r.status, 200, r.text);
  m = r.body;
  assert.equal(m.version, 2);
  const today = await serverToday();
  const expected = (await clerk.get(`/api/v1/calendar/deadline?from=${today}&days=7&unit=working_day`)).body.due;
  const handling = m.deadlines.find((d) => d.name === 'handling');
  assert.equal(handling.status, 'running');
  assert.equal(handling.dueOn, expected);
  assert.equal(m.dueOn, expected);
  assert.equal(handling.light.color, 'green');

  // Assignment to the external counsel, who sees only what is assigned.
  assert.equal((await counsel.get(`/api/v1/matters/${m.id}`)).status, 404);
  r = await act(clerk, m, 'assign', {});
  assert.equal(r.status, 422);
  assert.ok(r.body.error.details.fields.assignee);
  r = await act(clerk, m, 'assign', { assigneeId: counsel.user.id });
  assert.equal(r.status, 200, r.text);
  m = r.body;
  assert.equal(m.assigneeName, '赵律师');
  assert.equal((await counsel.get(`/api/v1/matters/${m.id}`)).status, 200);
  const inbox = await counsel.get('/api/v1/inbox');
  assert.ok(inbox.body.items.some((i) => i.id === m.id), 'assigned matter is in the counsel inbox');
  const counselList = await counsel.get('/api/v1/matters?pageSize=200');
  assert.ok(counselList.body.items.every((i) => i.assigneeId === counsel.user.id || i.creatorId === counsel.user.id));

  // Suspension stops the clock; resumption restarts it with what was left.
  r = await act(clerk, m, 'suspend', {});
  assert.equal(r.status, 422);
  r = await act(clerk, m, 'suspend', { note: '等待补充材料' });
  assert.equal(r.status, 200, r.text);
  m = r.body;
  assert.equal(m.deadlines.find((d) => d.name === 'handling').status, 'suspended');
  assert.equal(m.light.color, 'paused');
  await passDays(3);
  r = await act(clerk, m, 'resume');
  assert.equal(r.status, 200, r.text);
  m = r.body;
  const resumedDue = m.deadlines.find((d) => d.name === 'handling').dueOn;
  assert.ok(resumedDue > expected, `${resumedDue} after ${expected}`);

  // Extension once, approved by the chief counsel.
  r = await act(counsel, m, 'request_extension', { note: '案情复杂' });
  assert.equal(r.status, 200, r.text);
  m = r.body;
  assert.equal((await act(counsel, m, 'extend', { note: 'x' })).status, 403);
  r = await act(chief, m, 'extend', { note: '同意延期七个工作日' });
  assert.equal(r.status, 200, r.text);
  m = r.body;
  const extendedDue = m.deadlines.find((d) => d.name === 'handling').dueOn;
  const expectExtended = (await clerk.get(`/api/v1/calendar/deadline?from=${resumedDue}&days=7&unit=working_day`)).body.due;
  assert.equal(extendedDue, expectExtended);
  r = await act(chief, m, 'extend', { note: '再次' });
  assert.equal(r.status, 409);

  // Draft, approve, close: number and outcome.
  r = await act(counsel, m, 'draft', { fields: { conclusion: '无效结论' } });
  assert.equal(r.status, 422);
  r = await act(counsel, m, 'draft', { fields: { conclusion: '修改后合法', opinion: '第三条应当删除。' } });
  assert.equal(r.status, 200, r.text);
  m = r.body;
  r = await act(chief, m, 'approve');
  assert.equal(r.status, 200, r.text);
  m = r.body;
  r = await act(clerk, m, 'close');
  assert.equal(r.status, 200, r.text);
  m = r.body;
  assert.equal(m.state, 'closed');
  assert.equal(m.outcome, '修改后合法');
  assert.match(m.number, /^审查办测〔\d{4}〕\d+号$/);
  assert.ok(m.closedAt > 0);
  assert.equal(m.deadlines.find((d) => d.name === 'handling').status, 'stopped');
  assert.equal(m.deadlines.find((d) => d.name === 'feedback_due').status, 'running');

  const events = (await clerk.get(`/api/v1/matters/${m.id}/events`)).body.items;
  assert.deepEqual(events.map((e) => e.action),
    ['create', 'accept', 'assign', 'suspend', 'resume', 'request_extension', 'extend', 'draft', 'approve', 'close']);
  assert.equal(events[7].username, 'counsel');
  assert.deepEqual(events[7].diff.conclusion, [null, '修改后合法']);
  assert.equal(events[3].note, '等待补充材料');

  const audit = await demoClient('auditadmin');
  const log = await audit.get(`/api/v1/audit?action=matter.action&pageSize=200`);
  assert.ok(log.body.items.filter((e) => e.object === `matter:${m.id}`).length >= 9);
});

test('numbers are per org and year, in sequence', async () => {
  const numbers = [];
  for (let i = 0; i < 2; i++) {
    let m = (await create(clerk)).body;
    for (const [who, action, body] of [[clerk, 'accept', {}], [clerk, 'assign', { assigneeId: chief.user.id }],
      [chief, 'draft', { fields: { conclusion: '合法' } }], [chief, 'approve', {}], [clerk, 'close', {}]]) {
      const r = await act(who, m, action, body);
      assert.equal(r.status, 200, `${action}: ${r.text}`);
      m = r.body;
    }
    numbers.push(m.number);
  }
  const seq = numbers.map((n) => Number(/〕(\d+)号/.exec(n)[1]));
  assert.equal(seq[1], seq[0] + 1);
});

test('parallel conflicting actions: exactly one wins', async () => {
  const m = (await create(clerk)).body;
  const results = await Promise.all(Array.from({ length: 8 }, () => act(clerk, m, 'accept')));
  const codes = results.map((r) => r.status).sort();
  assert.equal(codes.filter((c) => c === 200).length, 1, codes.join(','));
  assert.equal(codes.filter((c) => c === 409).length, 7, codes.join(','));
  const after = await clerk.get(`/api/v1/matters/${m.id}`);
  assert.equal(after.body.version, 2);
  const events = (await clerk.get(`/api/v1/matters/${m.id}/events`)).body.items;
  assert.equal(events.filter((e) => e.action === 'accept').length, 1);
});

test('PATCH needs If-Match and refuses stale versions', async () => {
  const m = (await create(clerk)).body;
  assert.equal((await clerk.patch(`/api/v1/matters/${m.id}`, { title: '新标题' })).status, 428);
  let r = await clerk.call('PATCH', `/api/v1/matters/${m.id}`, { body: { title: '新标题', fields: { page_count: 3 } }, headers: { 'if-match': '"1"' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.title, '新标题');
  assert.equal(r.headers.get('etag'), '"2"');
  r = await clerk.call('PATCH', `/api/v1/matters/${m.id}`, { body: { title: '旧版本' }, headers: { 'if-match': '"1"' } });
  assert.equal(r.status, 409);
  assert.equal(r.body.error.code, 'version_conflict');
  r = await unit.call('PATCH', `/api/v1/matters/${m.id}`, { body: { title: '越权' }, headers: { 'if-match': '"2"' } });
  assert.equal(r.status, 404);
});

test('guards refuse until a linked matter is in the right state', async () => {
  let first = (await create(clerk)).body;
  // A link to a matter the caller cannot read is refused (it could satisfy a guard).
  const sneaky = await create(unit, { orgId: org('SCJG'), fields: { related: first.id } });
  assert.equal(sneaky.status, 422);
  assert.ok(sneaky.body.error.details.fields.related);
  let m = (await create(clerk, { fields: { related: first.id } })).body;
  assert.ok(m.links.some((l) => l.id === first.id && l.direction === 'out'));
  for (const [who, action, body] of [[clerk, 'accept', {}], [clerk, 'assign', { assigneeId: chief.user.id }],
    [chief, 'draft', { fields: { conclusion: '合法' } }], [chief, 'approve', {}]]) {
    m = (await act(who, m, action, body)).body;
  }
  let r = await act(clerk, m, 'confirm_link');
  assert.equal(r.status, 409);
  assert.equal(r.body.error.code, 'guard_failed');
  assert.equal(r.body.error.message, '关联的测试事项尚未办结');
  for (const [who, action, body] of [[clerk, 'accept', {}], [clerk, 'assign', { assigneeId: chief.user.id }],
    [chief, 'draft', { fields: { conclusion: '合法' } }], [chief, 'approve', {}], [clerk, 'close', {}]]) {
    first = (await act(who, first, action, body)).body;
  }
  r = await act(clerk, m, 'confirm_link');
  assert.equal(r.status, 200, r.text);
});

test('party data: masked, stored encrypted, revealed in scope with audit', async () => {
  const r = await create(clerk, { orgId: org('JUS-RC'), fields: { party: { name: '王小明', idNumber: '11010519491231002X', phone: '13912345678' } } });
  assert.equal(r.status, 201, r.text);
  const m = r.body;
  assert.equal(m.fields.party.idNumber, '110105********002X');
  assert.equal(m.fields.party.phone, '139****5678');
  assert.ok(!JSON.stringify(m).includes('王小明'));
  assert.equal((await clerk.post(`/api/v1/matters/${m.id}/reveal`, { field: 'party', part: 'idNumber' })).status, 403);
  const shown = await recon.post(`/api/v1/matters/${m.id}/reveal`, { field: 'party', part: 'idNumber' });
  assert.equal(shown.status, 200, shown.text);
  assert.equal(shown.body.value, '11010519491231002X');
  const list = await clerk.get(`/api/v1/matters?q=${encodeURIComponent(m.title.slice(2, 6))}`);
  assert.ok(!list.text.includes('11010519491231002X'));
});

test('attachments: type checked by content, served as a download, scoped', async () => {
  const m = (await create(clerk)).body;
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const up = await fetch(`${process.env.FAZHI_BASE_URL}/api/v1/matters/${m.id}/attachments?name=${encodeURIComponent('送审稿.pdf')}`, {
    method: 'POST', body: pdf, headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': 'application/pdf' },
  });
  assert.equal(up.status, 201, await up.clone().text());
  const att = await up.json();
  assert.equal(att.contentType, 'application/pdf');
  const exe = await fetch(`${process.env.FAZHI_BASE_URL}/api/v1/matters/${m.id}/attachments?name=a.pdf`, {
    method: 'POST', body: Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00'), headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
  });
  assert.equal(exe.status, 415);
  const dl = await fetch(`${process.env.FAZHI_BASE_URL}${att.url}`, { headers: { cookie: clerk.cookie } });
  assert.equal(dl.status, 200);
  assert.match(dl.headers.get('content-disposition'), /^attachment; filename\*=UTF-8''/);
  assert.deepEqual(Buffer.from(await dl.arrayBuffer()), pdf);
  const foreign = await fetch(`${process.env.FAZHI_BASE_URL}${att.url}`, { headers: { cookie: unit.cookie } });
  assert.equal(foreign.status, 404);
  const found = await clerk.get(`/api/v1/matters?q=${encodeURIComponent('送审')}&kind=${KIND}`);
  assert.ok(found.body.items.some((i) => i.id === m.id), 'attachment names are searchable');
});

test('search: Chinese substrings of 1–4 characters, same on both backends', async () => {
  const tag = `检索${Math.floor(Math.random() * 1e6)}`;
  const m = (await create(clerk, { title: `关于${tag}乡村振兴项目用地协议的审查` })).body;
  for (const q of ['乡村振兴', '振兴', '用地协', '协议', tag]) {
    const r = await clerk.get(`/api/v1/matters?q=${encodeURIComponent(q)}&pageSize=200`);
    assert.equal(r.status, 200);
    assert.ok(r.body.items.some((i) => i.id === m.id), q);
  }
  const one = await clerk.get(`/api/v1/matters?q=${encodeURIComponent('协')}&pageSize=200`);
  assert.ok(one.body.items.some((i) => i.id === m.id));
  const none = await clerk.get(`/api/v1/matters?q=${encodeURIComponent('振乡')}&kind=${KIND}`);
  assert.ok(!none.body.items.some((i) => i.id === m.id));
  assert.equal((await clerk.get('/api/v1/matters?due=tomorrow')).status, 400);
});

test('lists filter by kind, state and due, always within scope', async () => {
  const m = (await create(clerk)).body;
  await act(clerk, m, 'accept');
  const r = await clerk.get(`/api/v1/matters?kind=${KIND}&state=accepted&pageSize=200`);
  assert.ok(r.body.items.every((i) => i.state === 'accepted'));
  assert.ok(r.body.items.some((i) => i.id === m.id));
  await passDays(20);
  const overdue = await clerk.get(`/api/v1/matters?due=overdue&pageSize=200`);
  const hit = overdue.body.items.find((i) => i.id === m.id);
  assert.ok(hit, 'overdue after 20 days');
  assert.equal(hit.light.color, 'red');
  // Users with an all-county scope filter too (their scope adds no SQL).
  const chiefMine = await chief.get('/api/v1/matters?assignee=me&pageSize=5');
  assert.equal(chiefMine.status, 200, chiefMine.text);
  assert.equal((await chief.get('/api/v1/inbox')).status, 200);
  const unitList = await unit.get('/api/v1/matters?pageSize=200');
  assert.ok(unitList.body.items.every((i) => i.orgId === unit.user.orgId || i.creatorId === unit.user.id));
  assert.equal((await unit.get(`/api/v1/matters/${m.id}`)).status, 404);
  assert.equal((await unit.get(`/api/v1/matters/${m.id}/events`)).status, 404);
});
