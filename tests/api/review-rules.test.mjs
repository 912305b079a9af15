// Rules of the engine that the legality review kind uses (issue 5, on the
// engine of issue 4): the review period chosen by category (length_by), due
// dates counted again when the category is corrected or the calendar is
// edited, the office that handles every review (handled_by), who may submit
// (create_roles), whom 分流 may pick (assignee_roles, with the candidates
// list), 回避 (recuse, excluding_actors_of) and drafting by the assignee only
// (assignee_only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoClient, advanceClock, uniqueName } from './lib.mjs';
import { create, act, patch, walk, refused, deadline, chinaDate } from './matter-steps.mjs';

let clerk, chief, counsel, unit, undertaker, sys, auditor;
let orgs;
const org = (code) => orgs.find((o) => o.code === code).id;

async function dueAfter(from, days) {
  const r = await clerk.get(`/api/v1/calendar/deadline?from=${from}&days=${days}&unit=working_day`);
  assert.equal(r.status, 200, r.text);
  return r.body.due;
}

async function submitted(category) {
  const r = await create(unit, 'legality_review', { category, submitting_org: org('SCJG') },
    { title: `关于${uniqueName('送审')}的合法性审查` });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

test('setup', async () => {
  [clerk, chief, counsel, unit, undertaker, sys, auditor] = await Promise.all(
    ['clerk', 'chief', 'counsel', 'unit', 'undertaker', 'sysadmin', 'auditadmin'].map((u) => demoClient(u)));
  orgs = (await clerk.get('/api/v1/orgs')).body.items;
});

test('submission: only units and undertakers, always handled by the review office', async () => {
  const kinds = (await clerk.get('/api/v1/kinds')).body.items;
  assert.equal(kinds.find((k) => k.kind === 'legality_review').canCreate, false);
  assert.equal((await unit.get('/api/v1/kinds')).body.items.find((k) => k.kind === 'legality_review').canCreate, true);
  assert.equal((await unit.get('/api/v1/kinds/legality_review')).body.canCreate, true);

  const byClerk = await create(clerk, 'legality_review', { category: '其他', submitting_org: org('SCJG') });
  assert.equal(byClerk.status, 403, byClerk.text);
  assert.match(byClerk.body.error.message, /合法性审查/);

  // Without orgId the review goes to 合法性审查办公室, and its clerks see it.
  const m = await submitted('政策文件');
  assert.equal(m.orgId, org('JUS-LR'));
  assert.equal((await clerk.get(`/api/v1/matters/${m.id}`)).status, 200);
  // Another org is refused on the field, naming the office.
  const elsewhere = await create(unit, 'legality_review', { category: '其他', submitting_org: org('SCJG') },
    { orgId: org('SCJG') });
  assert.equal(elsewhere.status, 422, elsewhere.text);
  assert.match(elsewhere.body.error.details.fields.orgId, /合法性审查办公室/);
  // The undertaker may submit too.
  const byUndertaker = await create(undertaker, 'legality_review', { category: '重大行政决策', submitting_org: org('SCJG') });
  assert.equal(byUndertaker.status, 201, byUndertaker.text);
});

test('the review period follows the category, also when the category is corrected', async () => {
  const today = chinaDate(await advanceClock(0));
  let m = await submitted('政策文件');
  m = await walk(m, [[clerk, 'accept']]);
  let period = deadline(m, 'review_period');
  assert.equal(period.length, 10);
  assert.equal(period.dueOn, await dueAfter(today, 10));

  // 政策文件 → 行政规范性文件: 15 working days from 受理, on the timeline.
  const r = await patch(unit, m, { fields: { category: '行政规范性文件' } });
  assert.equal(r.status, 200, r.text);
  m = r.body;
  period = deadline(m, 'review_period');
  assert.equal(period.length, 15);
  assert.equal(period.dueOn, await dueAfter(today, 15));
  assert.equal(m.dueOn, period.dueOn);
  const ev = (await clerk.get(`/api/v1/matters/${m.id}/events`)).body.items;
  const update = ev.find((e) => e.action === 'update');
  assert.deepEqual(update.diff['deadline.review_period'], [await dueAfter(today, 10), period.dueOn]);
  assert.deepEqual(update.diff.category, ['政策文件', '行政规范性文件']);

  // A category chosen at submission is used when 受理 starts the clock.
  let n = await submitted('重大行政决策');
  n = await walk(n, [[clerk, 'accept']]);
  assert.equal(deadline(n, 'review_period').dueOn, await dueAfter(today, 15));
});

test('分流: candidates are the counsel roles, least loaded first; others are refused', async () => {
  let m = await submitted('行政协议');
  m = await walk(m, [[clerk, 'accept']]);
  const r = await clerk.get(`/api/v1/matters/${m.id}/actions/assign/candidates`);
  assert.equal(r.status, 200, r.text);
  const items = r.body.items;
  const names = items.map((i) => i.name);
  const counselRow = items.find((i) => i.id === counsel.user.id);
  const chiefRow = items.find((i) => i.id === chief.user.id);
  assert.ok(counselRow && chiefRow, `counsel and chief are candidates: ${names}`);
  assert.ok(counselRow.roles.includes('外聘法律顾问'), JSON.stringify(counselRow));
  assert.ok(chiefRow.orgName.length > 0);
  assert.ok(!items.some((i) => i.id === unit.user.id || i.id === clerk.user.id), 'no unit or clerk');
  for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].openMatters <= items[i].openMatters, 'least loaded first');

  // The load counts open matters assigned to them.
  const before = counselRow.openMatters;
  m = await walk(m, [[clerk, 'assign', { assigneeId: counsel.user.id }]]);
  const after = (await clerk.get(`/api/v1/matters/${m.id}/actions/assign/candidates`)).body.items
    .find((i) => i.id === counsel.user.id).openMatters;
  assert.equal(after, before + 1);

  // Someone without a counsel role cannot be picked.
  const wrong = await refused(clerk, m, 'assign', { assigneeId: unit.user.id }, 422, 'assignee');
  assert.match(wrong.body.error.details.fields.assignee, /外聘法律顾问/);

  assert.equal((await clerk.get(`/api/v1/matters/${m.id}/actions/accept/candidates`)).status, 422);
  assert.equal((await clerk.get(`/api/v1/matters/${m.id}/actions/accept/candidates`)).body.error.code, 'not_an_assign_action');
  assert.equal((await unit.get(`/api/v1/matters/${m.id}/actions/assign/candidates`)).status, 403);
  assert.equal((await clerk.get(`/api/v1/matters/${m.id}/actions/nothing/candidates`)).status, 404);
  assert.equal((await undertaker.get(`/api/v1/matters/${m.id}/actions/assign/candidates`)).status, 404);
});

test('拟写审查意见 is for the assignee only', async () => {
  let m = await submitted('权责清单');
  m = await walk(m, [[clerk, 'accept'], [clerk, 'assign', { assigneeId: counsel.user.id }]]);
  const seenByChief = (await chief.get(`/api/v1/matters/${m.id}`)).body;
  assert.ok(!seenByChief.actions.some((a) => a.name === 'draft'), 'the chief has no 拟写 button');
  await refused(chief, m, 'draft', { fields: { conclusion: '合法', reasons: '越过承办人' } }, 403);
  const seenByCounsel = (await counsel.get(`/api/v1/matters/${m.id}`)).body;
  assert.ok(seenByCounsel.actions.some((a) => a.name === 'draft'));
  m = await walk(m, [[counsel, 'draft', { fields: { conclusion: '合法', reasons: '符合法定权限和程序。' } }]]);
  assert.equal(m.state, 'drafted');
});

test('申请回避: the assignee steps back with a reason and is neither offered nor assignable again', async () => {
  let m = await submitted('行政协议');
  m = await walk(m, [[clerk, 'accept'], [clerk, 'assign', { assigneeId: counsel.user.id }]]);
  // Only the assignee may recuse, and only with the reason.
  await refused(chief, m, 'recuse', { note: '与本案无关' }, 403);
  await refused(counsel, m, 'recuse', {}, 422, 'note');
  let r = await act(counsel, m, 'recuse', { note: '本所担任合同相对方的常年法律顾问，申请回避' });
  assert.equal(r.status, 200, r.text);
  // An external counsel sees a review only while it is assigned to them: the answer says what
  // happened and shows nothing else.
  assert.deepEqual(r.body, { id: m.id, kind: 'legality_review', kindLabel: '合法性审查', state: 'accepted',
    stateLabel: '已受理', version: m.version + 1, readable: false });
  m = (await clerk.get(`/api/v1/matters/${m.id}`)).body;
  assert.equal(m.state, 'accepted');
  assert.ok(!m.assigneeId || m.assigneeId === '0', `no assignee: ${m.assigneeId}`);
  assert.equal((await counsel.get(`/api/v1/matters/${m.id}`)).status, 404);
  const events = (await clerk.get(`/api/v1/matters/${m.id}/events`)).body.items;
  const recusal = events.find((e) => e.action === 'recuse');
  assert.equal(recusal.note, '本所担任合同相对方的常年法律顾问，申请回避');
  assert.equal(recusal.userId, counsel.user.id);

  const offered = (await clerk.get(`/api/v1/matters/${m.id}/actions/assign/candidates`)).body.items;
  assert.ok(!offered.some((i) => i.id === counsel.user.id), 'the recused counsel is not offered');
  assert.ok(offered.some((i) => i.id === chief.user.id));
  r = await refused(clerk, m, 'assign', { assigneeId: counsel.user.id }, 422, 'assignee');
  assert.equal(r.body.error.details.fields.assignee, '该人员已就本事项申请回避，不能分流给其承办');
  m = await walk(m, [[clerk, 'assign', { assigneeId: chief.user.id }]]);
  assert.equal(m.assigneeId, chief.user.id);
  // Another review may still go to the same counsel.
  const other = await walk(await submitted('行政协议'), [[clerk, 'accept'], [clerk, 'assign', { assigneeId: counsel.user.id }]]);
  assert.equal(other.state, 'assigned');
});

test('a calendar edit moves running review periods, on the timeline and in the audit record', async () => {
  const today = chinaDate(await advanceClock(0));
  const year = Number(today.slice(0, 4));
  let m = await submitted('行政规范性文件');
  m = await walk(m, [[clerk, 'accept']]);
  const due = deadline(m, 'review_period').dueOn;
  // A stopped period must not move: issue another review first.
  let done = await submitted('其他');
  done = await walk(done, [[clerk, 'accept'], [clerk, 'return', { note: '请补充起草说明' }]]);
  const stoppedDue = deadline(done, 'review_period').dueOn;

  const original = (await sys.get(`/api/v1/calendar/${year}`)).body;
  const restore = { holidays: original.holidays, makeupWorkdays: original.makeupWorkdays };
  // The next working day after today becomes a rest day: the period ends one working day later.
  const next = await dueAfter(today, 1);
  try {
    const r = await sys.put(`/api/v1/calendar/${year}`, { holidays: [...original.holidays, next], makeupWorkdays: original.makeupWorkdays });
    assert.equal(r.status, 200, r.text);
    const moved = (await clerk.get(`/api/v1/matters/${m.id}`)).body;
    const newDue = deadline(moved, 'review_period').dueOn;
    assert.equal(newDue, await dueAfter(today, 15), 'counted again under the edited calendar');
    assert.notEqual(newDue, due);
    assert.equal(moved.version, m.version + 1);
    const ev = (await clerk.get(`/api/v1/matters/${m.id}/events`)).body.items;
    const recount = ev.find((e) => e.action === 'deadline.recount');
    assert.ok(recount, JSON.stringify(ev.map((e) => e.action)));
    assert.equal(recount.actionLabel, '期限重算（工作日历调整）');
    assert.deepEqual(recount.diff['deadline.review_period'], [due, newDue]);
    assert.equal(deadline((await clerk.get(`/api/v1/matters/${done.id}`)).body, 'review_period').dueOn, stoppedDue);

    const log = await auditor.get('/api/v1/audit?action=calendar.update&pageSize=5');
    const rec = log.body.items.find((i) => i.object === `calendar:${year}`);
    assert.ok(rec, log.text);
    const detail = JSON.parse(rec.detail);
    assert.ok(detail.recounted >= 1);
    assert.ok(detail.recountedIds.includes(m.id), rec.detail);
  } finally {
    const back = await sys.put(`/api/v1/calendar/${year}`, restore);
    assert.equal(back.status, 200, back.text);
  }
  // Restoring the calendar counts the period back.
  assert.equal(deadline((await clerk.get(`/api/v1/matters/${m.id}`)).body, 'review_period').dueOn, due);
});
