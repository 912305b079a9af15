import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './error'
import { buildUrl, configureHttp, http } from './http'

interface Call {
  url: string
  init: RequestInit
}

function fakeFetch(status: number, body?: unknown) {
  const calls: Call[] = []
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} })
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
    return new Response(status === 204 ? null : text, { status })
  })
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls }
}

function header(call: Call, name: string): string | null {
  return new Headers(call.init.headers).get(name)
}

afterEach(() => {
  configureHttp({ csrfToken: () => null, onUnauthorized: () => {} })
})

describe('buildUrl', () => {
  it('prefixes /api/v1 and drops empty query values', () => {
    expect(buildUrl('/users', { page: 2, pageSize: 20, q: '', x: undefined, y: null })).toBe(
      '/api/v1/users?page=2&pageSize=20',
    )
    expect(buildUrl('/me')).toBe('/api/v1/me')
    expect(buildUrl('/audit', { username: '张 三' })).toBe('/api/v1/audit?username=%E5%BC%A0+%E4%B8%89')
  })
})

describe('request', () => {
  it('sends same-origin credentials and parses JSON', async () => {
    const f = fakeFetch(200, { items: [], total: 0, page: 1, pageSize: 20 })
    configureHttp({ fetch: f.fetch })
    const page = await http.get('/users', { page: 1 })
    expect(page).toEqual({ items: [], total: 0, page: 1, pageSize: 20 })
    expect(f.calls[0].url).toBe('/api/v1/users?page=1')
    expect(f.calls[0].init.credentials).toBe('same-origin')
    expect(f.calls[0].init.method).toBe('GET')
  })

  it('sends the CSRF token on state changes only', async () => {
    const f = fakeFetch(204)
    configureHttp({ fetch: f.fetch, csrfToken: () => 'tok-1' })
    await http.get('/me')
    await http.post('/me/password', { oldPassword: 'a', newPassword: 'b' })
    await http.put('/users/1/roles', { roles: [] })
    await http.patch('/orgs/1', { name: 'x' })
    await http.del('/session')
    expect(f.calls.map((c) => header(c, 'X-CSRF-Token'))).toEqual([null, 'tok-1', 'tok-1', 'tok-1', 'tok-1'])
    expect(header(f.calls[1], 'Content-Type')).toBe('application/json')
    expect(f.calls[1].init.body).toBe('{"oldPassword":"a","newPassword":"b"}')
  })

  it('resolves 204 to undefined', async () => {
    configureHttp({ fetch: fakeFetch(204).fetch })
    await expect(http.del('/session')).resolves.toBeUndefined()
  })

  it('rejects with the mapped ApiError', async () => {
    configureHttp({
      fetch: fakeFetch(422, { error: { code: 'weak_password', message: '密码强度不足', details: {} } }).fetch,
    })
    const err = await http.post('/me/password', {}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 422, code: 'weak_password', message: '密码强度不足' })
  })

  it('maps a non-JSON error page to a generic error', async () => {
    configureHttp({ fetch: fakeFetch(502, '<html>Bad Gateway</html>').fetch })
    await expect(http.get('/health')).rejects.toMatchObject({ status: 502, code: 'http_502' })
  })

  it('maps a failed connection to network_error', async () => {
    configureHttp({
      fetch: (async () => {
        throw new TypeError('Failed to fetch')
      }) as typeof fetch,
    })
    await expect(http.get('/me')).rejects.toMatchObject({ status: 0, code: 'network_error' })
  })

  it('calls the unauthorized handler on 401 unless the call expects it', async () => {
    const onUnauthorized = vi.fn()
    const body = { error: { code: 'unauthenticated', message: '请先登录' } }
    configureHttp({ fetch: fakeFetch(401, body).fetch, onUnauthorized })
    await expect(http.get('/users')).rejects.toMatchObject({ status: 401 })
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
    await expect(http.get('/me', undefined, { expectUnauthorized: true })).rejects.toMatchObject({ status: 401 })
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('does not end the session when a 401 only rejects a typed credential', async () => {
    const onUnauthorized = vi.fn()
    const body = { error: { code: 'invalid_credentials', message: '原密码错误' } }
    configureHttp({ fetch: fakeFetch(401, body).fetch, onUnauthorized })
    await expect(http.post('/me/password', {})).rejects.toMatchObject({ code: 'invalid_credentials' })
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('does not treat 403 as a lost session', async () => {
    const onUnauthorized = vi.fn()
    configureHttp({ fetch: fakeFetch(403).fetch, onUnauthorized })
    await expect(http.get('/audit')).rejects.toMatchObject({ status: 403, message: '没有执行此操作的权限' })
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('adds extra headers such as If-Match without letting them replace the CSRF token', async () => {
    const f = fakeFetch(200, {})
    configureHttp({ fetch: f.fetch, csrfToken: () => 'tok-2' })
    await http.patch('/matters/7', { fields: {} }, { headers: { 'If-Match': '"3"', 'X-CSRF-Token': 'forged' } })
    expect(header(f.calls[0], 'If-Match')).toBe('"3"')
    expect(header(f.calls[0], 'X-CSRF-Token')).toBe('tok-2')
    expect(header(f.calls[0], 'Content-Type')).toBe('application/json')
  })

  it('sends a raw body with its own content type and still reads JSON back', async () => {
    const f = fakeFetch(201, { id: '9' })
    configureHttp({ fetch: f.fetch, csrfToken: () => 'tok-3' })
    const bytes = new Uint8Array([37, 80, 68, 70])
    const out = await http.post('/matters/7/attachments', undefined, {
      query: { name: '送审稿.pdf' },
      raw: { data: bytes, contentType: 'application/pdf' },
    })
    expect(out).toEqual({ id: '9' })
    expect(f.calls[0].url).toBe('/api/v1/matters/7/attachments?name=%E9%80%81%E5%AE%A1%E7%A8%BF.pdf')
    expect(header(f.calls[0], 'Content-Type')).toBe('application/pdf')
    expect(header(f.calls[0], 'X-CSRF-Token')).toBe('tok-3')
    expect(f.calls[0].init.body).toBe(bytes)
  })
})
