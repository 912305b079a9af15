// The working-day calendar (工作日历): public holidays and make-up workdays per
// year, and the deadline arithmetic every matter's due day comes from.
import { http } from './http'

export type DayType = 'workday' | 'weekend' | 'holiday' | 'makeup_workday'
export type DeadlineUnit = 'working_day' | 'calendar_day'

export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string
  type: DayType
  /** 1 = Monday … 7 = Sunday */
  weekday: number
}

export interface CalendarYear {
  year: number
  days: CalendarDay[]
  holidays: string[]
  makeupWorkdays: string[]
}

export interface CalendarChanges {
  holidays: string[]
  makeupWorkdays: string[]
}

export interface DeadlineQuery {
  /** YYYY-MM-DD; the start day itself does not count. */
  from: string
  days: number
  unit: DeadlineUnit
}

export interface DeadlineAnswer {
  due: string
  from?: string
  days?: number
  unit?: DeadlineUnit
}

/** 404 for a year without calendar data. */
export function getCalendarYear(year: number): Promise<CalendarYear> {
  return http.get<CalendarYear>(`/calendar/${year}`)
}

/** Needs `config:manage`; 422 with the reason (a make-up day on a weekday, a date twice …). */
export function saveCalendarYear(year: number, changes: CalendarChanges): Promise<CalendarYear> {
  return http.put<CalendarYear>(`/calendar/${year}`, changes)
}

/** 422 with field messages (from, days, unit) or when the period runs into a year without data. */
export function computeDeadline(query: DeadlineQuery): Promise<DeadlineAnswer> {
  return http.get<DeadlineAnswer>('/calendar/deadline', { ...query })
}
