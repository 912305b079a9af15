// The HTTP foundation: health, error model, limits, security headers, static
// files and the SPA fallback. Runs against SQLite and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request, rawHttp, statusOf, EXPECT_DB } from './lib.mjs';

test('health names the backend and version', async () => {
  const r = await request('GET', '/api/v1/health');
  assert.equal(r.status, 200);
  assert.equal(r.body.status, 'ok');
  assert.equal(r.body.db, EXPECT_DB);
  assert.match(r.body.version, /^\d+\.\d+\.\d+/);
  assert.match(r.headers.get('content-type'), /application\/json/);
});

test('unknown API path is a JSON 404', async () => {
  const r = await request('GET', '/api/v1/no-such-thing');
  assert.equal(r.status, 404);
  assert.equal(r.body.error.code, 'not_found');
  assert.ok(r.body.error.message.length > 0);
});

test('wrong method is 405 with Allow', async () => {
  const r = await request('DELETE', '/api/v1/health');
  assert.equal(r.status, 405);
  assert.equal(r.body.error.code, 'method_not_allowed');
  assert.match(r.headers.get('allow'), /GET/);
});

test('malformed JSON is 400, not a crash', async () => {
  for (const raw of ['{"username":', 'not json', '[1,2]', '\u0000\u0001']) {
    const r = await request('POST', '/api/v1/session', { raw, headers: { 'content-type': 'application/json' } });
    assert.equal(r.status, 400, raw);
    assert.equal(r.body.error.code, 'malformed_json');
  }
  const after = await request('GET', '/api/v1/health');
  assert.equal(after.status, 200);
});

test('security headers on API, static and error responses', async () => {
  for (const path of ['/api/v1/health', '/', '/api/v1/nope', '/some/client/route']) {
    const r = await request('GET', path);
    const csp = r.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/, path);
    assert.match(csp, /default-src 'self'/, path);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
    assert.ok(r.headers.get('referrer-policy'), path);
  }
  const api = await request('GET', '/api/v1/health');
  assert.equal(api.headers.get('cache-control'), 'no-store');
});

test('body over the limit is 413', async () => {
  const big = 'x'.repeat(2 * 1024 * 1024);
  const raw = await rawHttp(
    `POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${big.length}\r\n\r\n`);
  assert.equal(statusOf(raw), 413);
  assert.match(raw, /payload_too_large/);
});

test('oversized headers are 431', async () => {
  const raw = await rawHttp(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
  assert.equal(statusOf(raw), 431);
});

test('garbage on the wire gets 400 and the server lives on', async () => {
  const raw = await rawHttp('THIS IS NOT HTTP\r\n\r\n');
  assert.ok(raw === '' || statusOf(raw) === 400, raw.slice(0, 80));
  const r = await request('GET', '/api/v1/health');
  assert.equal(r.status, 200);
});

test('keep-alive serves several requests on one connection', async () => {
  const one = 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n';
  const raw = await rawHttp(one + one + 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal((raw.match(/HTTP\/1\.1 200/g) ?? []).length, 3);
});

test('static files: index, hashed assets cached, SPA fallback', async () => {
  const index = await request('GET', '/');
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type'), /text\/html/);
  assert.match(index.text, /法治政府建设综合管理平台/);
  assert.equal(index.headers.get('cache-control'), 'no-cache');
  const asset = /\/assets\/[^"']+\.js/.exec(index.text)[0];
  const js = await request('GET', asset);
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type'), /javascript/);
  assert.match(js.headers.get('cache-control'), /immutable/);
  const route = await request('GET', '/admin/users');
  assert.equal(route.status, 200);
  assert.match(route.text, /<div id="app">|id="app"/);
  assert.equal((await request('GET', '/assets/does-not-exist.js')).status, 404);
});

test('path traversal never escapes the web root', async () => {
  for (const target of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../../etc/passwd',
    '/assets/%2e%2e%2f%2e%2e%2fetc/passwd', '/..%2f..%2fetc%2fpasswd', '/assets/..%5c..%5cetc%5cpasswd']) {
    const raw = await rawHttp(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.doesNotMatch(raw, /root:x:0:0/, target);
    assert.ok([400, 404].includes(statusOf(raw)), `${target} -> ${statusOf(raw)}`);
  }
});

test('writes outside the API are refused', async () => {
  const r = await request('POST', '/index.html', { raw: 'x' });
  assert.equal(r.status, 405);
});
