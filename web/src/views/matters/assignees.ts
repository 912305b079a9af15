// The assignee picker of an assigning action (分流 …): the server's candidates,
// least loaded first, each shown as 姓名 · 机构 · 在办 N 件 and found by name,
// org or role. Pure.
import { isApiError } from '@/api/error'
import type { AssigneeCandidate } from '@/api/matters'

/** 张三 · 明理律师事务所 · 在办 3 件 (the count left out when the server sent none). */
export function candidateLabel(c: AssigneeCandidate): string {
  const parts = [c.name, c.orgName].filter((p) => typeof p === 'string' && p.trim() !== '')
  if (typeof c.openMatters === 'number' && Number.isFinite(c.openMatters)) parts.push(`在办 ${c.openMatters} 件`)
  return parts.join(' · ')
}

function normalise(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase()
}

/** Whether what the user typed is part of the candidate's name, org or one of the roles. */
export function candidateMatches(c: AssigneeCandidate, query: string): boolean {
  const q = normalise(query)
  if (q === '') return true
  return [c.name, c.orgName, ...(c.roles ?? [])].some((t) => typeof t === 'string' && normalise(t).includes(q))
}

/** The candidates matching a query, in the server's order (least loaded first). */
export function filterCandidates(list: readonly AssigneeCandidate[], query: string): AssigneeCandidate[] {
  return list.filter((c) => candidateMatches(c, query))
}

/** Why the candidates could not be listed, in the user's words. */
export function candidatesFailure(e: unknown): string {
  if (isApiError(e)) {
    if (e.status === 404) return '事项不存在，或不在您的查看范围内'
    if (e.status === 422 && e.code === 'not_an_assign_action') return '该操作无需指定承办人'
    return `无法获取可指派人员：${e.message}`
  }
  return '无法获取可指派人员，请稍后重试'
}
