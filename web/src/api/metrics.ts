// Statistics (统计指标): the year's figures and, for each, the matters behind it.
//
// Figures are county-wide (or an org's subtree with `org`); the matters listed
// for a figure are only those within the caller's data scope, so a drill-down
// may list fewer than the figure counts.
import { http } from './http'
import type { MatterSummary } from './matters'
import type { Page } from './paging'

export type MetricType = 'count' | 'ratio'

/** Which set of matters a figure stands for: a count's `value`, a ratio's `numerator` or `denominator`. */
export type MetricPart = 'value' | 'numerator' | 'denominator'

export interface Metric {
  /** `<module>.<name>`, e.g. `legality_review.opinions_issued`. */
  id: string
  label: string
  /** The module's Chinese name (合法性审查 …); older servers may omit it. */
  group?: string
  type?: MetricType
  unit: string
  /** A count, or a ratio in per cent (one decimal); null when a ratio has no denominator. */
  value: number | null
  numerator?: number
  denominator?: number
  /** Present on control figures that should stay 0 (`flag: nonzero`): true when they are not. */
  flagged?: boolean
}

export interface Metrics {
  year: number
  metrics: Metric[]
}

export interface MetricMattersQuery {
  year: number
  part: MetricPart
  page: number
  pageSize: number
  org?: string
}

const seg = encodeURIComponent

/** 400 for a year outside 2000–2100. */
export function fetchMetrics(year: number, org?: string): Promise<Metrics> {
  return http.get<Metrics>('/metrics', { year, org })
}

/** 404 for an unknown metric id. */
export function listMetricMatters(id: string, query: MetricMattersQuery): Promise<Page<MatterSummary>> {
  return http.get<Page<MatterSummary>>(`/metrics/${seg(id)}/matters`, { ...query })
}
