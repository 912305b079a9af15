import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './error'
import { PUBLIC_API_BASE, buildUrl, configureHttp, download, filenameFromDisposition, http } from './http'

interface Call {
  url: string
  init: RequestInit
}

function fakeFetch(status: number, body?: unknown, headers: Record<string, string> = {}) {
  const calls: Call[] = []
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} })
    const text = body === undefined ? '' : typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body)
    return new Response(status === 204 ? null : (text as BodyInit), { status, headers })
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

  it('takes another prefix for the public portal', () => {
    expect(buildUrl('/registers/x', { page: 1, q: '' }, PUBLIC_API_BASE)).toBe('/api/public/v1/registers/x?page=1')
  })
})

describe('filenameFromDisposition', () => {
  it('prefers the RFC 5987 UTF-8 name', () => {
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E5%AE%A1%E6%9F%A5%E6%84%8F%E8%A7%81%E4%B9%A6.pdf")).toBe('审查意见书.pdf')
    expect(filenameFromDisposition('attachment; filename="a.pdf"; filename*=UTF-8\'\'b%20c.pdf')).toBe('b c.pdf')
  })

  it('falls back to a plain name, and to "" without one', () => {
    expect(filenameFromDisposition('attachment; filename="notice.docx"')).toBe('notice.docx')
    expect(filenameFromDisposition('attachment; filename=notice.docx')).toBe('notice.docx')
    expect(filenameFromDisposition('attachment')).toBe('')
    expect(filenameFromDisposition(null)).toBe('')
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E5%AE")).toBe('')
  })

  it('never yields a path', () => {
    expect(filenameFromDisposition("attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd")).toBe('.._.._etc_passwd')
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

  it('calls the public portal without the /api/v1 prefix', async () => {
    const f = fakeFetch(200, { items: [] })
    configureHttp({ fetch: f.fetch })
    await http.get('/registers', undefined, { base: PUBLIC_API_BASE })
    expect(f.calls[0].url).toBe('/api/public/v1/registers')
  })

  it('passes a 429\'s Retry-After on with the error', async () => {
    const body = { error: { code: 'rate_limited', message: '访问过于频繁，请稍后再试' } }
    configureHttp({ fetch: fakeFetch(429, body, { 'Retry-After': '25' }).fetch })
    await expect(http.post('/consultations/1/comments', {})).rejects.toMatchObject({ status: 429, retryAfter: 25 })
  })
})

describe('download', () => {
  it('returns the body as a Blob with the server\'s file name', async () => {
    const bytes = new Uint8Array([37, 80, 68, 70])
    const f = fakeFetch(200, bytes, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': "attachment; filename*=UTF-8''%E9%80%9A%E7%9F%A5%E4%B9%A6.pdf",
    })
    configureHttp({ fetch: f.fetch })
    const file = await download('/matters/7/documents/generic_notice.pdf')
    expect(f.calls[0].url).toBe('/api/v1/matters/7/documents/generic_notice.pdf')
    expect(header(f.calls[0], 'Accept')).toBe('*/*')
    expect(file.filename).toBe('通知书.pdf')
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(bytes)
  })

  it('rejects with the ApiError of a refusal', async () => {
    const body = { error: { code: 'state_conflict', message: '事项尚未编定文号，暂不能出具此文书' } }
    configureHttp({ fetch: fakeFetch(409, body).fetch })
    await expect(download('/matters/7/documents/generic_notice.pdf')).rejects.toMatchObject({
      status: 409,
      code: 'state_conflict',
      message: '事项尚未编定文号，暂不能出具此文书',
    })
  })
})
