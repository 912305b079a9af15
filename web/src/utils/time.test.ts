import { describe, expect, it } from 'vitest'
import { formatDateTime } from './time'

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
