import { describe, expect, it } from 'vitest'
import { ApiError, fallbackMessage, networkError, parseRetryAfter, toApiError } from './error'

describe('toApiError', () => {
  it('takes code, message and details from the error body', () => {
    const e = toApiError(423, { error: { code: 'account_locked', message: '账号已锁定，请 15 分钟后再试', details: { until: 1 } } })
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(423)
    expect(e.code).toBe('account_locked')
    expect(e.message).toBe('账号已锁定，请 15 分钟后再试')
    expect(e.details).toEqual({ until: 1 })
  })

  it('exposes 422 field messages and ignores non-string ones', () => {
    const e = toApiError(422, {
      error: { code: 'validation_failed', message: '校验失败', details: { fields: { username: '用户名已存在', orgId: 7 } } },
    })
    expect(e.fields).toEqual({ username: '用户名已存在' })
  })

  it('has no fields when details carry none or a malformed value', () => {
    expect(toApiError(422, { error: { code: 'x', message: 'y' } }).fields).toEqual({})
    expect(toApiError(422, { error: { code: 'x', message: 'y', details: { fields: ['a'] } } }).fields).toEqual({})
  })

  it('falls back to a status code and a Chinese message for bodies that are not error objects', () => {
    for (const body of [undefined, null, 'Bad Gateway', [], { error: 'nope' }, { error: { code: '', message: '' } }]) {
      const e = toApiError(502, body)
      expect(e.code).toBe('http_502')
      expect(e.message).toBe('服务器暂时无法处理请求，请稍后重试')
      expect(e.details).toEqual({})
    }
  })

  it('keeps a message from the server even when the code is missing', () => {
    const e = toApiError(403, { error: { message: '无权查看该机构的数据' } })
    expect(e.code).toBe('http_403')
    expect(e.message).toBe('无权查看该机构的数据')
  })
})

describe('fallbackMessage', () => {
  it('knows the statuses the API uses and has a generic one for the rest', () => {
    expect(fallbackMessage(401)).toContain('登录')
    expect(fallbackMessage(429)).toContain('频繁')
    expect(fallbackMessage(418)).toBe('请求失败（418）')
    expect(fallbackMessage(503)).toContain('服务器')
  })
})

describe('networkError', () => {
  it('is an ApiError with status 0', () => {
    const e = networkError()
    expect(e.status).toBe(0)
    expect(e.code).toBe('network_error')
    expect(e.message).toContain('无法连接服务器')
  })
})

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30)
    expect(parseRetryAfter(' 0 ')).toBe(0)
    const now = Date.parse('2024-10-08T08:00:00Z')
    expect(parseRetryAfter('Tue, 08 Oct 2024 08:01:30 GMT', now)).toBe(90)
    expect(parseRetryAfter('Tue, 08 Oct 2024 07:00:00 GMT', now)).toBe(0)
  })

  it('is null when absent or unreadable', () => {
    expect(parseRetryAfter(null)).toBeNull()
    expect(parseRetryAfter(undefined)).toBeNull()
    expect(parseRetryAfter('')).toBeNull()
    expect(parseRetryAfter('soon')).toBeNull()
    expect(parseRetryAfter('-5')).toBeNull()
  })

  it('travels with the error', () => {
    const e = toApiError(429, { error: { code: 'rate_limited', message: '访问过于频繁，请稍后再试' } }, '42')
    expect(e.retryAfter).toBe(42)
    expect(toApiError(429, undefined).retryAfter).toBeNull()
    expect(toApiError(429, undefined).message).toBe('操作过于频繁，请稍后再试')
  })
})
