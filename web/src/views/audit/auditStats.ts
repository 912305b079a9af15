// Counts for the audit page's chart. Pure.
import type { AuditRecord } from '@/api/audit'

export interface ActionCount {
  action: string
  ok: number
  notOk: number
}

/** Per action, how many records succeeded and how many did not; busiest first. */
export function countByAction(records: readonly AuditRecord[]): ActionCount[] {
  const map = new Map<string, ActionCount>()
  for (const r of records) {
    const c = map.get(r.action) ?? { action: r.action, ok: 0, notOk: 0 }
    if (r.result === 'success') c.ok++
    else c.notOk++
    map.set(r.action, c)
  }
  return [...map.values()].sort((a, b) => b.ok + b.notOk - (a.ok + a.notOk) || a.action.localeCompare(b.action))
}

/** Short hash for the table; the full value goes in a tooltip. */
export function hashPrefix(hash: string, length = 12): string {
  return hash.length > length ? `${hash.slice(0, length)}…` : hash
}
