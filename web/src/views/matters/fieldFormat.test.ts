import { describe, expect, it } from 'vitest'
import { diffLines, EMPTY, formatBytes, formatFieldValue, formatMoney, partyParts, stateLabel } from './fieldFormat'
import type { FieldType } from '@/api/matters'
import { sampleKind } from './fixtures.test-data'

const f = (type: FieldType) => ({ type })

describe('formatFieldValue', () => {
  it('shows a dash for empty values of every type', () => {
    for (const type of ['text', 'number', 'money', 'date', 'enum', 'org', 'user', 'party', 'attachment', 'matter_link'] as const) {
      expect(formatFieldValue(f(type), null)).toBe(EMPTY)
      expect(formatFieldValue(f(type), undefined)).toBe(EMPTY)
      expect(formatFieldValue(f(type), '')).toBe(EMPTY)
    }
    expect(formatFieldValue(f('party'), {})).toBe(EMPTY)
  })

  it('shows text, dates and options as they are', () => {
    expect(formatFieldValue(f('text'), '关于某事的请示')).toBe('关于某事的请示')
    expect(formatFieldValue(f('long_text'), '第一段\n第二段')).toBe('第一段\n第二段')
    expect(formatFieldValue(f('date'), '2024-05-01')).toBe('2024-05-01')
    expect(formatFieldValue(f('enum'), '合法')).toBe('合法')
  })

  it('groups numbers and gives money two decimals and 元', () => {
    expect(formatFieldValue(f('number'), 1234567)).toBe('1,234,567')
    expect(formatFieldValue(f('number'), 0)).toBe('0')
    expect(formatFieldValue(f('money'), 1234.5)).toBe('1,234.50 元')
    expect(formatFieldValue(f('money'), '20000')).toBe('20,000.00 元')
    expect(formatMoney('abc')).toBe(EMPTY)
  })

  it('names referenced orgs, users, attachments and matters through the lookups', () => {
    const ctx = {
      orgName: (id: string) => (id === '11' ? '县司法局' : undefined),
      userName: (id: string) => (id === '21' ? '李顾问' : undefined),
      attachmentName: (id: string) => (id === '31' ? '送审稿.pdf' : undefined),
      matterTitle: (id: string) => (id === '41' ? '某决策' : undefined),
    }
    expect(formatFieldValue(f('org'), '11', ctx)).toBe('县司法局')
    expect(formatFieldValue(f('user'), '21', ctx)).toBe('李顾问')
    expect(formatFieldValue(f('attachment'), '31', ctx)).toBe('送审稿.pdf')
    expect(formatFieldValue(f('matter_link'), '41', ctx)).toBe('某决策')
    expect(formatFieldValue(f('org'), '99', ctx)).toBe('机构 #99')
    expect(formatFieldValue(f('user'), '98')).toBe('用户 #98')
    expect(formatFieldValue(f('attachment'), '97')).toBe('附件 #97')
    expect(formatFieldValue(f('matter_link'), '96')).toBe('事项 #96')
    expect(formatFieldValue(f('user'), '0')).toBe(EMPTY)
  })

  it('shows a masked party with its labelled parts, never the party id', () => {
    const party = { partyId: '77', name: '张*', idNumber: '110***********1234', phone: '138****5678' }
    expect(formatFieldValue(f('party'), party)).toBe('张*，证件号码 110***********1234，联系电话 138****5678')
    expect(formatFieldValue(f('party'), { partyId: '78', name: '某公司', idNumber: '', phone: '' })).toBe('某公司')
  })

  it('falls back to JSON for types it does not know', () => {
    expect(formatFieldValue(undefined, { a: 1 })).toBe('{"a":1}')
    expect(formatFieldValue(undefined, 3)).toBe('3')
  })
})

describe('partyParts', () => {
  it('lists the non-empty parts in order', () => {
    expect(partyParts({ phone: '138****5678', name: '张*' })).toEqual([
      { part: 'name', label: '姓名/名称', value: '张*' },
      { part: 'phone', label: '联系电话', value: '138****5678' },
    ])
    expect(partyParts(null)).toEqual([])
    expect(partyParts('张三')).toEqual([])
  })
})

describe('formatBytes', () => {
  it('picks a readable unit', () => {
    expect(formatBytes(532)).toBe('532 B')
    expect(formatBytes(12_600)).toBe('12.3 KB')
    expect(formatBytes(4 * 1024 * 1024)).toBe('4.0 MB')
    expect(formatBytes(-1)).toBe('')
  })
})

describe('labels', () => {
  it('labels states and falls back to the code', () => {
    expect(stateLabel(sampleKind, 'accepted')).toBe('已受理')
    expect(stateLabel(sampleKind, 'gone')).toBe('gone')
    expect(stateLabel(undefined, 'accepted')).toBe('accepted')
  })

  it('turns an event diff into labelled lines in field order, title first', () => {
    const lines = diffLines(
      sampleKind,
      { conclusion: [null, '合法'], amount: [100, 250.5], title: ['旧', '新'], extra: [1, 2] },
      {},
    )
    expect(lines).toEqual([
      { key: 'title', label: '事项名称', before: '旧', after: '新' },
      { key: 'amount', label: '涉案金额', before: '100.00 元', after: '250.50 元' },
      { key: 'conclusion', label: '审查结论', before: EMPTY, after: '合法' },
      { key: 'extra', label: 'extra', before: '1', after: '2' },
    ])
    expect(diffLines(sampleKind, null)).toEqual([])
  })

  it('labels what the engine itself records: assignee, number', () => {
    const ctx = { userName: (id: string) => (id === '5' ? '李顾问' : undefined) }
    expect(diffLines(sampleKind, { number: ['', '审〔2024〕1号'], assignee: ['0', '5'] }, ctx)).toEqual([
      { key: 'number', label: '文号', before: EMPTY, after: '审〔2024〕1号' },
      { key: 'assignee', label: '承办人', before: EMPTY, after: '李顾问' },
    ])
  })
})
