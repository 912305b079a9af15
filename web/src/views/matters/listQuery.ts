// The matter list's filters, kept in the address (so a link or the back button
// brings the same list back) and turned into the list API's query. Pure.
import type { DueFilter, MatterQuery, MatterSort, SortOrder } from '@/api/matters'

export interface ListFilters {
  kind: string
  state: string
  due: DueFilter | ''
  q: string
  mine: boolean
  sort: MatterSort
  order: SortOrder
  page: number
  pageSize: number
}

export const DEFAULT_PAGE_SIZE = 20

export function defaultFilters(kind = ''): ListFilters {
  return { kind, state: '', due: '', q: '', mine: false, sort: 'due_on', order: 'asc', page: 1, pageSize: DEFAULT_PAGE_SIZE }
}

const sorts: ReadonlySet<string> = new Set(['due_on', 'received_at', 'updated_at', 'title', 'number', 'state'])
const pageSizes: ReadonlySet<number> = new Set([10, 20, 50, 100])

type RawQuery = Record<string, unknown>

function first(v: unknown): string {
  if (Array.isArray(v)) return first(v[0])
  return typeof v === 'string' ? v : ''
}

function positive(v: unknown, fallback: number): number {
  const n = Number(first(v))
  return Number.isSafeInteger(n) && n > 0 ? n : fallback
}

/** The filters a route shows; anything malformed falls back to the default. */
export function filtersFromRoute(kindParam: unknown, query: RawQuery): ListFilters {
  const f = defaultFilters(first(kindParam))
  f.state = first(query.state)
  const due = first(query.due)
  f.due = due === 'overdue' || due === 'soon' ? due : ''
  f.q = first(query.q).slice(0, 200)
  f.mine = first(query.mine) === '1'
  const sort = first(query.sort)
  if (sorts.has(sort)) f.sort = sort as MatterSort
  const order = first(query.order)
  if (order === 'asc' || order === 'desc') f.order = order
  f.page = positive(query.page, 1)
  const size = positive(query.pageSize, DEFAULT_PAGE_SIZE)
  f.pageSize = pageSizes.has(size) ? size : DEFAULT_PAGE_SIZE
  return f
}

/** The address query for filters: defaults are left out to keep links short. */
export function routeQuery(f: ListFilters): Record<string, string> {
  const d = defaultFilters()
  const out: Record<string, string> = {}
  if (f.state) out.state = f.state
  if (f.due) out.due = f.due
  if (f.q.trim()) out.q = f.q.trim()
  if (f.mine) out.mine = '1'
  if (f.sort !== d.sort || f.order !== d.order) {
    out.sort = f.sort
    out.order = f.order
  }
  if (f.page !== 1) out.page = String(f.page)
  if (f.pageSize !== d.pageSize) out.pageSize = String(f.pageSize)
  return out
}

/** The list API query for filters. */
export function apiQuery(f: ListFilters): MatterQuery {
  const q: MatterQuery = { page: f.page, pageSize: f.pageSize, sort: f.sort, order: f.order }
  if (f.kind) q.kind = f.kind
  if (f.kind && f.state) q.state = f.state
  if (f.due) q.due = f.due
  if (f.q.trim()) q.q = f.q.trim()
  if (f.mine) q.assignee = 'me'
  return q
}

/** ElTable's sort-change (prop + ascending/descending/null) to a sort; null returns to the default. */
export function sortFromTable(prop: string | null | undefined, order: string | null | undefined): Pick<ListFilters, 'sort' | 'order'> {
  const byProp: Record<string, MatterSort> = {
    dueOn: 'due_on',
    receivedAt: 'received_at',
    updatedAt: 'updated_at',
    title: 'title',
    number: 'number',
    stateLabel: 'state',
  }
  const sort = prop ? byProp[prop] : undefined
  if (!sort || !order) return { sort: 'due_on', order: 'asc' }
  return { sort, order: order === 'descending' ? 'desc' : 'asc' }
}

/** The column and direction ElTable should show as sorted. */
export function tableSort(f: Pick<ListFilters, 'sort' | 'order'>): { prop: string; order: 'ascending' | 'descending' } {
  const byApi: Record<MatterSort, string> = {
    due_on: 'dueOn',
    received_at: 'receivedAt',
    updated_at: 'updatedAt',
    title: 'title',
    number: 'number',
    state: 'stateLabel',
  }
  return { prop: byApi[f.sort], order: f.order === 'desc' ? 'descending' : 'ascending' }
}
