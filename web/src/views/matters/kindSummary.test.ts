import { describe, expect, it } from 'vitest'
import type { Kind } from '@/api/matters'
import { creatableKinds, periodSummary } from './kindSummary'

function kind(over: Partial<Kind>): Kind {
  return {
    kind: 'k', label: '类型', version: 1, titleLabel: '标题', initial: 'a', final: ['b'], numbered: false,
    fields: [{ key: 'category', label: '审查类别', type: 'enum', required: true, options: ['甲', '乙'] }],
    states: [], actions: [], deadlines: [], ...over,
  }
}

describe('creatableKinds', () => {
  it('keeps the kinds the server allows', () => {
    const list = [kind({ kind: 'a', canCreate: true }), kind({ kind: 'b', canCreate: false }), kind({ kind: 'c' })]
    expect(creatableKinds(list).map((k) => k.kind)).toEqual(['a', 'c'])
  })
})

describe('periodSummary', () => {
  const base = { name: 'p', label: '审查期限', length: 10, unit: 'working_day' as const, extendable: 0, starts: 'accept', ends: [] }
  it('says when there is no period', () => {
    expect(periodSummary(kind({}))).toBe('无法定期限')
  })
  it('gives a fixed length with its unit', () => {
    expect(periodSummary(kind({ deadlines: [base] }))).toBe('审查期限 10 个工作日')
    expect(periodSummary(kind({ deadlines: [{ ...base, unit: 'calendar_day', length: 60 }] }))).toBe('审查期限 60 日')
  })
  it('names the date field a period is due on', () => {
    const k = kind({ fields: [{ key: 'valid_until', label: '有效期至', type: 'date', required: false }],
      deadlines: [{ ...base, label: '有效期', length: 0, dueField: 'valid_until' }] })
    expect(periodSummary(k)).toBe('有效期（按有效期至）')
  })
  it('gives the range of lengths chosen by a field', () => {
    const d = { ...base, lengthBy: 'category', lengths: { 甲: 15, 乙: 10 } }
    expect(periodSummary(kind({ deadlines: [d] }))).toBe('审查期限 10–15 个工作日（按审查类别）')
    const same = { ...base, lengthBy: 'category', lengths: { 甲: 10 } }
    expect(periodSummary(kind({ deadlines: [same] }))).toBe('审查期限 10 个工作日（按审查类别）')
  })
})
