// The dashboard's pure helpers: figure text, grouping by module, the parts a
// figure drills into and the drill-down query. No Vue, no I/O.
import type { Metric, MetricMattersQuery, MetricPart } from '@/api/metrics'

/** Module prefixes of metric ids and their Chinese names, for servers that send no `group`. */
export const moduleLabels: Readonly<Record<string, string>> = {
  legality_review: '合法性审查',
  review: '合法性审查',
  normative_document: '行政规范性文件',
  normative: '行政规范性文件',
  filing_review: '行政规范性文件',
  major_decision: '重大行政决策',
  decision: '重大行政决策',
  counsel: '政府法律顾问',
}

export function isRatio(m: Metric): boolean {
  return m.type ? m.type === 'ratio' : m.numerator !== undefined && m.denominator !== undefined
}

/** A whole number with thousands separators (12,345); ratios keep their one decimal. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '—'
  return n.toLocaleString('zh-CN', { maximumFractionDigits: 1 })
}

export interface FigureText {
  /** The big number: "233", "98.5", or "—" when it cannot be computed. */
  value: string
  /** "件", "%" … ("" when the value is missing). */
  unit: string
  /** A ratio's "numerator/denominator" (e.g. "10/10"), else "". */
  detail: string
}

export function formatFigure(m: Metric): FigureText {
  const missing = m.value === null || m.value === undefined || !Number.isFinite(m.value)
  const value = missing ? '—' : formatNumber(m.value as number)
  const unit = missing ? '' : isRatio(m) ? '%' : m.unit
  const detail = isRatio(m) ? `${formatNumber(m.numerator ?? 0)}/${formatNumber(m.denominator ?? 0)}` : ''
  return { value, unit, detail }
}

/** One line for tooltips and screen readers: "出具审查意见书 233份", "报备率 100%（10/10）". */
export function figureSentence(m: Metric): string {
  const f = formatFigure(m)
  const main = f.value === '—' ? '暂无数据' : `${f.value}${f.unit}`
  const text = f.detail ? `${m.label} ${main}（${f.detail}）` : `${m.label} ${main}`
  return m.flagged ? `${text}，应为 0，需核查` : text
}

/** `legality_review.received` → `legality_review`; `review_received` → `review`. */
export function moduleOf(id: string): string {
  const dot = id.indexOf('.')
  if (dot > 0) return id.slice(0, dot)
  const underscore = id.indexOf('_')
  return underscore > 0 ? id.slice(0, underscore) : id
}

export interface MetricGroup {
  /** The group's label, which is also its key. */
  label: string
  counts: Metric[]
  ratios: Metric[]
}

/**
 * Groups figures by module in the order the server lists them: by `group` when
 * sent, else by the id's prefix (unknown prefixes under 其他指标).
 */
export function groupMetrics(metrics: readonly Metric[]): MetricGroup[] {
  const groups = new Map<string, MetricGroup>()
  for (const m of metrics) {
    const label = m.group?.trim() || moduleLabels[moduleOf(m.id)] || '其他指标'
    let g = groups.get(label)
    if (!g) {
      g = { label, counts: [], ratios: [] }
      groups.set(label, g)
    }
    ;(isRatio(m) ? g.ratios : g.counts).push(m)
  }
  return [...groups.values()]
}

export interface FigurePart {
  part: MetricPart
  label: string
  count: number
}

export const partLabels: Readonly<Record<MetricPart, string>> = {
  value: '统计事项',
  numerator: '符合项（分子）',
  denominator: '统计范围（分母）',
}

/** The sets of matters a figure stands for, each with how many the figure counts. */
export function partsOf(m: Metric): FigurePart[] {
  if (isRatio(m)) {
    return [
      { part: 'numerator', label: partLabels.numerator, count: m.numerator ?? 0 },
      { part: 'denominator', label: partLabels.denominator, count: m.denominator ?? 0 },
    ]
  }
  return [{ part: 'value', label: partLabels.value, count: m.value ?? 0 }]
}

/** The part opened when the figure itself is clicked: a count's value, a ratio's numerator. */
export function defaultPart(m: Metric): MetricPart {
  return isRatio(m) ? 'numerator' : 'value'
}

/** How many matters the figure counts for a part (the drill-down's expected total). */
export function expectedCount(m: Metric, part: MetricPart): number {
  return partsOf(m).find((p) => p.part === part)?.count ?? 0
}

export const DRILL_PAGE_SIZES = [10, 20, 50, 100]

export interface DrillState {
  year: number
  part: MetricPart
  page: number
  pageSize: number
  org?: string | null
}

/** The drill-down call's query: a page of at least 1, a known page size, no empty org. */
export function drillQuery(s: DrillState): MetricMattersQuery {
  const page = Number.isInteger(s.page) && s.page > 0 ? s.page : 1
  const pageSize = DRILL_PAGE_SIZES.includes(s.pageSize) ? s.pageSize : 20
  const q: MetricMattersQuery = { year: s.year, part: s.part, page, pageSize }
  if (s.org) q.org = s.org
  return q
}

/** The years offered, newest first: next year down to `first` (the demo's reference year 2024 included). */
export function yearOptions(current: number, first = 2020): number[] {
  const out: number[] = []
  for (let y = Math.max(current, first); y >= Math.min(first, current); y--) out.push(y)
  return out
}

/** `?year=2024` → 2024; anything else (missing, malformed, out of 2000–2100) → `fallback`. */
export function yearFromQuery(value: unknown, fallback: number): number {
  const text = Array.isArray(value) ? value[0] : value
  if (typeof text !== 'string' || !/^\d{4}$/.test(text)) return fallback
  const year = Number(text)
  return year >= 2000 && year <= 2100 ? year : fallback
}

export interface Bar {
  id: string
  label: string
  value: number
}

/** A group's count figures as chart bars (ratios are not counts and are left out). */
export function chartBars(group: MetricGroup): Bar[] {
  return group.counts.map((m) => ({ id: m.id, label: m.label, value: m.value ?? 0 }))
}
