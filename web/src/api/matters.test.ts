import { afterEach, describe, expect, it, vi } from 'vitest'
import { configureHttp } from './http'
import { ifMatch, listAssigneeCandidates, listMatters, takeAction, updateMatter, uploadAttachment, versionFromEtag } from './matters'

describe('ifMatch', () => {
  it('quotes the version as a strong entity tag', () => {
    expect(ifMatch(1)).toEqual({ 'If-Match': '"1"' })
    expect(ifMatch(42)).toEqual({ 'If-Match': '"42"' })
  })

  it('refuses what is not a version rather than sending a header the server rejects', () => {
    expect(() => ifMatch(0)).toThrow(RangeError)
    expect(() => ifMatch(-3)).toThrow(RangeError)
    expect(() => ifMatch(1.5)).toThrow(RangeError)
    expect(() => ifMatch(Number.NaN)).toThrow(RangeError)
  })
})

describe('versionFromEtag', () => {
  it('reads strong, weak and bare tags', () => {
    expect(versionFromEtag('"7"')).toBe(7)
    expect(versionFromEtag('W/"7"')).toBe(7)
    expect(versionFromEtag('7')).toBe(7)
    expect(versionFromEtag(' "12" ')).toBe(12)
  })

  it('gives null for anything else', () => {
    expect(versionFromEtag(null)).toBeNull()
    expect(versionFromEtag('')).toBeNull()
    expect(versionFromEtag('"abc"')).toBeNull()
    expect(versionFromEtag('"0"')).toBeNull()
  })

  it('round-trips ifMatch', () => {
    expect(versionFromEtag(ifMatch(9)['If-Match'])).toBe(9)
  })
})

describe('matter calls', () => {
  const calls: { url: string; init: RequestInit }[] = []
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} })
    return new Response('{"items":[],"total":0,"page":1,"pageSize":20}', { status: 200 })
  })

  afterEach(() => {
    calls.length = 0
    configureHttp({ csrfToken: () => null })
  })

  it('sends If-Match with edits and actions', async () => {
    configureHttp({ fetch: fetch as unknown as typeof globalThis.fetch, csrfToken: () => 't' })
    await updateMatter('5', 3, { title: '新标题', fields: {} })
    await takeAction('5', 'accept', 4, { fields: {}, note: '同意受理' })
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/matters/5', '/api/v1/matters/5/actions/accept'])
    expect(calls.map((c) => new Headers(c.init.headers).get('If-Match'))).toEqual(['"3"', '"4"'])
    expect(calls[0].init.method).toBe('PATCH')
    expect(JSON.parse(String(calls[1].init.body))).toEqual({ fields: {}, note: '同意受理' })
  })

  it('drops empty filters from the list query', async () => {
    configureHttp({ fetch: fetch as unknown as typeof globalThis.fetch })
    await listMatters({ page: 2, pageSize: 20, kind: 'test_case', q: '', state: undefined, sort: 'due_on', order: 'asc' })
    expect(calls[0].url).toBe('/api/v1/matters?page=2&pageSize=20&kind=test_case&sort=due_on&order=asc')
  })

  it('uploads the raw file with its name in the query', async () => {
    configureHttp({ fetch: fetch as unknown as typeof globalThis.fetch, csrfToken: () => 't' })
    const file = new File(['你好'], '说明.txt', { type: 'text/plain' })
    await uploadAttachment('8', file)
    expect(calls[0].url).toBe('/api/v1/matters/8/attachments?name=%E8%AF%B4%E6%98%8E.txt')
    expect(new Headers(calls[0].init.headers).get('Content-Type')).toBe('text/plain')
    expect(calls[0].init.body).toBe(file)
  })

  it('asks an action for its assignee candidates and returns them in order', async () => {
    const items = [
      { id: '3', name: '赵律师', orgName: '明理律师事务所', roles: ['外聘法律顾问'], openMatters: 0 },
      { id: '4', name: '李顾问', orgName: '示范县司法局', roles: ['政府总法律顾问'], openMatters: 2 },
    ]
    const answer = vi.fn(async (url: RequestInfo | URL) => {
      calls.push({ url: String(url), init: {} })
      return new Response(JSON.stringify({ items }), { status: 200 })
    })
    configureHttp({ fetch: answer as unknown as typeof globalThis.fetch })
    expect(await listAssigneeCandidates('8', 'assign')).toEqual(items)
    expect(calls[0].url).toBe('/api/v1/matters/8/actions/assign/candidates')
  })
})
