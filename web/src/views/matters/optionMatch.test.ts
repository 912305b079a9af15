import { describe, expect, it } from 'vitest'
import type { CheckDef, FieldDef } from '@/api/matters'
import { matchingOptions, withMatchingOptions } from './optionMatch'

const item: FieldDef = {
  key: 'catalogue_item',
  label: '目录清单事项',
  type: 'enum',
  required: false,
  options: ['部门规范性文件', '政策措施', '其他事项'],
  optionsFrom: 'review_catalogue',
  optionAttrs: {
    部门规范性文件: { category: '行政规范性文件', kind: 'normative_document' },
    政策措施: { category: '政策文件' },
    其他事项: {},
  },
}
const matches: CheckDef = {
  field: 'catalogue_item',
  op: 'matches',
  other: 'category',
  attr: 'category',
  plus: { years: 0, months: 0, days: 0 },
  when: {},
}

describe('matchingOptions', () => {
  it('keeps the items of the chosen category and those that name none', () => {
    expect(matchingOptions(item, [matches], { category: '政策文件' })).toEqual(['政策措施', '其他事项'])
    expect(matchingOptions(item, [matches], { category: '行政规范性文件' })).toEqual(['部门规范性文件', '其他事项'])
  })
  it('offers every item until the other field has a value', () => {
    expect(matchingOptions(item, [matches], { category: null })).toEqual(item.options)
    expect(matchingOptions(item, [matches], {})).toEqual(item.options)
  })
  it('ignores other checks and fields without list attributes', () => {
    const order: CheckDef = { ...matches, op: 'not_before', attr: undefined }
    expect(matchingOptions(item, [order], { category: '政策文件' })).toEqual(item.options)
    const plain: FieldDef = { ...item, optionAttrs: undefined }
    expect(withMatchingOptions(plain, [matches], { category: '政策文件' })).toBe(plain)
  })
  it('returns the same field when nothing is narrowed', () => {
    expect(withMatchingOptions(item, [matches], {})).toBe(item)
    expect(withMatchingOptions(item, [matches], { category: '政策文件' }).options).toEqual(['政策措施', '其他事项'])
  })
})
