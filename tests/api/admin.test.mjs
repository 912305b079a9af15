// Administration: users, role assignments, orgs, roles — and 三员分立.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, demoClient, uniqueName, freshUser } from './lib.mjs';

async function orgByCode(c, code) {
  return (await c.get('/api/v1/orgs')).body.items.find((o) => o.code === code);
}

test('sysadmin creates a user; validation errors name the fields', async () => {
  const sys = await demoClient('sysadmin');
  const org = await orgByCode(sys, 'ZRZY');
  const bad = await sys.post('/api/v1/users', { username: '1x', displayName: '', orgId: org.id, password: 'weak', idNumber: '110105194912310021', phone: '123' });
  assert.equal(bad.status, 422);
  for (const f of ['username', 'displayName', 'password', 'idNumber', 'phone']) assert.ok(bad.body.error.details.fields[f], f);
  const username = uniqueName('z');
  const ok = await sys.post('/api/v1/users', { username, displayName: '张自然', orgId: org.id, password: 'Good#Pass2024' });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.body.orgName, '示范县自然资源局');
  assert.equal(ok.body.status, 'active');
  const dup = await sys.post('/api/v1/users', { username, displayName: '重复', orgId: org.id, password: 'Good#Pass2024' });
  assert.equal(dup.status, 409);
  const list = await sys.get(`/api/v1/users?q=${username}`);
  assert.equal(list.body.total, 1);
  assert.equal(list.body.items[0].username, username);
});

test('sysadmin may not grant roles; secadmin assigns roles with scopes', async () => {
  const sys = await demoClient('sysadmin');
  const org = await orgByCode(sys, 'SCJG');
  const withRoles = await sys.post('/api/v1/users', { username: uniqueName('r'), displayName: '甲', orgId: org.id, password: 'Good#Pass2024', roles: [{ role: 'leader', scope: 'all' }] });
  assert.equal(withRoles.status, 403);
  const u = await sys.post('/api/v1/users', { username: uniqueName('r'), displayName: '乙', orgId: org.id, password: 'Good#Pass2024' });
  assert.equal((await sys.put(`/api/v1/users/${u.body.id}/roles`, { roles: [] })).status, 403);
  const sec = await demoClient('secadmin');
  const r = await sec.put(`/api/v1/users/${u.body.id}/roles`, { roles: [{ role: 'unit_submitter', scope: 'orgs', orgIds: [org.id] }] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.roles[0].scope, 'orgs');
  assert.deepEqual(r.body.roles[0].orgIds, [org.id]);
  const badScope = await sec.put(`/api/v1/users/${u.body.id}/roles`, { roles: [{ role: 'unit_submitter', scope: 'galaxy' }] });
  assert.equal(badScope.status, 422);
});

test('三员分立: no two admin roles, no admin + business role, no self-grant', async () => {
  const sec = await demoClient('secadmin');
  const u = await freshUser();
  let r = await sec.put(`/api/v1/users/${u.id}/roles`, { roles: [{ role: 'sysadmin', scope: 'all' }, { role: 'auditadmin', scope: 'all' }] });
  assert.equal(r.status, 422);
  assert.equal(r.body.error.code, 'separation_of_duties');
  r = await sec.put(`/api/v1/users/${u.id}/roles`, { roles: [{ role: 'auditadmin', scope: 'all' }, { role: 'leader', scope: 'all' }] });
  assert.equal(r.body.error.code, 'separation_of_duties');
  r = await sec.put(`/api/v1/users/${sec.user.id}/roles`, { roles: [{ role: 'secadmin', scope: 'all' }, { role: 'sysadmin', scope: 'all' }] });
  assert.equal(r.status, 422);
  // Admin roles are fixed; business roles cannot get admin permissions.
  r = await sec.put('/api/v1/roles/auditadmin/permissions', { permissions: ['audit:read', 'matter:read'] });
  assert.equal(r.body.error.code, 'separation_of_duties');
  r = await sec.put('/api/v1/roles/leader/permissions', { permissions: ['matter:read', 'audit:read'] });
  assert.equal(r.body.error.code, 'separation_of_duties');
  // Admins see no business data: no matter permissions at all.
  for (const name of ['sysadmin', 'secadmin', 'auditadmin']) {
    const c = await demoClient(name);
    assert.ok(!c.user.permissions.some((p) => p.startsWith('matter:') || p.startsWith('legality_review')), name);
  }
});

test('an administrator without TOTP holds no administrator rights', async () => {
  const sec = await demoClient('secadmin');
  const u = await freshUser();
  const r = await sec.put(`/api/v1/users/${u.id}/roles`, { roles: [{ role: 'auditadmin', scope: 'all' }] });
  assert.equal(r.status, 200, r.text);
  const c = new Client();
  await c.signIn(u.username, u.password);
  assert.ok(!c.user.permissions.includes('audit:read'));
  assert.equal((await c.get('/api/v1/audit')).status, 403);
});

test('secadmin creates a role and sets its permissions; changes are audited', async () => {
  const sec = await demoClient('secadmin');
  const code = `r_${Date.now().toString(36)}`;
  const created = await sec.post('/api/v1/roles', { code, name: '测试角色' });
  assert.equal(created.status, 201, created.text);
  const set = await sec.put(`/api/v1/roles/${code}/permissions`, { permissions: ['matter:read', 'dashboard:read'] });
  assert.equal(set.status, 200, set.text);
  assert.deepEqual(set.body.permissions.sort(), ['dashboard:read', 'matter:read']);
  const perms = await sec.get('/api/v1/permissions');
  assert.ok(perms.body.items.some((p) => p.code === 'audit:read' && p.group === '安全审计'));
  const audit = await demoClient('auditadmin');
  const log = await audit.get(`/api/v1/audit?action=role.permissions&pageSize=100`);
  assert.ok(log.body.items.some((e) => e.object === `role:${code}` && e.detail.includes('matter:read')));
});

test('disable ends sessions; enable restores; reset forces a change', async () => {
  const sys = await demoClient('sysadmin');
  const u = await freshUser();
  const c = new Client();
  await c.signIn(u.username, u.password);
  const d = await sys.post(`/api/v1/users/${u.id}/disable`, {});
  assert.equal(d.status, 200);
  assert.equal(d.body.status, 'disabled');
  assert.equal((await c.get('/api/v1/me')).status, 401);
  assert.equal((await new Client().signIn(u.username, u.password)).status, 403);
  assert.equal((await sys.post(`/api/v1/users/${u.id}/enable`, {})).body.status, 'active');
  const reset = await sys.post(`/api/v1/users/${u.id}/password`, { password: 'Reset#Pass2024' });
  assert.equal(reset.status, 204, reset.text);
  const again = new Client();
  const r = await again.signIn(u.username, 'Reset#Pass2024');
  assert.equal(r.status, 200);
  assert.equal(r.body.user.mustChangePassword, true);
  assert.equal((await sys.post('/api/v1/users/123/disable', {})).status, 404);
});

// The server keeps signed-in principals in memory; none of these changes may
// wait for that cache to expire: the very next request sees them.
test('role, scope and role-permission changes apply to the next request of a signed-in user', async () => {
  const sec = await demoClient('secadmin');
  const u = await freshUser('unit_submitter', 'SCJG');
  const c = new Client();
  await c.signIn(u.username, u.password);
  const total = async () => {
    const r = await c.get('/api/v1/matters?pageSize=1');
    assert.equal(r.status, 200, r.text);
    return r.body.total;
  };
  const own = await total();
  for (let i = 0; i < 3; i++) assert.equal(await total(), own);  // cached by now

  let r = await sec.put(`/api/v1/users/${u.id}/roles`, { roles: [{ role: 'leader', scope: 'all' }] });
  assert.equal(r.status, 200, r.text);
  assert.ok((await total()) > own, 'the wider scope shows at once');
  r = await sec.put(`/api/v1/users/${u.id}/roles`, { roles: [{ role: 'leader', scope: 'org' }] });
  assert.equal(r.status, 200, r.text);
  assert.equal(await total(), own, 'and so does the narrower one');

  r = await sec.put(`/api/v1/users/${u.id}/roles`, { roles: [] });
  assert.equal(r.status, 200, r.text);
  const denied = await c.get('/api/v1/matters');
  assert.equal(denied.status, 403);
  assert.equal(denied.body.error.code, 'forbidden');

  // A role's permissions edited: everyone holding it is affected at once.
  const code = `p_${Date.now().toString(36)}`;
  assert.equal((await sec.post('/api/v1/roles', { code, name: '缓存测试角色' })).status, 201);
  assert.equal((await sec.put(`/api/v1/roles/${code}/permissions`, { permissions: ['matter:read'] })).status, 200);
  assert.equal((await sec.put(`/api/v1/users/${u.id}/roles`, { roles: [{ role: code, scope: 'org' }] })).status, 200);
  for (let i = 0; i < 3; i++) assert.equal((await c.get('/api/v1/matters')).status, 200);
  assert.equal((await sec.put(`/api/v1/roles/${code}/permissions`, { permissions: ['dashboard:read'] })).status, 200);
  assert.equal((await c.get('/api/v1/matters')).status, 403);
  assert.equal((await c.get('/api/v1/metrics?year=2024')).status, 200);
});

test('disabling a user ends a session that was just in use', async () => {
  const sys = await demoClient('sysadmin');
  const u = await freshUser();
  const c = new Client();
  await c.signIn(u.username, u.password);
  for (let i = 0; i < 3; i++) assert.equal((await c.get('/api/v1/me')).status, 200);
  assert.equal((await sys.post(`/api/v1/users/${u.id}/disable`, {})).status, 200);
  assert.equal((await c.get('/api/v1/me')).status, 401);
  assert.equal((await sys.post(`/api/v1/users/${u.id}/enable`, {})).status, 200);
  assert.equal((await c.get('/api/v1/me')).status, 401, 'enabling does not bring old sessions back');
});

test('orgs: tree with create, rename and move; bad input refused', async () => {
  const sys = await demoClient('sysadmin');
  const gov = await orgByCode(sys, 'GOV');
  const code = `T${Date.now().toString(36)}`.toUpperCase();
  const created = await sys.post('/api/v1/orgs', { code, name: '测试科', type: 'office', parentId: gov.id });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.body.parentId, gov.id);
  const jus = await orgByCode(sys, 'JUS');
  const moved = await sys.patch(`/api/v1/orgs/${created.body.id}`, { parentId: jus.id, name: '测试科（改）' });
  assert.equal(moved.status, 200, moved.text);
  assert.equal(moved.body.parentId, jus.id);
  assert.equal(moved.body.name, '测试科（改）');
  assert.equal((await sys.post('/api/v1/orgs', { code, name: 'x', type: 'office' })).status, 409);
  assert.equal((await sys.post('/api/v1/orgs', { code: 'Z1', name: 'x', type: 'planet' })).status, 422);
  // A cycle is refused.
  assert.equal((await sys.patch(`/api/v1/orgs/${jus.id}`, { parentId: created.body.id })).status, 422);
});
