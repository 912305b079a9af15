import { describe, expect, it } from 'vitest'
import type { Metric } from '@/api/metrics'
import {
  chartBars,
  defaultPart,
  drillQuery,
  expectedCount,
  figureSentence,
  formatFigure,
  groupMetrics,
  isRatio,
  moduleOf,
  partsOf,
  yearFromQuery,
  yearOptions,
} from './figures'

const count = (id: string, value: number, extra: Partial<Metric> = {}): Metric => ({
  id,
  label: id,
  type: 'count',
  unit: '件',
  value,
  ...extra,
})
const ratio = (id: string, numerator: number, denominator: number, extra: Partial<Metric> = {}): Metric => ({
  id,
  label: id,
  type: 'ratio',
  unit: '%',
  value: denominator === 0 ? null : Math.round((1000 * numerator) / denominator) / 10,
  numerator,
  denominator,
  ...extra,
})

describe('formatFigure', () => {
  it('shows a count with its unit', () => {
    expect(formatFigure(count('a', 233, { unit: '份' }))).toEqual({ value: '233', unit: '份', detail: '' })
    expect(formatFigure(count('a', 12345))).toEqual({ value: '12,345', unit: '件', detail: '' })
    expect(formatFigure(count('a', 0))).toEqual({ value: '0', unit: '件', detail: '' })
  })

  it('shows a ratio as per cent with numerator/denominator', () => {
    expect(formatFigure(ratio('r', 10, 10))).toEqual({ value: '100', unit: '%', detail: '10/10' })
    expect(formatFigure(ratio('r', 197, 200))).toEqual({ value: '98.5', unit: '%', detail: '197/200' })
    expect(formatFigure(ratio('r', 1, 3))).toEqual({ value: '33.3', unit: '%', detail: '1/3' })
  })

  it('shows a dash for a ratio that cannot be computed', () => {
    expect(formatFigure(ratio('r', 0, 0))).toEqual({ value: '—', unit: '', detail: '0/0' })
  })

  it('recognises a ratio by its parts when the type is missing', () => {
    const m: Metric = { id: 'x', label: 'x', unit: '%', value: 50, numerator: 1, denominator: 2 }
    expect(isRatio(m)).toBe(true)
    expect(isRatio({ id: 'y', label: 'y', unit: '件', value: 3 })).toBe(false)
  })

  it('reads as one sentence', () => {
    expect(figureSentence(count('出具审查意见书', 233, { label: '出具审查意见书', unit: '份' }))).toBe('出具审查意见书 233份')
    expect(figureSentence(ratio('r', 10, 10, { label: '报备率' }))).toBe('报备率 100%（10/10）')
    expect(figureSentence(count('u', 2, { label: '未经审查即决定', unit: '项', flagged: true }))).toBe(
      '未经审查即决定 2项，应为 0，需核查',
    )
    expect(figureSentence(count('u', 0, { label: '未经审查即决定', unit: '项', flagged: false }))).toBe('未经审查即决定 0项')
    expect(figureSentence(ratio('r', 0, 0, { label: '按期审查率' }))).toBe('按期审查率 暂无数据（0/0）')
  })
})

describe('groupMetrics', () => {
  it('groups by the server\'s group in order, counts apart from ratios', () => {
    const groups = groupMetrics([
      count('legality_review.received', 300, { group: '合法性审查' }),
      ratio('legality_review.on_time_rate', 9, 10, { group: '合法性审查' }),
      count('normative_document.issued', 10, { group: '行政规范性文件' }),
      count('filing_review.received', 10, { group: '行政规范性文件' }),
      count('legality_review.unlawful', 1, { group: '合法性审查' }),
    ])
    expect(groups.map((g) => g.label)).toEqual(['合法性审查', '行政规范性文件'])
    expect(groups[0].counts.map((m) => m.id)).toEqual(['legality_review.received', 'legality_review.unlawful'])
    expect(groups[0].ratios.map((m) => m.id)).toEqual(['legality_review.on_time_rate'])
    expect(groups[1].counts.map((m) => m.id)).toEqual(['normative_document.issued', 'filing_review.received'])
  })

  it('falls back to the id prefix', () => {
    expect(moduleOf('legality_review.received')).toBe('legality_review')
    expect(moduleOf('review_received')).toBe('review')
    expect(moduleOf('plain')).toBe('plain')
    const groups = groupMetrics([
      count('review_total', 1),
      count('decision_total', 2),
      count('counsel.contracts', 3),
      count('filing_review.received', 4),
      count('normative_issued', 5),
      count('mystery', 6),
    ])
    expect(groups.map((g) => [g.label, g.counts.length])).toEqual([
      ['合法性审查', 1],
      ['重大行政决策', 1],
      ['政府法律顾问', 1],
      ['行政规范性文件', 2],
      ['其他指标', 1],
    ])
  })

  it('gives chart bars for the counts only', () => {
    const [g] = groupMetrics([count('a.x', 3, { label: '甲' }), ratio('a.r', 1, 2), count('a.y', 0, { label: '乙' })])
    expect(chartBars(g)).toEqual([
      { id: 'a.x', label: '甲', value: 3 },
      { id: 'a.y', label: '乙', value: 0 },
    ])
  })
})

describe('drill-down', () => {
  it('offers a count\'s value and a ratio\'s numerator and denominator', () => {
    expect(partsOf(count('c', 57))).toEqual([{ part: 'value', label: '统计事项', count: 57 }])
    expect(partsOf(ratio('r', 8, 10)).map((p) => [p.part, p.count])).toEqual([
      ['numerator', 8],
      ['denominator', 10],
    ])
    expect(defaultPart(count('c', 1))).toBe('value')
    expect(defaultPart(ratio('r', 1, 2))).toBe('numerator')
    expect(expectedCount(ratio('r', 8, 10), 'denominator')).toBe(10)
    expect(expectedCount(count('c', 57), 'value')).toBe(57)
    expect(expectedCount(count('c', 57), 'numerator')).toBe(0)
  })

  it('builds the query with sane paging and no empty org', () => {
    expect(drillQuery({ year: 2024, part: 'value', page: 2, pageSize: 50 })).toEqual({
      year: 2024,
      part: 'value',
      page: 2,
      pageSize: 50,
    })
    expect(drillQuery({ year: 2024, part: 'numerator', page: 0, pageSize: 7, org: '' })).toEqual({
      year: 2024,
      part: 'numerator',
      page: 1,
      pageSize: 20,
    })
    expect(drillQuery({ year: 2023, part: 'denominator', page: 1.5, pageSize: 10, org: '42' })).toEqual({
      year: 2023,
      part: 'denominator',
      page: 1,
      pageSize: 10,
      org: '42',
    })
  })
})

describe('years', () => {
  it('lists this year down to the first', () => {
    expect(yearOptions(2026, 2022)).toEqual([2026, 2025, 2024, 2023, 2022])
    expect(yearOptions(2024, 2024)).toEqual([2024])
    expect(yearOptions(2019, 2020)).toEqual([2020, 2019])
  })

  it('reads the year from the address', () => {
    expect(yearFromQuery('2024', 2026)).toBe(2024)
    expect(yearFromQuery(['2023'], 2026)).toBe(2023)
    for (const bad of [undefined, '', '24', '2024x', '1999', '2101', 2024]) expect(yearFromQuery(bad, 2026)).toBe(2026)
  })
})
