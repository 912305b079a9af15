// Rules the kind definitions state beyond single fields: cross-field checks
// (`checks:` — contract period, validity of normative documents, the decision's
// post-evaluation date), the category of the linked legality review
// (`field_in` on guards), and destructive actions (`style: danger`). A refused
// write answers 422 with a Chinese message on the field and changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoClient, advanceClock, uniqueName } from './lib.mjs';
import { create, act, patch, walk, refused, chinaDate } from './matter-steps.mjs';

let clerk, chief, counsel, unit, leader, undertaker;
let orgs;
const org = (code) => orgs.find((o) => o.code === code).id;
const EARLY = '经批准缩短征求意见期限';

async function serverToday() {
  return chinaDate(await advanceClock(0));
}

// "2026-03-02" shifted by whole years and days (the test dates never fall on 29 February).
function shift(date, years, days = 0) {
  const d = new Date(`${Number(date.slice(0, 4)) + years}${date.slice(4)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// How many matters of `kind` with this exact title the clerk/unit can find.
async function countTitled(c, kind, title) {
  const r = await c.get(`/api/v1/matters?kind=${kind}&q=${encodeURIComponent(title)}`);
  assert.equal(r.status, 200, r.text);
  return r.body.items.filter((m) => m.title === title).length;
}

async function events(c, m) {
  const r = await c.get(`/api/v1/matters/${m.id}/events`);
  assert.equal(r.status, 200, r.text);
  return r.body.items;
}

async function issuedReview(submitter, category, submittingOrg) {
  let r = await create(submitter, 'legality_review', { category, submitting_org: org(submittingOrg) },
    { title: `关于${uniqueName('送审')}的合法性审查` });
  assert.equal(r.status, 201, r.text);
  return walk(r.body, [
    [clerk, 'accept'], [clerk, 'assign', { assigneeId: counsel.user.id }],
    [counsel, 'draft', { fields: { conclusion: '合法', reasons: '制定主体适格。' } }],
    [chief, 'approve'], [clerk, 'issue'],
  ]);
}

async function documentInReview(review, validityType = '正式') {
  const r = await create(unit, 'normative_document',
    { issuer_level: '政府工作部门', enterprise_related: '否', validity_type: validityType },
    { title: `示范县${uniqueName('管理')}${validityType === '正式' ? '' : validityType}办法` });
  assert.equal(r.status, 201, r.text);
  return walk(r.body, [
    [unit, 'open_comment'], [unit, 'close_comment', { fields: { comment_summary: '未收到意见。' }, note: EARLY }],
    [unit, 'submit_review', { fields: { review: review.id } }],
  ]);
}

test('setup', async () => {
  [clerk, chief, counsel, unit, leader, undertaker] = await Promise.all(
    ['clerk', 'chief', 'counsel', 'unit', 'leader', 'undertaker'].map((u) => demoClient(u)));
  orgs = (await clerk.get('/api/v1/orgs')).body.items;
});

test('GET /api/v1/kinds states the checks, the user fields\' roles and the danger actions', async () => {
  const kinds = Object.fromEntries((await clerk.get('/api/v1/kinds')).body.items.map((k) => [k.kind, k]));
  const doc = kinds.normative_document;
  assert.deepEqual(doc.checks.find((c) => c.when.validity_type), {
    field: 'valid_until', op: 'not_after', other: 'published_on', plus: { years: 2, months: 0, days: 0 },
    when: { validity_type: ['暂行', '试行'] },
  });
  const style = (k, a) => kinds[k].actions.find((x) => x.name === a).style;
  for (const [k, a] of [['normative_document', 'abolish'], ['normative_document', 'invalidate'],
    ['normative_document', 'abandon'], ['major_decision', 'terminate'], ['major_decision', 'stop'],
    ['legality_review', 'withdraw'], ['filing_review', 'return'], ['counsel_contract', 'terminate'], ['counsel_work', 'void']])
    assert.equal(style(k, a), 'danger', `${k}.${a}`);
  assert.equal(style('normative_document', 'confirm_valid'), 'default');
  assert.equal(style('legality_review', 'return'), 'default');
  assert.deepEqual(kinds.counsel_work.fields.find((f) => f.key === 'counsel').roles,
    ['chief_counsel', 'external_counsel', 'counsel_assistant']);
  // The review catalogue: the item select's options and their categories come from the list.
  const item = kinds.legality_review.fields.find((f) => f.key === 'catalogue_item');
  assert.equal(item.optionsFrom, 'review_catalogue');
  assert.deepEqual(Object.keys(item.optionAttrs).sort(), [...item.options].sort());
  assert.equal(item.optionAttrs['县政府部门制发的行政规范性文件'].category, '行政规范性文件');
  assert.deepEqual(kinds.legality_review.checks.find((c) => c.op === 'matches'),
    { field: 'catalogue_item', op: 'matches', other: 'category', attr: 'category', plus: { years: 0, months: 0, days: 0 }, when: {} });
});

test('counsel contract: the service period may not end before it starts, on create, edit and renewal', async () => {
  const title = `${uniqueName('法律顾问服务合同')}`;
  const base = { counsel_name: '钱律师', counsel_role: '法律顾问助理', firm: org('LAW1') };
  let r = await create(clerk, 'counsel_contract', { ...base, service_start: '2026-03-01', service_end: '2026-02-28' }, { title });
  assert.equal(r.status, 422, r.text);
  assert.equal(r.body.error.code, 'validation_failed');
  assert.equal(r.body.error.details.fields.service_end, '服务期限止不得早于服务期限起（2026-03-01）');
  assert.equal(await countTitled(clerk, 'counsel_contract', title), 0);

  // The same day is a one-day contract.
  r = await create(clerk, 'counsel_contract', { ...base, service_start: '2026-03-01', service_end: '2026-03-01' }, { title });
  assert.equal(r.status, 201, r.text);
  let c = r.body;
  assert.equal(await countTitled(clerk, 'counsel_contract', title), 1);

  // Moving the start past the end: the error is on the field being changed.
  r = await patch(clerk, c, { fields: { service_start: '2026-04-01' } });
  assert.equal(r.status, 422, r.text);
  assert.deepEqual(Object.keys(r.body.error.details.fields), ['service_start']);
  assert.match(r.body.error.details.fields.service_start, /服务期限止.*服务期限起/);
  const again = (await clerk.get(`/api/v1/matters/${c.id}`)).body;
  assert.equal(again.version, c.version);
  assert.equal(again.fields.service_start, '2026-03-01');
  assert.equal((await events(clerk, c)).length, 1);

  // 续聘 to a date before the start is refused; a later one goes through.
  await refused(chief, c, 'renew', { fields: { service_end: '2026-02-01' } }, 422, 'service_end');
  c = await walk(c, [[chief, 'renew', { fields: { service_end: '2027-02-28' } }]]);
  assert.equal(c.fields.service_end, '2027-02-28');
});

test('normative document: valid at most 5 years after publication, 暂行/试行 at most 2, and after 审议', async () => {
  const today = await serverToday();
  const review = await issuedReview(unit, '行政规范性文件', 'SCJG');
  const toIssued = async (validityType) => walk(await documentInReview(review, validityType), [
    [unit, 'deliberate', { fields: { meeting: '局党组会议', meeting_date: today } }],
    [leader, 'issue', { fields: { signer: '局长' } }],
  ]);
  const publish = (until, on = today) => ({ fields: { publication: '县政府门户网站', published_on: on, valid_until: until } });

  let d = await toIssued('正式');
  let r = await refused(unit, d, 'publish', publish(shift(today, 5, 1)), 422, 'valid_until');
  assert.equal(r.body.error.details.fields.valid_until, `有效期至不得晚于公布日期后5年（${shift(today, 5)}）`);
  r = await refused(unit, d, 'publish', publish(today), 422, 'valid_until');
  assert.equal(r.body.error.details.fields.valid_until, `有效期至须晚于公布日期（${today}）`);
  // Published before it was deliberated: refused on the publication date.
  r = await refused(unit, d, 'publish', publish(shift(today, 1), shift(today, 0, -1)), 422, 'published_on');
  assert.equal(r.body.error.details.fields.published_on, `公布日期不得早于审议日期（${today}）`);
  const still = (await unit.get(`/api/v1/matters/${d.id}`)).body;
  assert.deepEqual([still.state, still.version, still.fields.valid_until ?? null], ['issued', d.version, null]);
  d = await walk(d, [[unit, 'publish', publish(shift(today, 5))]]);
  assert.equal(d.fields.valid_until, shift(today, 5));
  // Once valid, an edit is held to the same rule.
  r = await patch(unit, d, { fields: { valid_until: shift(today, 6) } });
  assert.equal(r.status, 422, r.text);
  assert.ok(r.body.error.details.fields.valid_until);

  let t = await toIssued('暂行');
  r = await refused(unit, t, 'publish', publish(shift(today, 3)), 422, 'valid_until');
  assert.equal(r.body.error.details.fields.valid_until,
    `文件性质为暂行、试行的，有效期至不得晚于公布日期后2年（${shift(today, 2)}）`);
  t = await walk(t, [[unit, 'publish', publish(shift(today, 2))]]);
  assert.equal(t.state, 'published');
  // Re-labelling a published 暂行 document as 试行 keeps the rule; as 正式 the five years apply.
  r = await patch(unit, t, { fields: { validity_type: '试行', valid_until: shift(today, 4) } });
  assert.equal(r.status, 422, r.text);
  r = await patch(unit, t, { fields: { validity_type: '正式', valid_until: shift(today, 4) } });
  assert.equal(r.status, 200, r.text);
});

test('normative document: the linked review must be of category 行政规范性文件', async () => {
  const today = await serverToday();
  const wrong = await issuedReview(unit, '政策文件', 'SCJG');
  let d = await documentInReview(wrong);
  const meeting = { fields: { meeting: '局党组会议', meeting_date: today } };
  let r = await refused(unit, d, 'deliberate', meeting, 409, 'guard_failed');
  assert.equal(r.body.error.message, '关联的合法性审查不是“行政规范性文件”类别的审查，不能作为本文件的合法性审核，不得提交集体审议');
  assert.equal((await unit.get(`/api/v1/matters/${d.id}`)).body.state, 'in_review');

  // Revised and sent again with a review of the right category: it passes.
  const right = await issuedReview(unit, '行政规范性文件', 'SCJG');
  d = await walk(d, [[unit, 'revise', { note: '按规范性文件重新送审' }], [unit, 'submit_review', { fields: { review: right.id } }],
    [unit, 'deliberate', meeting]]);
  assert.equal(d.state, 'deliberated');

  // Re-linked to the wrong review after deliberation: 签发 is refused the same way.
  r = await patch(unit, d, { fields: { review: wrong.id } });
  assert.equal(r.status, 200, r.text);
  d = r.body;
  r = await refused(leader, d, 'issue', { fields: { signer: '局长' } }, 409, 'guard_failed');
  assert.match(r.body.error.message, /不是“行政规范性文件”类别.*不得签发/);
});

test('normative document: the linked review must be one its own unit submitted', async () => {
  const today = await serverToday();
  // An issued, lawful review of the right category — but 住建局's, not 市场监管局's.
  const others = await issuedReview(unit, '行政规范性文件', 'ZJJ');
  let d = await documentInReview(others);
  const meeting = { fields: { meeting: '局党组会议', meeting_date: today } };
  const r = await refused(unit, d, 'deliberate', meeting, 409, 'guard_failed');
  assert.equal(r.body.error.message, '关联的合法性审查不是本单位报送的审查，不能作为本文件的合法性审核，不得提交集体审议');
  const own = await issuedReview(unit, '行政规范性文件', 'SCJG');
  d = await walk(d, [[unit, 'revise', { note: '改送本单位报送的审查' }], [unit, 'submit_review', { fields: { review: own.id } }],
    [unit, 'deliberate', meeting]]);
  assert.equal(d.state, 'deliberated');
});

test('major decision: the linked review must be of category 重大行政决策; post-evaluation after the meeting', async () => {
  const today = await serverToday();
  let r = await create(undertaker, 'major_decision',
    { catalogue_year: Number(today.slice(0, 4)), undertaking_org: org('ZJJ'), planned_date: shift(today, 1) },
    { title: `示范县${uniqueName('决策')}方案` });
  assert.equal(r.status, 201, r.text);
  const wrong = await issuedReview(undertaker, '行政规范性文件', 'ZJJ');
  let m = await walk(r.body, [
    [undertaker, 'start'], [undertaker, 'draft_plan', { fields: { plan_summary: '方案要点。' } }],
    [undertaker, 'consult', { fields: { consultation: '已协商。' } }], [undertaker, 'open_comment'],
    [undertaker, 'close_comment', { fields: { comment_summary: '无意见。' }, note: EARLY }],
    [undertaker, 'waive_expert_review', { note: '不涉及' }], [undertaker, 'waive_risk_assessment', { note: '不涉及' }],
    [undertaker, 'request_review', { fields: { review: wrong.id } }],
  ]);
  const decide = { fields: { meeting_type: '常务会议', meeting_date: today } };
  r = await refused(leader, m, 'collective_decision', decide, 409, 'guard_failed');
  assert.equal(r.body.error.message, '关联的合法性审查不是“重大行政决策”类别的审查，不能作为本决策的合法性审查，不得提交集体讨论');
  const right = await issuedReview(undertaker, '重大行政决策', 'ZJJ');
  r = await patch(undertaker, m, { fields: { review: right.id } });
  assert.equal(r.status, 200, r.text);
  m = await walk(r.body, [[leader, 'collective_decision', decide],
    [undertaker, 'publish', { fields: { publication: '县政府公报' } }], [undertaker, 'archive', { fields: { archive_no: 'JC-1' } }]]);
  r = await refused(undertaker, m, 'implement', { fields: { evaluation_due: today } }, 422, 'evaluation_due');
  assert.equal(r.body.error.details.fields.evaluation_due, `后评估计划完成日期须晚于会议日期（${today}）`);
  m = await walk(m, [[undertaker, 'implement', { fields: { evaluation_due: shift(today, 1) } }]]);
  assert.equal(m.state, 'implementing');
});
