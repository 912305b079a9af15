import { describe, expect, it } from 'vitest'
import { chineseDate, formatDateTime } from './time'

describe('formatDateTime', () => {
  it('formats local time with zero padding', () => {
    const ms = new Date(2024, 0, 5, 8, 3, 9).getTime()
    expect(formatDateTime(ms)).toBe('2024-01-05 08:03:09')
  })

  it('returns an empty string for missing or bad values', () => {
    expect(formatDateTime(undefined)).toBe('')
    expect(formatDateTime(null)).toBe('')
    expect(formatDateTime(Number.NaN)).toBe('')
  })
})

describe('chineseDate', () => {
  it('writes ISO dates the Chinese way', () => {
    expect(chineseDate('2024-10-08')).toBe('2024年10月8日')
    expect(chineseDate('2024-12-31')).toBe('2024年12月31日')
    expect(chineseDate(null)).toBe('')
    expect(chineseDate('明天')).toBe('明天')
  })
})
