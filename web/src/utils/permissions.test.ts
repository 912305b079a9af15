import { describe, expect, it } from 'vitest'
import { hasAnyPermission } from './permissions'

describe('hasAnyPermission', () => {
  it('passes when nothing is required or any one listed permission is held', () => {
    expect(hasAnyPermission([], undefined)).toBe(true)
    expect(hasAnyPermission([], [])).toBe(true)
    expect(hasAnyPermission(['a'], 'a')).toBe(true)
    expect(hasAnyPermission(new Set(['b']), ['a', 'b'])).toBe(true)
    expect(hasAnyPermission(['a'], 'b')).toBe(false)
  })
})
