// Issued documents (文书): GET /api/v1/matters/{id}/documents/NAME.pdf|.docx
// renders a template from definitions/templates for a matter. The generic
// notice works with the test kind (definitions/kinds-test/test_case.yaml),
// the review opinion with legality_review;
// the files are checked with pdftotext / pdfinfo and unzip, as a reader's
// tools would see them.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BASE, request, demoClient, uniqueName } from './lib.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-documents-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

let clerk, chief, counsel, unit, orgs;
let closed;  // a closed test_case matter, with its 文号

function org(code) { return orgs.find((o) => o.code === code); }

async function act(c, m, action, body = {}) {
  const r = await c.call('POST', `/api/v1/matters/${m.id}/actions/${action}`, { body, headers: { 'if-match': `"${m.version}"` } });
  assert.equal(r.status, 200, `${action}: ${r.text}`);
  return r.body;
}

// The response body as bytes (the JSON helpers would decode it as text).
async function download(c, urlPath) {
  const res = await fetch(BASE + urlPath, { headers: c ? { cookie: c.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

function save(name, bytes) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

// Text without whitespace, so line breaks in the layout never matter.
const squeeze = (s) => s.replace(/\s+/g, '');
const pdfText = (file) => squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'));
const docxPart = (file, part) => execFileSync('unzip', ['-p', file, part]).toString('utf8');

test('setup: a closed test_case matter with a 文号', async () => {
  [clerk, chief, counsel, unit] = await Promise.all(['clerk', 'chief', 'counsel', 'unit'].map((u) => demoClient(u)));
  orgs = (await clerk.get('/api/v1/orgs')).body.items;
  const created = await clerk.post('/api/v1/matters', {
    kind: 'test_case', title: `关于${uniqueName('文书')}的合法性审查`, orgId: org('JUS-LR').id,
    fields: { subject: '示范县城市道路停车管理办法', category: '行政规范性文件', submitting_org: org('SCJG').id },
  });
  assert.equal(created.status, 201, created.text);
  let m = created.body;

  // No 文号 yet: the notice needs one.
  const early = await clerk.get(`/api/v1/matters/${m.id}/documents/generic_notice.pdf`);
  assert.equal(early.status, 409, early.text);
  assert.equal(early.body.error.code, 'state_conflict');

  m = await act(clerk, m, 'accept');
  m = await act(clerk, m, 'assign', { assigneeId: chief.user.id });
  m = await act(chief, m, 'draft', { fields: { conclusion: '修改后合法', opinion: '第三条关于收费标准的规定应当删除。\n第五条的表述应当明确。' } });
  m = await act(chief, m, 'approve');
  m = await act(clerk, m, 'close');
  assert.match(m.number, /〔\d{4}〕\d+号$/);
  closed = m;
});

test('the notice downloads as a PDF with the 文号, title and conclusion', async () => {
  const r = await download(clerk, `/api/v1/matters/${closed.id}/documents/generic_notice.pdf`);
  assert.equal(r.status, 200, r.bytes.toString('utf8'));
  assert.equal(r.headers.get('content-type'), 'application/pdf');
  assert.equal(r.headers.get('content-disposition'), `attachment; filename*=UTF-8''${encodeURIComponent(`${closed.number}.pdf`)}`);
  assert.equal(r.headers.get('cache-control'), 'private, no-store');
  assert.equal(r.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const file = save('notice.pdf', r.bytes);
  const text = pdfText(file);
  for (const want of [closed.number, '事项办理结果通知书', '修改后合法', squeeze(closed.title), org('SCJG').name,
    '第三条关于收费标准的规定应当删除。', '第五条的表述应当明确。', '示范县城市道路停车管理办法', '—1—'])
    assert.ok(text.includes(want), `${want} not in ${text}`);
  // The issue date is the day it was closed, in Chinese.
  assert.match(text, /\d{4}年\d{1,2}月\d{1,2}日/);
  const info = squeeze(execFileSync('pdfinfo', [file]).toString('utf8'));
  assert.ok(info.includes('Pagesize:595.276x841.89pts(A4)'), info);
  // Every export is audited.
  const audit = await demoClient('auditadmin');
  const log = await audit.get('/api/v1/audit?action=matter.export&pageSize=50');
  assert.ok(log.body.items.some((e) => e.object === `matter:${closed.id}` && e.detail === 'generic_notice.pdf' && e.username === 'clerk'));
});

test('the notice downloads as a DOCX with the text and East-Asian fonts', async () => {
  const r = await download(clerk, `/api/v1/matters/${closed.id}/documents/generic_notice.docx`);
  assert.equal(r.status, 200, r.bytes.toString('utf8'));
  assert.equal(r.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.equal(r.headers.get('content-disposition'), `attachment; filename*=UTF-8''${encodeURIComponent(`${closed.number}.docx`)}`);
  assert.equal(r.headers.get('cache-control'), 'private, no-store');
  const file = save('notice.docx', r.bytes);
  const xml = docxPart(file, 'word/document.xml');
  for (const want of [closed.number, '事项办理结果通知书', '修改后合法', org('SCJG').name]) assert.ok(xml.includes(want), want);
  const styles = docxPart(file, 'word/styles.xml');
  assert.ok(styles.includes('w:eastAsia="仿宋_GB2312"'));
  assert.ok(styles.includes('w:eastAsia="方正小标宋简体"'));
});

test('others in scope may download; unknown templates, formats and kinds are 404', async () => {
  const base = `/api/v1/matters/${closed.id}/documents`;
  assert.equal((await download(chief, `${base}/generic_notice.pdf`)).status, 200);
  for (const seg of ['no_such_template.pdf', 'generic_notice.txt', 'generic_notice', '.pdf']) {
    const r = await clerk.get(`${base}/${seg}`);
    assert.equal(r.status, 404, `${seg}: ${r.text}`);
    assert.equal(r.body.error.code, 'not_found');
  }
  // The review opinion is for legality_review matters only.
  assert.equal((await clerk.get(`${base}/review_opinion.pdf`)).status, 404);
  assert.equal((await clerk.get(`/api/v1/matters/1/documents/generic_notice.pdf`)).status, 404);
});

test('a matter outside the caller\'s scope is 404; no session is 401', async () => {
  const r = await unit.get(`/api/v1/matters/${closed.id}/documents/generic_notice.pdf`);
  assert.equal(r.status, 404, r.text);
  assert.equal((await unit.get(`/api/v1/matters/${closed.id}/documents/generic_notice.docx`)).status, 404);
  assert.equal((await request('GET', `/api/v1/matters/${closed.id}/documents/generic_notice.pdf`)).status, 401);
});

test('the legality review opinion: its submitter downloads it once issued', async () => {
  const created = await unit.post('/api/v1/matters', {
    kind: 'legality_review', title: `关于${uniqueName('送审')}的合法性审查`, orgId: org('JUS-LR').id,
    fields: { category: '行政规范性文件', submitting_org: org('SCJG').id },
  });
  assert.equal(created.status, 201, created.text);
  let m = created.body;
  m = await act(clerk, m, 'accept');
  m = await act(clerk, m, 'assign', { assigneeId: counsel.user.id });
  m = await act(counsel, m, 'draft', { fields: { conclusion: '修改后合法', reasons: '一、制定主体适格。\n二、第八条设定的罚款超出上位法规定的幅度，应当修改。' } });
  m = await act(chief, m, 'approve');
  const early = await unit.get(`/api/v1/matters/${m.id}/documents/review_opinion.pdf`);
  assert.equal(early.status, 409, early.text);
  m = await act(clerk, m, 'issue');
  assert.ok(m.number);

  const r = await download(unit, `/api/v1/matters/${m.id}/documents/review_opinion.pdf`);
  assert.equal(r.status, 200, r.bytes.toString('utf8'));
  const text = pdfText(save('opinion.pdf', r.bytes));
  for (const want of ['合法性审查意见书', m.number, squeeze(m.title), org('SCJG').name, '行政规范性文件', '修改后合法',
    '一、制定主体适格。', '二、第八条设定的罚款超出上位法规定的幅度，应当修改。', org('JUS-LR').name])
    assert.ok(text.includes(want), `${want} not in ${text}`);
  const docx = await download(unit, `/api/v1/matters/${m.id}/documents/review_opinion.docx`);
  assert.equal(docx.status, 200);
  assert.ok(docxPart(save('opinion.docx', docx.bytes), 'word/document.xml').includes(m.number));
});
