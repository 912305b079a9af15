// The working-day calendar: deadline arithmetic over the official 2024–2026
// data, the year view, and the sysadmin's audited edit. The expected dates
// are the same as src/calendar/calendar_test.cc's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request, demoClient } from './lib.mjs';

const deadline = (c, from, days, unit) =>
  c.get(`/api/v1/calendar/deadline?from=${from}&days=${days}&unit=${unit}`);

test('deadline: working and calendar days across holidays and make-up days', async () => {
  const clerk = await demoClient('clerk');
  const cases = [
    // National Day 2024: 9/29 (Sun) and 10/12 (Sat) are make-up workdays.
    ['2024-09-27', 5, 'working_day', '2024-10-10'],
    ['2024-09-30', 5, 'working_day', '2024-10-12'],
    ['2024-09-28', 1, 'working_day', '2024-09-29'],
    // Spring Festival 2024 and 2025.
    ['2024-02-08', 3, 'working_day', '2024-02-19'],
    ['2025-01-24', 5, 'working_day', '2025-02-07'],
    ['2025-01-27', 1, 'working_day', '2025-02-05'],
    ['2025-02-07', 1, 'working_day', '2025-02-08'],
    // n = 0: the start when it is a working day, else the next one.
    ['2024-10-08', 0, 'working_day', '2024-10-08'],
    ['2024-10-01', 0, 'working_day', '2024-10-08'],
    // Calendar days: a rest day moves to the next working day.
    ['2024-09-20', 10, 'calendar_day', '2024-09-30'],
    ['2024-09-22', 10, 'calendar_day', '2024-10-08'],
    ['2024-02-01', 10, 'calendar_day', '2024-02-18'],
    ['2024-01-31', 30, 'calendar_day', '2024-03-01'],
    // Across a year end.
    ['2025-12-31', 1, 'working_day', '2026-01-04'],
  ];
  for (const [from, days, unit, due] of cases) {
    const r = await deadline(clerk, from, days, unit);
    assert.equal(r.status, 200, `${from} +${days} ${unit}: ${r.text}`);
    assert.deepEqual(r.body, { due, from, days, unit }, `${from} +${days} ${unit}`);
  }
});

test('deadline: bad parameters and years without data are 422', async () => {
  const clerk = await demoClient('clerk');
  const bad = [
    ['days=5&unit=working_day', 'from'],
    ['from=2024-2-3&days=5&unit=working_day', 'from'],
    ['from=2024-02-30&days=5&unit=working_day', 'from'],
    ['from=2024-09-30&unit=working_day', 'days'],
    ['from=2024-09-30&days=-1&unit=working_day', 'days'],
    ['from=2024-09-30&days=1.5&unit=working_day', 'days'],
    ['from=2024-09-30&days=5', 'unit'],
    ['from=2024-09-30&days=5&unit=weeks', 'unit'],
  ];
  for (const [query, field] of bad) {
    const r = await clerk.get(`/api/v1/calendar/deadline?${query}`);
    assert.equal(r.status, 422, query);
    assert.equal(r.body.error.code, 'validation_failed', query);
    assert.ok(r.body.error.details.fields[field], `${query}: ${r.text}`);
  }
  const missing = await deadline(clerk, '2026-12-20', 15, 'calendar_day');
  assert.equal(missing.status, 422);
  assert.equal(missing.body.error.code, 'calendar_missing');
  assert.match(missing.body.error.message, /2027 年/);
  const wd = await deadline(clerk, '2026-12-30', 2, 'working_day');
  assert.equal(wd.body.error.code, 'calendar_missing');
});

test('calendar routes need a session', async () => {
  assert.equal((await request('GET', '/api/v1/calendar/deadline?from=2024-09-30&days=5&unit=working_day')).status, 401);
  assert.equal((await request('GET', '/api/v1/calendar/2024')).status, 401);
  assert.equal((await request('PUT', '/api/v1/calendar/2024', { body: { holidays: [], makeupWorkdays: [] } })).status, 401);
});

test('GET a year: every day with its type and weekday', async () => {
  const clerk = await demoClient('clerk');
  const r = await clerk.get('/api/v1/calendar/2024');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.year, 2024);
  assert.equal(r.body.days.length, 366);
  const byDate = Object.fromEntries(r.body.days.map((d) => [d.date, d]));
  assert.deepEqual(byDate['2024-01-01'], { date: '2024-01-01', type: 'holiday', weekday: 1 });
  assert.deepEqual(byDate['2024-02-29'], { date: '2024-02-29', type: 'workday', weekday: 4 });
  assert.deepEqual(byDate['2024-09-29'], { date: '2024-09-29', type: 'makeup_workday', weekday: 7 });
  assert.deepEqual(byDate['2024-10-05'], { date: '2024-10-05', type: 'holiday', weekday: 6 });
  assert.deepEqual(byDate['2024-10-12'], { date: '2024-10-12', type: 'makeup_workday', weekday: 6 });
  assert.deepEqual(byDate['2024-10-13'], { date: '2024-10-13', type: 'weekend', weekday: 7 });
  assert.equal(r.body.days.filter((d) => d.type === 'holiday').length, 28);
  assert.equal(r.body.days.filter((d) => d.type === 'makeup_workday').length, 8);
  assert.equal((await clerk.get('/api/v1/calendar/2025')).body.days.length, 365);
  assert.equal((await clerk.get('/api/v1/calendar/2027')).status, 404);
  assert.equal((await clerk.get('/api/v1/calendar/20x4')).status, 404);
});

test('PUT a year: sysadmin only, changes deadlines, audited; restored afterwards', async () => {
  const sys = await demoClient('sysadmin');
  const clerk = await demoClient('clerk');
  const original = (await sys.get('/api/v1/calendar/2024')).body;
  const restore = { holidays: original.holidays, makeupWorkdays: original.makeupWorkdays };
  // Without the 10/12 make-up Saturday, 5 wd from 9/30 end on Monday 10/14.
  const edited = { holidays: original.holidays, makeupWorkdays: original.makeupWorkdays.filter((d) => d !== '2024-10-12') };

  const denied = await clerk.put('/api/v1/calendar/2024', edited);
  assert.equal(denied.status, 403);
  try {
    const r = await sys.put('/api/v1/calendar/2024', edited);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.year, 2024);
    assert.equal(r.body.days.find((d) => d.date === '2024-10-12').type, 'weekend');
    assert.equal((await deadline(clerk, '2024-09-30', 5, 'working_day')).body.due, '2024-10-14');

    const invalid = await sys.put('/api/v1/calendar/2024', { holidays: ['2024-01-01'], makeupWorkdays: ['2024-10-14'] });
    assert.equal(invalid.status, 422);  // a Monday cannot be a make-up workday
    assert.equal((await sys.put('/api/v1/calendar/2024', {})).status, 422);

    const auditor = await demoClient('auditadmin');
    const log = await auditor.get('/api/v1/audit?action=calendar.update&pageSize=100');
    assert.equal(log.status, 200, log.text);
    const rec = log.body.items.find((i) => i.object === 'calendar:2024' && i.username === 'sysadmin');
    assert.ok(rec, log.text);
    assert.equal(rec.result, 'success');
    assert.match(rec.detail, /"makeupWorkdays":7/);
  } finally {
    const back = await sys.put('/api/v1/calendar/2024', restore);
    assert.equal(back.status, 200, back.text);
  }
  assert.equal((await deadline(clerk, '2024-09-30', 5, 'working_day')).body.due, '2024-10-12');
});
