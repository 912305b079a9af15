import { describe, expect, it } from 'vitest'
import { labelOf, scopeLabels, userStatusLabels } from './labels'

describe('labels', () => {
  it('has Chinese names for every scope and status, and passes unknown codes through', () => {
    expect(Object.values(scopeLabels)).toEqual(['本人', '本单位', '本单位及下级', '全部', '指定单位'])
    expect(labelOf(userStatusLabels, 'locked')).toBe('锁定')
    expect(labelOf(userStatusLabels, 'archived')).toBe('archived')
  })
})
