import { describe, expect, it } from 'vitest'
import type { CalendarDay } from '@/api/calendar'
import {
  buildYearGrid,
  changesOf,
  countTypes,
  dayType,
  marksOf,
  sameMarks,
  todayIso,
  toggleDay,
  weekdayName,
  weekdayOf,
  type Marks,
} from './calendarGrid'

/** The days of a year as the server lists them (types left to the marks). */
function daysOf(year: number): CalendarDay[] {
  const out: CalendarDay[] = []
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    const date = d.toISOString().slice(0, 10)
    const weekday = ((d.getUTCDay() + 6) % 7) + 1
    out.push({ date, weekday, type: weekday >= 6 ? 'weekend' : 'workday' })
  }
  return out
}

const marks2024: Marks = marksOf({
  holidays: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'],
  makeupWorkdays: ['2024-09-29', '2024-10-12'],
})

describe('weekdays', () => {
  it('computes the weekday of a date, Monday = 1', () => {
    expect(weekdayOf('2024-10-01')).toBe(2) // a Tuesday
    expect(weekdayOf('2024-09-29')).toBe(7) // a Sunday
    expect(weekdayOf('2024-10-12')).toBe(6) // a Saturday
    expect(weekdayOf('2024-02-30')).toBe(0)
    expect(weekdayOf('nope')).toBe(0)
    expect(weekdayName(1)).toBe('星期一')
    expect(weekdayName(7)).toBe('星期日')
    expect(weekdayName(0)).toBe('')
  })
})

describe('dayType', () => {
  it('puts marks before the weekday', () => {
    expect(dayType('2024-10-01', 2, marks2024)).toBe('holiday')
    expect(dayType('2024-10-12', 6, marks2024)).toBe('makeup_workday')
    expect(dayType('2024-10-08', 2, marks2024)).toBe('workday')
    expect(dayType('2024-10-13', 7, marks2024)).toBe('weekend')
  })
})

describe('toggleDay', () => {
  it('toggles a weekday between workday and holiday', () => {
    const once = toggleDay('2024-10-08', 2, marks2024)
    expect(dayType('2024-10-08', 2, once)).toBe('holiday')
    const twice = toggleDay('2024-10-08', 2, once)
    expect(dayType('2024-10-08', 2, twice)).toBe('workday')
    expect(sameMarks(twice, marks2024)).toBe(true)
  })

  it('cycles a weekend day through holiday and make-up workday', () => {
    let m = marks2024
    const seen: string[] = []
    for (let i = 0; i < 3; i++) {
      m = toggleDay('2024-10-13', 7, m)
      seen.push(dayType('2024-10-13', 7, m))
    }
    expect(seen).toEqual(['holiday', 'makeup_workday', 'weekend'])
    expect(sameMarks(m, marks2024)).toBe(true)
  })

  it('never marks a day both ways, and leaves the input alone', () => {
    const m = toggleDay('2024-10-05', 6, marks2024) // a Saturday holiday → make-up day
    expect(m.holidays.has('2024-10-05')).toBe(false)
    expect(m.makeup.has('2024-10-05')).toBe(true)
    expect(marks2024.holidays.has('2024-10-05')).toBe(true)
  })
})

describe('changesOf', () => {
  it('gives sorted lists for the PUT body', () => {
    const m = toggleDay('2024-01-01', 1, marks2024)
    expect(changesOf(m)).toEqual({
      holidays: ['2024-01-01', '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'],
      makeupWorkdays: ['2024-09-29', '2024-10-12'],
    })
  })
})

describe('buildYearGrid', () => {
  const grids = buildYearGrid(daysOf(2024), marks2024)

  it('gives twelve months of Monday-first weeks', () => {
    expect(grids).toHaveLength(12)
    expect(grids.map((g) => g.title)[9]).toBe('10月')
    for (const g of grids) for (const w of g.weeks) expect(w).toHaveLength(7)
    // 2024-01-01 is a Monday: no padding.
    expect(grids[0].weeks[0][0]?.date).toBe('2024-01-01')
    // 2024-10-01 is a Tuesday: one blank first.
    expect(grids[9].weeks[0][0]).toBeNull()
    expect(grids[9].weeks[0][1]?.date).toBe('2024-10-01')
    // February of a leap year has 29 days.
    const feb = grids[1].weeks.flat().filter((c) => c !== null)
    expect(feb).toHaveLength(29)
  })

  it('types each day by the marks', () => {
    const oct = grids[9].weeks.flat()
    expect(oct.find((c) => c?.date === '2024-10-01')?.type).toBe('holiday')
    expect(oct.find((c) => c?.date === '2024-10-12')?.type).toBe('makeup_workday')
    expect(oct.find((c) => c?.date === '2024-10-19')?.type).toBe('weekend')
    const counts = countTypes(grids)
    expect(counts.holiday).toBe(7)
    expect(counts.makeup_workday).toBe(2)
    expect(counts.workday + counts.weekend + counts.holiday + counts.makeup_workday).toBe(366)
  })

  it('flags the days that differ from the saved calendar', () => {
    const edited = toggleDay('2024-10-08', 2, marks2024)
    const changed = buildYearGrid(daysOf(2024), edited, marks2024)
      .flatMap((g) => g.weeks.flat())
      .filter((c) => c?.changed)
      .map((c) => c?.date)
    expect(changed).toEqual(['2024-10-08'])
  })
})

describe('todayIso', () => {
  it('formats the local date', () => {
    expect(todayIso(new Date(2024, 9, 1, 23, 59))).toBe('2024-10-01')
  })
})
