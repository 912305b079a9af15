// The working-day calendar's pure helpers: a year as twelve month grids
// (Monday first), what a day is given the marked holidays and make-up
// workdays, what a click turns it into, and the dates to save.
import type { CalendarChanges, CalendarDay, DayType } from '@/api/calendar'

export const dayTypeLabels: Readonly<Record<DayType, string>> = {
  workday: '工作日',
  weekend: '休息日',
  holiday: '法定节假日',
  makeup_workday: '调休上班',
}

export const WEEKDAY_HEADERS = ['一', '二', '三', '四', '五', '六', '日'] as const

const weekdayNames = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日']

/** 1 = Monday … 7 = Sunday → 星期一 … 星期日. */
export function weekdayName(weekday: number): string {
  return weekdayNames[weekday - 1] ?? ''
}

/** The weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date, or 0 if it is not one. */
export function weekdayOf(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return 0
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return 0
  return ((d.getUTCDay() + 6) % 7) + 1
}

export function isWeekend(weekday: number): boolean {
  return weekday >= 6
}

export interface Marks {
  holidays: ReadonlySet<string>
  makeup: ReadonlySet<string>
}

export function marksOf(changes: CalendarChanges): Marks {
  return { holidays: new Set(changes.holidays), makeup: new Set(changes.makeupWorkdays) }
}

/** What a day is: a marked holiday or make-up day, else by its weekday. */
export function dayType(date: string, weekday: number, marks: Marks): DayType {
  if (marks.holidays.has(date)) return 'holiday'
  if (marks.makeup.has(date)) return 'makeup_workday'
  return isWeekend(weekday) ? 'weekend' : 'workday'
}

/**
 * A click on a day: a weekday toggles between 工作日 and 法定节假日; a Saturday
 * or Sunday cycles 休息日 → 法定节假日 → 调休上班 → 休息日 (only weekend days can
 * be make-up workdays). Returns new sets; the old ones are left alone.
 */
export function toggleDay(date: string, weekday: number, marks: Marks): Marks {
  const holidays = new Set(marks.holidays)
  const makeup = new Set(marks.makeup)
  const now = dayType(date, weekday, marks)
  holidays.delete(date)
  makeup.delete(date)
  if (now === 'workday' || now === 'weekend') holidays.add(date)
  else if (now === 'holiday' && isWeekend(weekday)) makeup.add(date)
  return { holidays, makeup }
}

/** The body of PUT /calendar/{year}: sorted, each date once. */
export function changesOf(marks: Marks): CalendarChanges {
  return { holidays: [...marks.holidays].sort(), makeupWorkdays: [...marks.makeup].sort() }
}

export function sameMarks(a: Marks, b: Marks): boolean {
  const eq = (x: ReadonlySet<string>, y: ReadonlySet<string>) => x.size === y.size && [...x].every((d) => y.has(d))
  return eq(a.holidays, b.holidays) && eq(a.makeup, b.makeup)
}

export interface DayCell {
  date: string
  day: number
  weekday: number
  type: DayType
  /** Differs from the saved calendar. */
  changed: boolean
}

export interface MonthGrid {
  month: number
  title: string
  /** Rows of seven, Monday first; null pads the days outside the month. */
  weeks: (DayCell | null)[][]
}

/**
 * Twelve month grids from the server's list of days, with the types the
 * current marks give and which of them differ from `saved`.
 */
export function buildYearGrid(days: readonly CalendarDay[], marks: Marks, saved: Marks = marks): MonthGrid[] {
  const byMonth = new Map<number, CalendarDay[]>()
  for (const d of days) {
    const month = Number(d.date.slice(5, 7))
    if (!(month >= 1 && month <= 12)) continue
    const list = byMonth.get(month) ?? []
    list.push(d)
    byMonth.set(month, list)
  }
  const grids: MonthGrid[] = []
  for (let month = 1; month <= 12; month++) {
    const list = (byMonth.get(month) ?? []).slice().sort((a, b) => a.date.localeCompare(b.date))
    const cells: (DayCell | null)[] = []
    if (list.length > 0) for (let i = 1; i < list[0].weekday; i++) cells.push(null)
    for (const d of list) {
      const type = dayType(d.date, d.weekday, marks)
      cells.push({
        date: d.date,
        day: Number(d.date.slice(8, 10)),
        weekday: d.weekday,
        type,
        changed: type !== dayType(d.date, d.weekday, saved),
      })
    }
    while (cells.length % 7 !== 0) cells.push(null)
    const weeks: (DayCell | null)[][] = []
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
    grids.push({ month, title: `${month}月`, weeks })
  }
  return grids
}

/** How many days of each type the year has. */
export function countTypes(grids: readonly MonthGrid[]): Record<DayType, number> {
  const out: Record<DayType, number> = { workday: 0, weekend: 0, holiday: 0, makeup_workday: 0 }
  for (const g of grids) for (const w of g.weeks) for (const c of w) if (c) out[c.type]++
  return out
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
