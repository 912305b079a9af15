// The hash-chained audit log (审计日志), read only.
import { http } from './http'
import type { Page } from './paging'

export interface AuditRecord {
  seq: number
  /** Epoch milliseconds. */
  time: number
  username: string
  ip: string
  action: string
  object: string
  result: string
  detail: string
  hash: string
}

export interface AuditQuery {
  page: number
  pageSize: number
  username?: string
  action?: string
  result?: string
  /** Epoch milliseconds, inclusive bounds. */
  from?: number
  to?: number
}

export function listAudit(query: AuditQuery): Promise<Page<AuditRecord>> {
  return http.get<Page<AuditRecord>>('/audit', { ...query })
}
