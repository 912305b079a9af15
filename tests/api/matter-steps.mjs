// Steps on matters shared by the API tests of the kinds: create, act, patch,
// walk through actions, expect a refusal, find a deadline.
import assert from 'node:assert/strict';
import { uniqueName } from './lib.mjs';

export async function create(c, kind, fields, { title, orgId } = {}) {
  const body = { kind, title: title ?? `${uniqueName('事项')}`, fields };
  if (orgId) body.orgId = orgId;
  return c.post('/api/v1/matters', body);
}

export async function act(c, m, action, body = {}) {
  return c.call('POST', `/api/v1/matters/${m.id}/actions/${action}`, { body, headers: { 'if-match': `"${m.version}"` } });
}

export async function patch(c, m, body) {
  return c.call('PATCH', `/api/v1/matters/${m.id}`, { body, headers: { 'if-match': `"${m.version}"` } });
}

// Runs steps [client, action, body] in order, each must succeed; returns the matter.
export async function walk(m, steps) {
  for (const [who, action, body] of steps) {
    const r = await act(who, m, action, body ?? {});
    assert.equal(r.status, 200, `${action}: ${r.text}`);
    m = r.body;
  }
  return m;
}

// Expects one refusal: status, and for 409/422 the error code or field.
export async function refused(who, m, action, body, status, detail) {
  const r = await act(who, m, action, body);
  assert.equal(r.status, status, `${action} should be ${status}: ${r.text}`);
  if (status === 422 && detail) assert.ok(r.body.error.details.fields[detail], `${action}: field ${detail} in ${r.text}`);
  if (status === 409 && detail) assert.equal(r.body.error.code, detail, r.text);
  return r;
}

export function deadline(m, name) {
  const d = m.deadlines.find((x) => x.name === name);
  assert.ok(d, `deadline ${name}`);
  return d;
}

export function chinaDate(ms) {
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
