// The kinds of issue 5 (definitions/kinds/): 合法性审查, 行政规范性文件, 备案审查,
// 重大行政决策, 法律顾问聘用合同 and 工作记录. Each kind is walked through every
// action with the demo account that holds the role, with the refusals that
// matter (role, state order, required notes and fields, guards, scope), and
// every deadline's due date is compared with the calendar service's answer
// for the server's today. The clock is not moved: every period here starts
// today, and moving the clock would end the sessions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoClient, advanceClock, uniqueName, BASE } from './lib.mjs';
import { create, act, patch, walk, refused, deadline, chinaDate } from './matter-steps.mjs';

let clerk, chief, counsel, unit, leader, undertaker, filer;
// The clock is not moved here, so comment windows close early, with a reason.
const EARLY = '涉及紧急事项，经批准缩短征求意见期限';
let orgs;

function org(code) { return orgs.find((o) => o.code === code).id; }

async function serverToday() {
  return chinaDate(await advanceClock(0));
}

async function signInAll() {
  [clerk, chief, counsel, unit, leader, undertaker, filer] = await Promise.all(
    ['clerk', 'chief', 'counsel', 'unit', 'leader', 'undertaker', 'filer'].map((u) => demoClient(u)));
}

// The due date the calendar service gives for N units from `from`.
async function calendarDue(from, days, unit) {
  const r = await clerk.get(`/api/v1/calendar/deadline?from=${from}&days=${days}&unit=${unit}`);
  assert.equal(r.status, 200, r.text);
  return r.body.due;
}

async function expectRunning(m, name, days, unit) {
  const d = deadline(m, name);
  assert.equal(d.status, 'running', `${name} running`);
  assert.equal(d.startedOn, await serverToday());
  assert.equal(d.dueOn, await calendarDue(d.startedOn, days, unit), `${name} due`);
  assert.equal(d.unit, unit);
  assert.equal(d.length, days);
}

async function events(m) {
  const r = await clerk.get(`/api/v1/matters/${m.id}/events`);
  if (r.status === 200) return r.body.items;
  return (await chief.get(`/api/v1/matters/${m.id}/events`)).body.items;
}

// A legality review submitted by `submitter` (with the office as the matter's org).
async function newReview(submitter, category, submittingOrg) {
  const r = await create(submitter, 'legality_review', { category, submitting_org: org(submittingOrg) },
    { title: `关于${uniqueName('送审')}的合法性审查`, orgId: org('JUS-LR') });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

// Walks a submitted review to `issued` with the default cast.
async function issueReview(m, conclusion = '合法') {
  return walk(m, [
    [clerk, 'accept'], [clerk, 'assign', { assigneeId: counsel.user.id }],
    [counsel, 'draft', { fields: { conclusion, reasons: '一、制定主体适格。\n二、内容不违反上位法规定。' } }],
    [chief, 'approve'], [clerk, 'issue'],
  ]);
}

test('setup: demo users, including the decision undertaker and the filing reviewer', async () => {
  await signInAll();
  orgs = (await clerk.get('/api/v1/orgs')).body.items;
  assert.equal(undertaker.user.orgName, '示范县住房和城乡建设局');
  assert.equal(filer.user.orgName, '示范县司法局');
});

test('the six kinds are loaded with their labels', async () => {
  const items = (await clerk.get('/api/v1/kinds')).body.items;
  const labels = Object.fromEntries(items.map((k) => [k.kind, k.label]));
  assert.equal(labels.legality_review, '合法性审查');
  assert.equal(labels.normative_document, '行政规范性文件');
  assert.equal(labels.filing_review, '规范性文件备案审查');
  assert.equal(labels.major_decision, '重大行政决策');
  assert.equal(labels.counsel_contract, '法律顾问聘用合同');
  assert.equal(labels.counsel_work, '法律顾问工作记录');
  const lr = (await clerk.get('/api/v1/kinds/legality_review')).body;
  assert.deepEqual(lr.fields.find((f) => f.key === 'category').options,
    ['重大行政决策', '行政规范性文件', '政策文件', '行政协议', '权责清单', '三定规定', '其他']);
  assert.ok(lr.numbered);
  const period = lr.deadlines.find((d) => d.name === 'review_period');
  assert.deepEqual([period.length, period.unit, period.extendable, period.starts], [10, 'working_day', 15, 'accept']);
  assert.equal(period.lengthBy, 'category');
  assert.deepEqual(period.lengths, { 行政规范性文件: 15, 重大行政决策: 15, 政策文件: 10, 行政协议: 10, 权责清单: 10, 三定规定: 10, 其他: 10 });
  assert.equal(lr.handledBy, 'JUS-LR');
});

test('legality review: every action, periods, 文号, outcome and feedback', async () => {
  const year = (await serverToday()).slice(0, 4);
  // Creation validates the category and the submitting org.
  let r = await create(unit, 'legality_review', { category: '会议纪要' }, { orgId: org('JUS-LR') });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.details.fields.category);
  assert.ok(r.body.error.details.fields.submitting_org);
  // The catalogue item is one of the county's 目录清单 (definitions/lists/review_catalogue.yaml).
  r = await create(unit, 'legality_review',
    { category: '行政规范性文件', submitting_org: org('SCJG'), catalogue_item: '行政规范性文件', explanation: '依据上位法起草。' },
    { orgId: org('JUS-LR') });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.details.fields.catalogue_item, r.text);
  assert.deepEqual(Object.keys(r.body.error.details.fields), ['catalogue_item']);
  // … and belongs to one review category: a document item on a policy review is refused.
  r = await create(unit, 'legality_review',
    { category: '政策文件', submitting_org: org('SCJG'), catalogue_item: '县政府部门制发的行政规范性文件', explanation: '依据上位法起草。' },
    { orgId: org('JUS-LR') });
  assert.equal(r.status, 422);
  assert.match(r.body.error.details.fields.catalogue_item, /对应的审查类别为「行政规范性文件」，与所填审查类别不一致/);

  r = await create(unit, 'legality_review',
    { category: '行政规范性文件', submitting_org: org('SCJG'), catalogue_item: '县政府部门制发的行政规范性文件', explanation: '依据上位法起草。' },
    { title: '关于示范县市场主体登记管理办法的合法性审查', orgId: org('JUS-LR') });
  assert.equal(r.status, 201, r.text);
  let m = r.body;
  assert.equal(m.state, 'submitted');
  assert.equal(m.number, '');
  assert.equal(deadline(m, 'review_period').status, 'pending');

  // The 送审稿 is uploaded to the matter, then named in the `draft` field.
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const up = await fetch(`${BASE}/api/v1/matters/${m.id}/attachments?name=${encodeURIComponent('送审稿.pdf')}`, {
    method: 'POST', body: pdf, headers: { cookie: unit.cookie, 'x-csrf-token': unit.csrf, 'content-type': 'application/pdf' },
  });
  assert.equal(up.status, 201, await up.clone().text());
  const att = await up.json();
  r = await patch(unit, m, { fields: { draft: att.id } });
  assert.equal(r.status, 200, r.text);
  m = r.body;
  assert.equal(m.fields.draft, att.id);

  // 退回补正 needs a note; the unit supplements and resubmits.
  assert.equal((await act(unit, m, 'return', { note: 'x' })).status, 403);
  await refused(clerk, m, 'return', {}, 422, 'note');
  m = await walk(m, [[clerk, 'return', { note: '缺少起草说明和征求意见情况' }]]);
  assert.equal(m.state, 'returned');
  assert.equal(deadline(m, 'review_period').status, 'pending');
  await refused(clerk, m, 'resubmit', {}, 403);
  m = await walk(m, [[unit, 'resubmit', { fields: { explanation: '已补充征求意见情况。' } }]]);
  assert.equal(m.state, 'submitted');

  // 受理 starts the 15-working-day period.
  await refused(clerk, m, 'approve', {}, 409, 'state_conflict');
  m = await walk(m, [[clerk, 'accept']]);
  await expectRunning(m, 'review_period', 15, 'working_day');
  const due = deadline(m, 'review_period').dueOn;
  assert.equal(m.dueOn, due);

  // 分流 to the external counsel, who sees it only from now on.
  assert.equal((await counsel.get(`/api/v1/matters/${m.id}`)).status, 404);
  await refused(clerk, m, 'assign', {}, 422, 'assignee');
  m = await walk(m, [[clerk, 'assign', { assigneeId: counsel.user.id }]]);
  assert.equal(m.state, 'assigned');
  assert.equal(m.assigneeName, '赵律师');
  assert.equal((await counsel.get(`/api/v1/matters/${m.id}`)).status, 200);

  // 中止 (note required) and 恢复 on the same day leave the due date as it was.
  await refused(clerk, m, 'suspend', {}, 422, 'note');
  m = await walk(m, [[clerk, 'suspend', { note: '送审单位补充材料期间中止' }]]);
  assert.equal(deadline(m, 'review_period').status, 'suspended');
  assert.equal(m.light.color, 'paused');
  await refused(clerk, m, 'suspend', { note: '再次' }, 409);
  m = await walk(m, [[clerk, 'resume']]);
  assert.equal(deadline(m, 'review_period').status, 'running');
  assert.equal(deadline(m, 'review_period').dueOn, due);

  // 申请延期 (recorded) and 批准延期 once, by the chief counsel only.
  await refused(counsel, m, 'request_extension', {}, 422, 'note');
  m = await walk(m, [[counsel, 'request_extension', { note: '涉及多部上位法，申请延期' }]]);
  await refused(counsel, m, 'extend', { note: '同意' }, 403);
  await refused(chief, m, 'extend', {}, 422, 'note');
  const extendedDue = await clerk.get(`/api/v1/calendar/deadline?from=${due}&days=15&unit=working_day`);
  r = await act(chief, m, 'extend', { note: '同意延期十五个工作日' });
  if (extendedDue.status === 200) {
    assert.equal(r.status, 200, r.text);
    m = r.body;
    assert.equal(deadline(m, 'review_period').dueOn, extendedDue.body.due);
    assert.equal(deadline(m, 'review_period').extended, 15);
    await refused(chief, m, 'extend', { note: '再次延期' }, 409);
  } else {
    // The extended due date falls in a year the calendar has no data for:
    // the engine refuses rather than guess, and nothing changes.
    assert.equal(extendedDue.body.error.code, 'calendar_missing');
    assert.equal(r.status, 422, r.text);
    assert.equal(r.body.error.code, 'calendar_missing');
  }

  // 拟写意见 needs a conclusion and reasons; 审核 may send it back with a note.
  await refused(counsel, m, 'draft', { fields: { conclusion: '修改后合法' } }, 422, 'reasons');
  await refused(counsel, m, 'draft', { fields: { conclusion: '基本合法', reasons: 'x' } }, 422, 'conclusion');
  m = await walk(m, [[counsel, 'draft', { fields: { conclusion: '合法', reasons: '一、制定程序完备。' } }]]);
  assert.equal(m.state, 'drafted');
  await refused(counsel, m, 'approve', {}, 403);
  await refused(chief, m, 'send_back', {}, 422, 'note');
  m = await walk(m, [[chief, 'send_back', { note: '第五条设定了罚款，请再研究' }]]);
  assert.equal(m.state, 'assigned');
  m = await walk(m, [
    [counsel, 'draft', { fields: { conclusion: '修改后合法', reasons: '一、第五条设定罚款，超越权限，应当删除。\n二、其余条款合法。' } }],
    [chief, 'approve'],
  ]);
  assert.equal(m.state, 'approved');

  // 出具审查意见书: 文号 of the office, outcome = conclusion, the period stops.
  await refused(chief, m, 'issue', {}, 403);
  m = await walk(m, [[clerk, 'issue']]);
  assert.equal(m.state, 'issued');
  assert.equal(m.outcome, '修改后合法');
  assert.match(m.number, new RegExp(`^审查办审〔${year}〕\\d+号$`));
  assert.ok(m.closedAt > 0);
  assert.equal(deadline(m, 'review_period').status, 'stopped');
  await expectRunning(m, 'feedback_due', 10, 'working_day');

  // 采纳情况反馈 on the final state: the unit only, adoption required, stays issued.
  await refused(clerk, m, 'feedback', { fields: { adoption: '已采纳' } }, 403);
  await refused(unit, m, 'feedback', {}, 422, 'adoption');
  await refused(unit, m, 'feedback', { fields: { adoption: '大部分采纳' } }, 422, 'adoption');
  m = await walk(m, [[unit, 'feedback', { fields: { adoption: '部分采纳', adoption_note: '第五条正在修改' } }]]);
  assert.equal(m.state, 'issued');
  assert.equal(m.fields.adoption, '部分采纳');
  assert.equal(deadline(m, 'feedback_due').status, 'stopped');
  m = await walk(m, [[unit, 'feedback', { fields: { adoption: '已采纳' } }]]);
  assert.equal(m.fields.adoption, '已采纳');
  assert.equal(m.outcome, '修改后合法');

  const log = await events(m);
  assert.deepEqual(log.map((e) => e.action), ['create', 'attach', 'update', 'return', 'resubmit', 'accept', 'assign', 'suspend',
    'resume', 'request_extension', ...(extendedDue.status === 200 ? ['extend'] : []), 'draft', 'send_back', 'draft',
    'approve', 'issue', 'feedback', 'feedback']);
  assert.equal(log.find((e) => e.action === 'return').note, '缺少起草说明和征求意见情况');
});

test('legality review: numbers run in sequence; withdrawal; the counsel sees only what is assigned', async () => {
  const a = await issueReview(await newReview(unit, '政策文件', 'SCJG'));
  const b = await issueReview(await newReview(unit, '行政协议', 'SCJG'), '不合法');
  const seq = [a, b].map((m) => Number(/〕(\d+)号$/.exec(m.number)[1]));
  assert.equal(seq[1], seq[0] + 1);
  assert.equal(b.outcome, '不合法');

  // Withdrawal by the unit needs a note and is final.
  let w = await newReview(unit, '其他', 'SCJG');
  await refused(clerk, w, 'withdraw', { note: 'x' }, 403);
  await refused(unit, w, 'withdraw', {}, 422, 'note');
  w = await walk(w, [[unit, 'withdraw', { note: '该事项不再报送' }]]);
  assert.equal(w.state, 'withdrawn');
  assert.ok(w.closedAt > 0);

  // Re-assignment (e.g. 回避): the counsel loses sight of the review.
  let m = await newReview(unit, '权责清单', 'SCJG');
  m = await walk(m, [[clerk, 'accept'], [clerk, 'assign', { assigneeId: counsel.user.id }]]);
  assert.equal((await counsel.get(`/api/v1/matters/${m.id}`)).status, 200);
  m = await walk(m, [[clerk, 'assign', { assigneeId: chief.user.id }]]);
  assert.equal(m.assigneeName, '李顾问');
  assert.equal((await counsel.get(`/api/v1/matters/${m.id}`)).status, 404);
  assert.equal((await act(counsel, m, 'draft', { fields: { conclusion: '合法', reasons: 'x' } })).status, 404);
  const list = (await counsel.get('/api/v1/matters?kind=legality_review&pageSize=200')).body.items;
  assert.ok(list.every((i) => i.assigneeId === counsel.user.id), 'only reviews assigned to the counsel');
  assert.ok(!list.some((i) => i.id === m.id));
  // Other units never see the office's reviews; the submitting unit does.
  assert.equal((await undertaker.get(`/api/v1/matters/${m.id}`)).status, 404);
  assert.equal((await unit.get(`/api/v1/matters/${m.id}`)).status, 200);
  m = await walk(m, [[chief, 'draft', { fields: { conclusion: '合法', reasons: '符合法定权限。' } }], [chief, 'approve'], [clerk, 'issue']]);
  assert.equal(m.state, 'issued');
});

// ---- 行政规范性文件 ----

async function newDocument(fields = {}) {
  const r = await create(unit, 'normative_document',
    { issuer_level: '政府工作部门', enterprise_related: '是', validity_type: '正式', ...fields },
    { title: `示范县${uniqueName('管理')}办法` });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

// Drafting to `valid` with its own issued review.
async function documentToValid() {
  const review = await issueReview(await newReview(unit, '行政规范性文件', 'SCJG'));
  let d = await newDocument();
  d = await walk(d, [
    [unit, 'open_comment'], [unit, 'close_comment', { fields: { comment_summary: '未收到意见。' }, note: EARLY }],
    [unit, 'submit_review', { fields: { review: review.id } }],
    [unit, 'deliberate', { fields: { meeting: '局党组会议', meeting_date: await serverToday() } }],
    [leader, 'issue', { fields: { signer: '局长' } }],
    [unit, 'publish', { fields: { publication: '县政府门户网站', published_on: await serverToday(), valid_until: '2030-11-30' } }],
    [unit, 'file', { fields: { filed_to: '县人民政府' } }],
  ]);
  assert.equal(d.state, 'valid');
  return d;
}

test('normative document: drafting to valid, with comment window, review guards, 统一编号 and filing period', async () => {
  const today = await serverToday();
  const year = today.slice(0, 4);
  let r = await create(unit, 'normative_document', { issuer_level: '政府工作部门' });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.details.fields.enterprise_related);
  assert.ok(r.body.error.details.fields.validity_type);
  let d = await newDocument({ drafting_note: '为规范市场主体登记管理而制定。' });
  assert.equal(d.state, 'drafting');
  assert.equal(d.orgName, '示范县市场监督管理局');
  // Other units and the review office do not see a department's draft; the leader does.
  assert.equal((await undertaker.get(`/api/v1/matters/${d.id}`)).status, 404);
  assert.equal((await leader.get(`/api/v1/matters/${d.id}`)).status, 200);

  // 公开征求意见: 7 working days.
  await refused(unit, d, 'submit_review', { fields: {} }, 409, 'state_conflict');
  d = await walk(d, [[unit, 'open_comment']]);
  assert.equal(d.state, 'commenting');
  await expectRunning(d, 'comment_window', 7, 'working_day');
  await refused(unit, d, 'close_comment', {}, 422, 'comment_summary');
  // The window is a minimum: closing it early needs the reason in the note.
  r = await refused(unit, d, 'close_comment', { fields: { comment_summary: '收到意见 12 条。' } }, 409, 'guard_failed');
  assert.equal(r.body.error.message, '征求意见期未满（不少于7个工作日），提前结束须在说明中写明理由');
  d = await walk(d, [[unit, 'close_comment', { fields: { comment_summary: '收到意见 12 条，采纳 8 条。' }, note: EARLY }]]);
  assert.equal((await events(d)).find((e) => e.action === 'close_comment').note, EARLY);
  assert.equal(d.state, 'commented');
  assert.equal(deadline(d, 'comment_window').status, 'stopped');

  // 送合法性审核: the link is required and must be a legality review.
  await refused(unit, d, 'submit_review', {}, 422, 'review');
  await refused(unit, d, 'submit_review', { fields: { review: d.id } }, 422, 'review');
  let review = await newReview(unit, '行政规范性文件', 'SCJG');
  d = await walk(d, [[unit, 'submit_review', { fields: { review: review.id } }]]);
  assert.equal(d.state, 'in_review');
  assert.ok(d.links.some((l) => l.id === review.id && l.field === 'review' && l.direction === 'out'));

  // 集体审议 is refused until the review is issued.
  const meeting = { meeting: '局党组会议', meeting_date: today };
  r = await refused(unit, d, 'deliberate', { fields: meeting }, 409, 'guard_failed');
  assert.equal(r.body.error.message, '未经合法性审核（关联的合法性审查尚未出具审查意见书），不得提交集体审议');
  review = await issueReview(review, '修改后合法');
  await refused(unit, d, 'deliberate', { fields: { meeting: '局党组会议' } }, 422, 'meeting_date');
  d = await walk(d, [[unit, 'deliberate', { fields: meeting }]]);
  assert.equal(d.state, 'deliberated');

  // 签发 is guarded too: after deliberation the text changed and the link now
  // points at a new review that is not issued yet.
  const second = await newReview(unit, '行政规范性文件', 'SCJG');
  r = await patch(unit, d, { fields: { review: second.id } });
  assert.equal(r.status, 200, r.text);
  d = r.body;
  await refused(undertaker, d, 'issue', { fields: { signer: '局长' } }, 404);
  await refused(leader, d, 'issue', {}, 422, 'signer');
  r = await refused(leader, d, 'issue', { fields: { signer: '局长' } }, 409, 'guard_failed');
  assert.equal(r.body.error.message, '关联的合法性审查尚未出具审查意见书，不得签发');
  await issueReview(second);
  d = await walk(d, [[leader, 'issue', { fields: { signer: '局长' } }]]);
  assert.equal(d.state, 'issued');
  assert.match(d.number, new RegExp(`^县市场监管局规〔${year}〕\\d+号$`));

  // 公布 starts the 30-day filing period; validity is a date field.
  await refused(unit, d, 'publish', { fields: { publication: '县政府门户网站', published_on: today } }, 422, 'valid_until');
  d = await walk(d, [[unit, 'publish', { fields: { publication: '县政府门户网站', published_on: today, valid_until: '2030-11-30' } }]]);
  assert.equal(d.state, 'published');
  await expectRunning(d, 'filing_period', 30, 'calendar_day');
  assert.equal(d.dueOn, deadline(d, 'filing_period').dueOn);
  await refused(unit, d, 'file', {}, 422, 'filed_to');
  d = await walk(d, [[unit, 'file', { fields: { filed_to: '县人民政府、县人大常委会', filing_number: '备字〔2026〕3号' } }]]);
  assert.equal(d.state, 'valid');
  assert.equal(deadline(d, 'filing_period').status, 'stopped');

  // 清理: 继续有效 and 修改 stay valid; 废止 ends the document.
  await refused(leader, d, 'confirm_valid', { fields: { cleanup_result: '继续有效' } }, 403);
  // Each cleanup action records its own result; another value is refused.
  await refused(unit, d, 'confirm_valid', { fields: { cleanup_result: '废止' } }, 422, 'cleanup_result');
  d = await walk(d, [[unit, 'confirm_valid', { fields: { cleanup_campaign: '2026年度规范性文件清理' } }]]);
  assert.equal(d.state, 'valid');
  assert.equal(d.outcome, '继续有效');
  const amending = await newDocument();
  await refused(unit, d, 'amend', {}, 422, 'cleanup_reason');
  d = await walk(d, [[unit, 'amend', { fields: { cleanup_reason: '上位法修订', amended_by: amending.id } }]]);
  assert.equal(d.state, 'valid');
  assert.equal(d.outcome, '修改');
  assert.ok(d.links.some((l) => l.id === amending.id && l.field === 'amended_by'));
  await refused(unit, d, 'abolish', { fields: { cleanup_result: '废止' } }, 422, 'cleanup_reason');
  d = await walk(d, [[unit, 'abolish', { fields: { cleanup_result: '废止', cleanup_reason: '存在不平等对待企业的规定', cleanup_campaign: '涉企政策清理' } }]]);
  assert.equal(d.state, 'abolished');
  assert.equal(d.outcome, '废止');
  assert.ok(d.closedAt > 0);

  // Cleanup counts come from the timeline, one event per cleanup action.
  const log = await events(d);
  assert.deepEqual(log.map((e) => e.action), ['create', 'open_comment', 'close_comment', 'submit_review', 'deliberate',
    'update', 'issue', 'publish', 'file', 'confirm_valid', 'amend', 'abolish']);
  assert.deepEqual(log.find((e) => e.action === 'abolish').diff.cleanup_result, ['修改', '废止']);
});

test('normative document: the validity period is due on valid_until and follows it', async () => {
  let d = await documentToValid();
  let validity = deadline(d, 'validity');
  assert.deepEqual([validity.status, validity.dueOn, validity.dueField], ['running', '2030-11-30', 'valid_until']);
  assert.equal(validity.light.color, 'green');
  // Entered with its historical dates (审议 2021, 公布 2021, 有效期 five years
  // less a day): past its validity, red while the document is still valid.
  const today = await serverToday();
  const r = await patch(unit, d, { fields: { meeting_date: '2021-01-15', published_on: '2021-02-01', valid_until: '2026-01-31' } });
  assert.equal(r.status, 200, r.text);
  d = r.body;
  validity = deadline(d, 'validity');
  assert.equal(validity.dueOn, '2026-01-31');
  assert.ok(today > '2026-01-31');
  assert.equal(validity.light.color, 'red');
  d = await walk(d, [[unit, 'expire', { note: '有效期届满' }]]);
  assert.equal(deadline(d, 'validity').status, 'stopped');
});

test('normative document: a review concluding 不合法 blocks 集体审议 and 签发', async () => {
  const review = await issueReview(await newReview(unit, '行政规范性文件', 'SCJG'), '不合法');
  assert.equal(review.outcome, '不合法');
  let d = await newDocument();
  d = await walk(d, [
    [unit, 'open_comment'], [unit, 'close_comment', { fields: { comment_summary: '未收到意见。' }, note: EARLY }],
    [unit, 'submit_review', { fields: { review: review.id } }],
  ]);
  const r = await refused(unit, d, 'deliberate', { fields: { meeting: '局党组会议', meeting_date: await serverToday() } },
    409, 'guard_failed');
  assert.equal(r.body.error.message, '经合法性审核认定不合法的，不得提交集体审议');
  assert.equal((await unit.get(`/api/v1/matters/${d.id}`)).body.state, 'in_review');
});

test('normative document: 宣布失效, expiry, revision and abandonment', async () => {
  let d = await documentToValid();
  await refused(filer, d, 'invalidate', { fields: { cleanup_result: '宣布失效', cleanup_reason: 'x' } }, 404);
  await refused(unit, d, 'invalidate', { fields: { cleanup_result: '宣布失效' } }, 422, 'cleanup_reason');
  d = await walk(d, [[unit, 'invalidate', { fields: { cleanup_result: '宣布失效', cleanup_reason: '调整对象已消失' } }]]);
  assert.equal(d.state, 'invalidated');
  assert.equal(d.outcome, '宣布失效');
  await refused(unit, d, 'confirm_valid', { fields: { cleanup_result: '继续有效' } }, 409, 'state_conflict');

  let e = await documentToValid();
  await refused(unit, e, 'expire', {}, 422, 'note');
  e = await walk(e, [[unit, 'expire', { note: '有效期届满，未予延续' }]]);
  assert.equal(e.state, 'expired');

  // A draft whose review is refused is revised and sent again with a new review.
  let f = await newDocument();
  const first = await newReview(unit, '行政规范性文件', 'SCJG');
  f = await walk(f, [[unit, 'open_comment'], [unit, 'close_comment', { fields: { comment_summary: '无意见' }, note: EARLY }],
    [unit, 'submit_review', { fields: { review: first.id } }]]);
  await refused(unit, f, 'revise', {}, 422, 'note');
  f = await walk(f, [[unit, 'revise', { note: '按审查意见修改送审稿' }]]);
  assert.equal(f.state, 'commented');
  const again = await newReview(unit, '行政规范性文件', 'SCJG');
  f = await walk(f, [[unit, 'submit_review', { fields: { review: again.id } }]]);
  assert.ok(f.links.some((l) => l.id === again.id) && !f.links.some((l) => l.id === first.id));

  // 终止制定 needs a note; it also ends a running comment window.
  let g = await newDocument();
  g = await walk(g, [[unit, 'open_comment']]);
  await refused(unit, g, 'abandon', {}, 422, 'note');
  g = await walk(g, [[unit, 'abandon', { note: '上级已出台统一规定，不再制定' }]]);
  assert.equal(g.state, 'abandoned');
  assert.equal(deadline(g, 'comment_window').status, 'stopped');
  await refused(leader, f, 'abandon', { note: 'x' }, 403);
  f = await walk(f, [[unit, 'abandon', { note: '合并制定' }]]);
  assert.equal(f.state, 'abandoned');
});

// ---- 备案审查 ----

test('filing review: receive, formal check within 10 days, opinion, follow-up; or return', async () => {
  const year = (await serverToday()).slice(0, 4);
  let r = await create(filer, 'filing_review', { filing_org: org('CGZ') });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.details.fields.doc_number);
  r = await create(filer, 'filing_review', { filing_org: org('CGZ'), doc_number: '城政规〔2026〕1号', published_on: await serverToday() },
    { title: '城关镇农村人居环境整治管理办法' });
  assert.equal(r.status, 201, r.text);
  let m = r.body;
  assert.equal(m.state, 'received');
  await expectRunning(m, 'formal_check', 10, 'calendar_day');
  // Scope: the filing reviewer's org (司法局); others do not see it.
  assert.equal((await unit.get(`/api/v1/matters/${m.id}`)).status, 404);
  assert.equal((await clerk.get(`/api/v1/matters/${m.id}`)).status, 404);
  await refused(filer, m, 'opine', { fields: { opinion: '无异议' } }, 409, 'state_conflict');
  m = await walk(m, [[filer, 'check', { fields: { formal_note: '报备材料齐全，在规定期限内报备。' } }]]);
  assert.equal(m.state, 'under_review');
  assert.equal(deadline(m, 'formal_check').status, 'stopped');
  await refused(filer, m, 'opine', {}, 422, 'opinion');
  await refused(filer, m, 'opine', { fields: { opinion: '撤销' } }, 422, 'opinion');
  m = await walk(m, [[filer, 'opine', { fields: { opinion: '纠正', opinion_text: '第八条增设罚款，应予纠正。' } }]]);
  assert.equal(m.state, 'closed');
  assert.equal(m.outcome, '纠正');
  assert.match(m.number, new RegExp(`^县司法局备审〔${year}〕\\d+号$`));
  await refused(filer, m, 'follow_up', {}, 422, 'rectification');
  m = await walk(m, [[filer, 'follow_up', { fields: { rectification: '城关镇已废止第八条。' } }]]);
  assert.equal(m.state, 'closed');

  let back = (await create(filer, 'filing_review', { filing_org: org('CGZ'), doc_number: '城政发〔2026〕9号' })).body;
  await refused(filer, back, 'return', {}, 422, 'note');
  back = await walk(back, [[filer, 'return', { note: '不属于行政规范性文件，退回' }]]);
  assert.equal(back.state, 'returned');
  assert.equal(deadline(back, 'formal_check').status, 'stopped');
});

// ---- 重大行政决策 ----

async function newDecision(title) {
  const r = await create(undertaker, 'major_decision',
    { catalogue_year: Number((await serverToday()).slice(0, 4)), undertaking_org: org('ZJJ'), planned_date: '2026-12-31' },
    { title: title ?? `${uniqueName('决策')}` });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

const EARLY_STEPS = () => [
  [undertaker, 'start', { fields: { background: '列入年度决策事项目录。' } }],
  [undertaker, 'draft_plan', { fields: { plan_summary: '分三年实施。' } }],
  [undertaker, 'consult', { fields: { consultation: '征求了发改、财政等部门意见。' } }],
  [undertaker, 'open_comment'],
  [undertaker, 'close_comment', { fields: { comment_summary: '收到意见 30 条，采纳 12 条，已公布采纳情况。' }, note: EARLY }],
];

test('major decision: the steps in order, waivers with reasons, the review guard, to post-evaluation', async () => {
  const today = await serverToday();
  let r = await create(undertaker, 'major_decision', { catalogue_year: 1999, undertaking_org: org('ZJJ') });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.details.fields.catalogue_year);
  assert.ok(r.body.error.details.fields.planned_date);
  let m = await newDecision('示范县老旧小区改造三年行动方案');
  assert.equal(m.state, 'catalogued');
  assert.equal((await unit.get(`/api/v1/matters/${m.id}`)).status, 404);
  assert.equal((await leader.get(`/api/v1/matters/${m.id}`)).status, 200);

  // The order is the state machine's: no step can be taken early.
  await refused(undertaker, m, 'open_comment', {}, 409, 'state_conflict');
  await refused(leader, m, 'start', {}, 403);
  m = await walk(m, [[undertaker, 'start', { fields: { background: '群众反映集中。' } }]]);
  await refused(undertaker, m, 'draft_plan', {}, 422, 'plan_summary');
  m = await walk(m, [[undertaker, 'draft_plan', { fields: { plan_summary: '改造 36 个小区。' } }]]);
  await refused(undertaker, m, 'consult', {}, 422, 'consultation');
  m = await walk(m, [[undertaker, 'consult', { fields: { consultation: '与财政局、街道协商一致。' } }]]);

  // 公众参与: 30 calendar days.
  m = await walk(m, [[undertaker, 'open_comment']]);
  assert.equal(m.state, 'commenting');
  await expectRunning(m, 'comment_period', 30, 'calendar_day');
  await refused(undertaker, m, 'waive_expert_review', { note: 'x' }, 409, 'state_conflict');
  await refused(undertaker, m, 'close_comment', {}, 422, 'comment_summary');
  r = await refused(undertaker, m, 'close_comment', { fields: { comment_summary: '收到意见 41 条。' } }, 409, 'guard_failed');
  assert.equal(r.body.error.message, '征求意见期未满30日，提前结束须在说明中写明理由');
  m = await walk(m, [[undertaker, 'close_comment', { fields: { comment_summary: '收到意见 41 条，采纳 19 条。' }, note: EARLY }]]);
  assert.equal(deadline(m, 'comment_period').status, 'stopped');

  // 专家论证 waived (reason required), then 风险评估 done; not the other way round.
  await refused(undertaker, m, 'risk_assessment', { fields: { risk_level: '中风险', risk_report: 'x' } }, 409, 'state_conflict');
  await refused(undertaker, m, 'waive_expert_review', {}, 422, 'note');
  m = await walk(m, [[undertaker, 'waive_expert_review', { note: '不涉及专业性、技术性问题' }]]);
  assert.equal(m.state, 'experts_done');
  await refused(undertaker, m, 'risk_assessment', { fields: { risk_level: '中风险' } }, 422, 'risk_report');
  m = await walk(m, [[undertaker, 'risk_assessment', { fields: { risk_level: '中风险', risk_report: '涉及群众切身利益，已制定化解预案。' } }]]);
  assert.equal(m.state, 'risks_done');

  // 合法性审查: linked at request_review; 集体讨论 refused until it is issued.
  await refused(undertaker, m, 'request_review', {}, 422, 'review');
  await refused(leader, m, 'collective_decision', { fields: { meeting_type: '常务会议', meeting_date: today } }, 409, 'state_conflict');
  let review = await newReview(undertaker, '重大行政决策', 'ZJJ');
  m = await walk(m, [[undertaker, 'request_review', { fields: { review: review.id } }]]);
  assert.equal(m.state, 'in_review');
  await refused(undertaker, m, 'collective_decision', { fields: { meeting_type: '常务会议', meeting_date: today } }, 403);
  r = await refused(leader, m, 'collective_decision', { fields: { meeting_type: '常务会议', meeting_date: today } }, 409, 'guard_failed');
  assert.equal(r.body.error.message, '决策草案未经合法性审查（关联的合法性审查尚未出具审查意见书），不得提交集体讨论');
  review = await walk(review, [[clerk, 'accept']]);
  await expectRunning(review, 'review_period', 15, 'working_day');
  review = await walk(review, [[clerk, 'assign', { assigneeId: counsel.user.id }],
    [counsel, 'draft', { fields: { conclusion: '合法', reasons: '决策程序完备。' } }], [chief, 'approve']]);
  await refused(leader, m, 'collective_decision', { fields: { meeting_type: '常务会议', meeting_date: today } }, 409, 'guard_failed');
  review = await walk(review, [[clerk, 'issue']]);
  assert.match(review.number, /^审查办审〔\d{4}〕\d+号$/);

  // 集体讨论决定: meeting type and date required, dissent recorded.
  await refused(leader, m, 'collective_decision', { fields: { meeting_date: today } }, 422, 'meeting_type');
  await refused(leader, m, 'collective_decision', { fields: { meeting_type: '党组会议', meeting_date: today } }, 422, 'meeting_type');
  m = await walk(m, [[leader, 'collective_decision',
    { fields: { meeting_type: '常务会议', meeting_date: today, dissent: '一名副县长建议分两年实施。' } }]]);
  assert.equal(m.state, 'decided');
  assert.equal(m.fields.dissent, '一名副县长建议分两年实施。');
  await refused(leader, m, 'report_party', {}, 422, 'note');
  m = await walk(m, [[leader, 'report_party', { note: '已向县委常委会请示' }]]);
  assert.equal(m.state, 'decided');

  // 公布 → 归档 → 执行 (post-evaluation date) → 调整 → 后评估 → 办结.
  await refused(undertaker, m, 'publish', {}, 422, 'publication');
  m = await walk(m, [[undertaker, 'publish', { fields: { publication: '县政府门户网站' } }]]);
  await refused(undertaker, m, 'archive', {}, 422, 'archive_no');
  m = await walk(m, [[undertaker, 'archive', { fields: { archive_no: 'JC-2026-07' } }]]);
  await refused(undertaker, m, 'implement', {}, 422, 'evaluation_due');
  m = await walk(m, [[undertaker, 'implement', { fields: { evaluation_due: '2027-12-31' } }]]);
  assert.equal(m.state, 'implementing');
  await refused(undertaker, m, 'adjust', { note: 'x' }, 403);
  await refused(leader, m, 'adjust', {}, 422, 'note');
  m = await walk(m, [[leader, 'adjust', { note: '根据执行情况调整改造批次' }]]);
  assert.equal(m.state, 'implementing');
  await refused(undertaker, m, 'complete', {}, 409, 'state_conflict');
  await refused(undertaker, m, 'evaluate', { fields: { evaluation_conclusion: '继续执行' } }, 422, 'evaluation_report');
  m = await walk(m, [[undertaker, 'evaluate', { fields: { evaluation_conclusion: '继续执行', evaluation_report: '群众满意度 92%。' } }]]);
  assert.equal(m.state, 'evaluated');
  assert.equal(m.outcome, '继续执行');
  m = await walk(m, [[undertaker, 'complete']]);
  assert.equal(m.state, 'done');
  assert.ok(m.closedAt > 0);

  // The undertaker reports adoption of the review opinion.
  await refused(unit, review, 'feedback', { fields: { adoption: '已采纳' } }, 404);
  review = await walk(review, [[undertaker, 'feedback', { fields: { adoption: '已采纳' } }]]);
  assert.equal(review.fields.adoption, '已采纳');

  const log = await events(m);
  assert.deepEqual(log.map((e) => e.action), ['create', 'start', 'draft_plan', 'consult', 'open_comment', 'close_comment',
    'waive_expert_review', 'risk_assessment', 'request_review', 'collective_decision', 'report_party', 'publish',
    'archive', 'implement', 'adjust', 'evaluate', 'complete']);
  assert.equal(log.find((e) => e.action === 'waive_expert_review').note, '不涉及专业性、技术性问题');
  assert.equal(log.find((e) => e.action === 'collective_decision').username, 'leader');
});

test('major decision: expert review done and risk assessment waived; termination; stopping execution', async () => {
  const today = await serverToday();
  let m = await newDecision();
  m = await walk(m, EARLY_STEPS());
  await refused(undertaker, m, 'expert_review', {}, 422, 'expert_opinion');
  m = await walk(m, [[undertaker, 'expert_review', { fields: { expert_opinion: '专家组认为方案可行。' } }]]);
  await refused(undertaker, m, 'waive_risk_assessment', {}, 422, 'note');
  m = await walk(m, [[undertaker, 'waive_risk_assessment', { note: '不涉及社会稳定、公共安全' }]]);
  assert.equal(m.state, 'risks_done');
  await refused(undertaker, m, 'terminate', {}, 422, 'note');
  m = await walk(m, [[undertaker, 'terminate', { note: '经研究移出年度目录' }]]);
  assert.equal(m.state, 'terminated');
  assert.ok(m.closedAt > 0);

  // Termination during public participation stops the comment period.
  let t = await newDecision();
  t = await walk(t, EARLY_STEPS().slice(0, 4));
  assert.equal(deadline(t, 'comment_period').status, 'running');
  t = await walk(t, [[leader, 'terminate', { note: '上级政策调整' }]]);
  assert.equal(t.state, 'terminated');
  assert.equal(deadline(t, 'comment_period').status, 'stopped');

  // 停止执行 (Art. 37) by the decision organ.
  const review = await issueReview(await newReview(undertaker, '重大行政决策', 'ZJJ'));
  let s = await newDecision();
  s = await walk(s, [...EARLY_STEPS(),
    [undertaker, 'waive_expert_review', { note: '不涉及' }], [undertaker, 'waive_risk_assessment', { note: '不涉及' }],
    [undertaker, 'request_review', { fields: { review: review.id } }],
    [leader, 'collective_decision', { fields: { meeting_type: '全体会议', meeting_date: today } }],
    [undertaker, 'publish', { fields: { publication: '县政府公报' } }],
    [undertaker, 'archive', { fields: { archive_no: 'JC-2026-09' } }],
    [undertaker, 'implement', { fields: { evaluation_due: '2027-06-30' } }]]);
  await refused(undertaker, s, 'stop', { note: 'x' }, 403);
  await refused(leader, s, 'stop', {}, 422, 'note');
  s = await walk(s, [[leader, 'stop', { note: '执行中出现重大情势变化' }]]);
  assert.equal(s.state, 'stopped');
  assert.equal(s.fields.meeting_type, '全体会议');
});

// ---- 法律顾问 ----

test('counsel contracts: registry with service period and fee; renewal, expiry, termination', async () => {
  let r = await create(clerk, 'counsel_contract', { counsel_name: '赵律师', counsel_role: '外聘法律顾问' });
  assert.equal(r.status, 422);
  for (const k of ['firm', 'service_start', 'service_end']) assert.ok(r.body.error.details.fields[k], k);
  r = await create(clerk, 'counsel_contract', {
    counsel_name: '赵律师', counsel_role: '外聘法律顾问', counsel_user: counsel.user.id, firm: org('LAW1'),
    contract_no: 'FLGW-2026-01', service_start: '2026-01-01', service_end: '2026-12-31', fee: '120000', scope: '合法性审查、合同审查、列席会议',
  }, { title: '2026年度政府法律顾问服务合同（明理律所）' });
  assert.equal(r.status, 201, r.text);
  let c = r.body;
  assert.equal(c.state, 'active');
  assert.equal(c.fields.fee, 120000);
  // 服务期限 is due on service_end (a date, not counted), and follows 续聘.
  let period = deadline(c, 'service_period');
  assert.deepEqual([period.status, period.dueOn, period.dueField], ['running', '2026-12-31', 'service_end']);
  assert.equal(c.dueOn, '2026-12-31');
  assert.equal((await unit.get(`/api/v1/matters/${c.id}`)).status, 404);
  await refused(counsel, c, 'renew', { fields: { service_end: '2027-12-31' } }, 404);
  await refused(clerk, c, 'renew', {}, 422, 'service_end');
  c = await walk(c, [[chief, 'renew', { fields: { service_end: '2027-12-31', fee: '240000' } }]]);
  assert.equal(c.state, 'active');
  assert.equal(c.fields.service_end, '2027-12-31');
  period = deadline(c, 'service_period');
  assert.equal(period.dueOn, '2027-12-31');  // beyond the calendar's years: a date needs no counting
  assert.equal(period.light.color, 'green');
  assert.deepEqual((await events(c)).find((e) => e.action === 'renew').diff['deadline.service_period'], ['2026-12-31', '2027-12-31']);
  c = await walk(c, [[clerk, 'expire']]);
  assert.equal(c.state, 'expired');
  assert.equal(deadline(c, 'service_period').status, 'stopped');

  let t = (await create(clerk, 'counsel_contract', { counsel_name: '钱律师', counsel_role: '法律顾问助理', firm: org('LAW1'),
    service_start: '2026-03-01', service_end: '2027-02-28' })).body;
  await refused(clerk, t, 'terminate', {}, 422, 'note');
  t = await walk(t, [[clerk, 'terminate', { note: '律师离职，协商解除' }]]);
  assert.equal(t.state, 'terminated');
});

test('counsel work records: typed, per counsel, confirmed by the chief counsel, countable', async () => {
  const day = await serverToday();
  let r = await create(clerk, 'counsel_work', { work_type: '讲座', counsel: counsel.user.id, work_date: day, hours: -1 });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.details.fields.work_type);
  assert.ok(r.body.error.details.fields.hours);
  const contract = (await create(clerk, 'counsel_contract', { counsel_name: '赵律师', counsel_role: '外聘法律顾问',
    counsel_user: counsel.user.id, firm: org('LAW1'), service_start: '2026-01-01', service_end: '2026-12-31' })).body;
  const made = [];
  for (const [type, who, hours] of [['法律意见', counsel, 3], ['会议', counsel, 2], ['培训', chief, 1.5], ['合同审查', counsel, 4]]) {
    r = await create(clerk, 'counsel_work', { work_type: type, counsel: who.user.id, work_date: day, hours, contract: contract.id,
      summary: `${type}记录` }, { title: `${type}：${uniqueName('工作')}` });
    assert.equal(r.status, 201, r.text);
    made.push(r.body);
  }
  assert.equal(made[0].state, 'recorded');
  await refused(clerk, made[0], 'confirm', {}, 403);
  for (const m of made.slice(0, 3)) await walk(m, [[chief, 'confirm']]);
  await refused(clerk, made[3], 'void', {}, 422, 'note');
  const voided = await walk(made[3], [[clerk, 'void', { note: '重复登记' }]]);
  assert.equal(voided.state, 'voided');

  // Workload per counsel: confirmed records by counsel and type, hours summed.
  const load = {};
  for (const m of made) {
    const x = (await chief.get(`/api/v1/matters/${m.id}`)).body;
    if (x.state !== 'confirmed') continue;
    const k = `${x.fields.counsel}/${x.fields.work_type}`;
    load[k] = (load[k] ?? 0) + x.fields.hours;
  }
  assert.deepEqual(load, {
    [`${counsel.user.id}/法律意见`]: 3, [`${counsel.user.id}/会议`]: 2, [`${chief.user.id}/培训`]: 1.5,
  });
});
