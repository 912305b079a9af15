import { describe, expect, it } from 'vitest'
import { countByAction, hashPrefix } from './auditStats'

describe('audit helpers', () => {
  const rec = (action: string, result: string) => ({
    seq: 1, time: 0, username: 'u', ip: '', action, object: '', result, detail: '', hash: '',
  })

  it('counts records per action, busiest first', () => {
    expect(countByAction([rec('login', 'success'), rec('logout', 'success'), rec('login', 'failure')])).toEqual([
      { action: 'login', ok: 1, notOk: 1 },
      { action: 'logout', ok: 1, notOk: 0 },
    ])
  })

  it('shortens long hashes only', () => {
    expect(hashPrefix('0123456789abcdef0123')).toBe('0123456789ab…')
    expect(hashPrefix('abc')).toBe('abc')
  })
})
