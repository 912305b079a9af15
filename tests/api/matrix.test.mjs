// The role × endpoint matrix: every route the server declares (from its
// OpenAPI document) must be listed here with the demo accounts allowed past
// authorisation; everyone else gets 403, anonymous callers 401. A new route
// without a row here fails this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request, demoClient } from './lib.mjs';

const USERS = ['sysadmin', 'secadmin', 'auditadmin', 'clerk', 'chief', 'counsel', 'unit', 'recon', 'supervisor', 'leader', 'undertaker', 'filer'];
const ALL = USERS;
const PUBLIC = 'public';

// 'METHOD pattern' → PUBLIC or the list of demo users allowed.
const MATRIX = {
  'GET /api/v1/health': PUBLIC,
  'GET /api/v1/openapi.json': PUBLIC,
  'POST /api/v1/session': PUBLIC,
  'POST /api/v1/testing/clock': PUBLIC,
  'DELETE /api/v1/session': ALL,
  'GET /api/v1/me': ALL,
  'POST /api/v1/me/password': ALL,
  'POST /api/v1/me/totp': ALL,
  'POST /api/v1/me/totp/confirm': ALL,
  'GET /api/v1/users': ['sysadmin', 'secadmin'],
  'GET /api/v1/users/{id}': ['sysadmin', 'secadmin'],
  'POST /api/v1/users': ['sysadmin'],
  'POST /api/v1/users/{id}/disable': ['sysadmin'],
  'POST /api/v1/users/{id}/enable': ['sysadmin'],
  'POST /api/v1/users/{id}/unlock': ['sysadmin'],
  'POST /api/v1/users/{id}/password': ['sysadmin'],
  'PUT /api/v1/users/{id}/roles': ['secadmin'],
  'POST /api/v1/users/{id}/reveal': ['recon'],
  // People for user fields: whoever may create or act on a kind with a user
  // field (with --demo, test_case's 联系人 makes that every business role;
  // engine/people_test.cc decides it on the production kinds alone).
  'GET /api/v1/users/lookup': ['clerk', 'chief', 'counsel', 'unit', 'recon', 'supervisor', 'leader', 'undertaker', 'filer'],
  'GET /api/v1/orgs': ALL,
  'POST /api/v1/orgs': ['sysadmin'],
  'PATCH /api/v1/orgs/{id}': ['sysadmin'],
  'GET /api/v1/roles': ['sysadmin', 'secadmin'],
  'POST /api/v1/roles': ['secadmin'],
  'PUT /api/v1/roles/{code}/permissions': ['secadmin'],
  'GET /api/v1/permissions': ['secadmin'],
  'GET /api/v1/audit': ['auditadmin'],
  'GET /api/v1/kinds': ALL,
  'GET /api/v1/kinds/{kind}': ALL,
  'POST /api/v1/matters': ['clerk', 'unit', 'recon', 'supervisor', 'undertaker', 'filer'],
  'GET /api/v1/matters': ['clerk', 'chief', 'counsel', 'unit', 'recon', 'supervisor', 'leader', 'undertaker', 'filer'],
  'GET /api/v1/matters/{id}': ALL,
  'PATCH /api/v1/matters/{id}': ALL,
  'POST /api/v1/matters/{id}/actions/{action}': ALL,
  'GET /api/v1/matters/{id}/actions/{action}/candidates': ALL,
  'GET /api/v1/matters/{id}/events': ALL,
  'POST /api/v1/matters/{id}/reveal': ['recon'],
  'POST /api/v1/matters/{id}/attachments': ALL,
  'GET /api/v1/attachments/{id}': ALL,
  'GET /api/v1/matters/{id}/documents/{template}': ALL,
  'GET /api/v1/inbox': ALL,
  // Figures and their drill-down: roles with dashboard:read ({id} = '1' is no metric: 404).
  'GET /api/v1/metrics': ['clerk', 'chief', 'supervisor', 'leader', 'filer'],
  'GET /api/v1/metrics/{id}/matters': ['clerk', 'chief', 'supervisor', 'leader', 'filer'],
  'GET /api/public/v1/registers': PUBLIC,
  'GET /api/public/v1/registers/{id}': PUBLIC,
  'GET /api/public/v1/consultations': PUBLIC,
  'GET /api/public/v1/consultations/{id}': PUBLIC,
  'POST /api/public/v1/consultations/{id}/comments': PUBLIC,
  'GET /api/v1/matters/{id}/comments': ALL,
  'POST /api/v1/comments/{id}/moderate': ALL,
  'GET /api/v1/calendar/deadline': ALL,
  'GET /api/v1/calendar/{year}': ALL,
  'PUT /api/v1/calendar/{year}': ['sysadmin'],
};

// Calls that would change shared state when allowed are checked elsewhere.
const NOT_CALLED_AS_ALLOWED = new Set(['DELETE /api/v1/session', 'POST /api/v1/testing/clock']);

function concretePath(pattern) {
  // {year} → 2099: a year without data, so an allowed PUT is refused (422), never a change.
  return pattern.replace('{id}', '1').replace('{code}', 'no_such_role').replace('{kind}', 'test_case').replace('{action}', 'accept').replace('{year}', '2099').replace('{template}', 'generic_notice.pdf');
}

test('every declared route is in the matrix, and every matrix row exists', async () => {
  const doc = (await request('GET', '/api/v1/openapi.json')).body;
  const declared = [];
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const m of Object.keys(ops)) declared.push(`${m.toUpperCase()} ${p}`);
  }
  for (const key of declared) assert.ok(key in MATRIX, `route missing from the matrix: ${key}`);
  for (const key of Object.keys(MATRIX)) assert.ok(declared.includes(key), `matrix row for a route that does not exist: ${key}`);
  // The declared access agrees with the matrix's public rows.
  for (const key of declared) {
    const [m, p] = key.split(' ');
    assert.equal(doc.paths[p][m.toLowerCase()]['x-access'] === 'public', MATRIX[key] === PUBLIC, key);
  }
});

test('role × endpoint: allowed roles pass, others 403, anonymous 401', async () => {
  const clients = {};
  for (const u of USERS) clients[u] = await demoClient(u);
  const failures = [];
  for (const [key, allowed] of Object.entries(MATRIX)) {
    if (allowed === PUBLIC) continue;
    const [method, pattern] = key.split(' ');
    const path = concretePath(pattern);
    const body = method === 'GET' ? undefined : {};
    const anon = await request(method, path, { body });
    if (anon.status !== 401) failures.push(`${key} anonymous → ${anon.status}`);
    for (const u of USERS) {
      const ok = allowed.includes(u);
      if (ok && NOT_CALLED_AS_ALLOWED.has(key)) continue;
      const r = await clients[u].call(method, path, { body });
      if (ok && (r.status === 401 || r.status === 403)) failures.push(`${key} ${u} should pass, got ${r.status} ${r.text}`);
      if (!ok && r.status !== 403) failures.push(`${key} ${u} should be 403, got ${r.status}`);
      if (r.status >= 500) failures.push(`${key} ${u} → ${r.status}`);
    }
  }
  assert.deepEqual(failures, []);
});
