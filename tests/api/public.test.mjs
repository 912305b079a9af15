// The public portal: registers and open consultations without sign-in,
// comment intake (rate-limited, JSON only), moderation by the handling staff,
// and nothing unpublished or personal leaking out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request, demoClient, uniqueName } from './lib.mjs';

let unit, clerk, doc;

test('setup: a normative document in its public comment window', async () => {
  unit = await demoClient('unit');
  clerk = await demoClient('clerk');
  const created = await unit.post('/api/v1/matters', {
    kind: 'normative_document', title: `示范县${uniqueName('')}停车管理办法（征求意见稿）`,
    fields: { issuer_level: '政府工作部门', enterprise_related: '是', validity_type: '试行' },
  });
  assert.equal(created.status, 201, created.text);
  const r = await unit.call('POST', `/api/v1/matters/${created.body.id}/actions/open_comment`, {
    body: { fields: { drafting_note: '为规范城区停车秩序，拟制定本办法。' } }, headers: { 'if-match': `"${created.body.version}"` },
  });
  assert.equal(r.status, 200, r.text);
  doc = r.body;
});

test('registers and consultations are public and show only published fields', async () => {
  const regs = await request('GET', '/api/public/v1/registers');
  assert.equal(regs.status, 200);
  assert.deepEqual(regs.body.items.map((r) => r.id).sort(), ['decision_catalogue', 'normative_documents']);
  const list = await request('GET', '/api/public/v1/registers/normative_documents');
  assert.equal(list.status, 200);
  assert.ok(!list.body.items.some((i) => i.id === doc.id), 'a draft is not in the register of valid documents');
  assert.equal((await request('GET', '/api/public/v1/registers/nope')).status, 404);
  const open = await request('GET', '/api/public/v1/consultations');
  const item = open.body.items.find((i) => i.id === doc.id);
  assert.ok(item, 'the open consultation is listed');
  assert.equal(item.fields.drafting_note.value, '为规范城区停车秩序，拟制定本办法。');
  assert.ok(!('enterprise_related' in item.fields), 'unlisted fields stay private');
  assert.match(item.closesOn, /^\d{4}-\d{2}-\d{2}$/);
});

test('comments: JSON only, validated, pending until moderated, then shown with the reply', async () => {
  const path = `/api/public/v1/consultations/${doc.id}/comments`;
  let r = await request('POST', path, { raw: 'author=x&content=yyyyyy', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(r.status, 415);
  r = await request('POST', path, { body: { author: '', content: '短' } });
  assert.equal(r.status, 422);
  r = await request('POST', path, { body: { author: '李市民', contact: '13800001234', content: '建议夜间允许路边临时停车。' } });
  assert.equal(r.status, 201, r.text);
  const commentId = r.body.id;
  let pub = await request('GET', `/api/public/v1/consultations/${doc.id}`);
  assert.equal(pub.body.comments.length, 0, 'pending comments are not public');
  const staff = await unit.get(`/api/v1/matters/${doc.id}/comments`);
  assert.equal(staff.status, 200);
  const mine = staff.body.items.find((c) => c.id === commentId);
  assert.equal(mine.status, 'pending');
  assert.equal(mine.contact, '138****1234');
  assert.ok(!staff.text.includes('13800001234'));
  // Someone outside the matter's scope can neither see nor moderate.
  const recon = await demoClient('recon');
  assert.equal((await recon.get(`/api/v1/matters/${doc.id}/comments`)).status, 404);
  assert.equal((await recon.post(`/api/v1/comments/${commentId}/moderate`, { decision: 'approve' })).status, 404);
  r = await unit.post(`/api/v1/comments/${commentId}/moderate`, { decision: 'maybe' });
  assert.equal(r.status, 422);
  r = await unit.post(`/api/v1/comments/${commentId}/moderate`, { decision: 'approve', reply: '已采纳，将增设夜间临时停车位。' });
  assert.equal(r.status, 200, r.text);
  pub = await request('GET', `/api/public/v1/consultations/${doc.id}`);
  assert.equal(pub.body.comments.length, 1);
  assert.equal(pub.body.comments[0].author, '李**');
  assert.equal(pub.body.comments[0].reply, '已采纳，将增设夜间临时停车位。');
  assert.ok(!pub.text.includes('1380000'));
  const audit = await demoClient('auditadmin');
  const log = await audit.get('/api/v1/audit?action=public.comment&pageSize=50');
  assert.ok(log.body.items.some((e) => e.object === `matter:${doc.id}`));
});

test('comments close with the window', async () => {
  const r = await unit.call('POST', `/api/v1/matters/${doc.id}/actions/close_comment`, {
    body: { fields: { comment_summary: '收到意见 1 条，采纳 1 条。' }, note: '已充分征求意见，提前结束' },
    headers: { 'if-match': `"${doc.version}"` },
  });
  assert.equal(r.status, 200, r.text);
  const late = await request('POST', `/api/public/v1/consultations/${doc.id}/comments`, { body: { author: '王', content: '迟到的意见内容' } });
  assert.equal(late.status, 404);
  assert.equal((await request('GET', `/api/public/v1/consultations/${doc.id}`)).status, 404);
});

test('public endpoints are rate-limited per client', async () => {
  const path = '/api/public/v1/consultations/1/comments';
  const codes = [];
  for (let i = 0; i < 8; i++) codes.push((await request('POST', path, { body: { author: '甲', content: '测试限流的意见' } })).status);
  assert.ok(codes.includes(429), codes.join(','));
  const limited = await request('POST', path, { body: { author: '甲', content: '测试限流的意见' } });
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
});
