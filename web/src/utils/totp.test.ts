import { describe, expect, it } from 'vitest'
import { groupSecret } from './totp'

describe('groupSecret', () => {
  it('splits a base32 secret into groups of four', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP')
    expect(groupSecret('ABC DE')).toBe('ABCD E')
  })
})
